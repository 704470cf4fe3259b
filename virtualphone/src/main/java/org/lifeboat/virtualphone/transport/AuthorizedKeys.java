package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.adb.auth.AdbKeyException;
import org.lifeboat.adb.auth.AndroidPublicKey;

/** The keys a phone with {@code ro.adb.secure=1} accepts: one {@code adbkey.pub}-style line each, as in adb_keys. */
public record AuthorizedKeys(List<RSAPublicKey> keys) {
    public AuthorizedKeys {
        keys = List.copyOf(keys);
    }

    /**
     * Reads an adb_keys file ({@code /data/misc/adb/adb_keys} on a phone). Blank lines are skipped.
     *
     * @throws AdbKeyException naming the file and line of the first key that cannot be read
     */
    public static AuthorizedKeys load(Path adbKeysFile) throws IOException {
        List<RSAPublicKey> keys = new ArrayList<>();
        List<String> lines = Files.readAllLines(adbKeysFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                keys.add(AndroidPublicKey.parse(lines.get(i)).rsaKey());
            } catch (AdbKeyException e) {
                throw new AdbKeyException(adbKeysFile + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new AuthorizedKeys(keys);
    }
}

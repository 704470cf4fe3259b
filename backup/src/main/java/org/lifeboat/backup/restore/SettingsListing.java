package org.lifeboat.backup.restore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.android.restore.Setting;

/**
 * Reads {@code settings/<namespace>.txt}, the output of {@code settings list <namespace>} ({@code key=value} lines,
 * android-data.md §4.9). A value holding a newline continues on a line without {@code =}; such lines are skipped, as
 * no allow-listed setting has one.
 */
public final class SettingsListing {
    private SettingsListing() {}

    public static List<Setting> parse(String namespace, byte[] listing) {
        List<Setting> settings = new ArrayList<>();
        for (String line : new String(listing, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            String key = equals < 0 ? "" : line.substring(0, equals);
            if (!key.isEmpty() && key.chars().noneMatch(Character::isWhitespace)) {
                settings.add(new Setting(namespace, key, line.substring(equals + 1)));
            }
        }
        return settings;
    }
}

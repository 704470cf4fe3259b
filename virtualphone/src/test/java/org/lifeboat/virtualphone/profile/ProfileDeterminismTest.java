package org.lifeboat.virtualphone.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDeterminismTest {
    @Test
    void sameSeedAndClockGiveTheSameBytesAndMtimes(@TempDir Path temp) throws Exception {
        Profile again = new ProfileWriter(new SplittableRandom(Profiles.SEED), Profiles.NOW)
                .write(BuiltInProfile.DEMO, 1, temp.resolve("again"));

        Map<String, String> expected = fingerprint(GeneratedProfiles.demo().root());
        assertThat(expected).hasSizeGreaterThan(400);
        assertThat(fingerprint(again.root())).isEqualTo(expected);
    }

    @Test
    void anotherSeedGivesAnotherPhone(@TempDir Path temp) throws Exception {
        Profile other = new ProfileWriter(new SplittableRandom(7), Profiles.NOW)
                .write(BuiltInProfile.BLANK, 1, temp.resolve("other"));

        assertThat(Files.readString(other.deviceProperties()))
                .isNotEqualTo(Files.readString(GeneratedProfiles.blank().deviceProperties()));
    }

    /** Relative path to content hash and mtime, for every file and folder below {@code root}. */
    private static Map<String, String> fingerprint(Path root) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String relative = root.relativize(path).toString();
                String mtime = relative.startsWith("sdcard")
                        ? Files.getLastModifiedTime(path).toString()
                        : "";
                String content = Files.isRegularFile(path) ? sha256(Files.readAllBytes(path)) : "dir";
                entries.put(relative, content + " " + mtime);
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

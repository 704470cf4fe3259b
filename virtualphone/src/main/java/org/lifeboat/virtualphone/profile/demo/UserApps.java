package org.lifeboat.virtualphone.profile.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.lifeboat.virtualphone.profile.apk.ApkManifest;
import org.lifeboat.virtualphone.profile.apk.ApkWriter;
import org.lifeboat.virtualphone.profile.media.ImagePainter;
import org.lifeboat.virtualphone.profile.media.Jpegs;

/**
 * The twelve user-installed demo apps. Package names are those of well-known open-source apps so listings look
 * familiar; the APKs are stand-ins (manifest, launcher icon, random asset payload, no code, unsigned). Three come
 * as split APKs with ABI, density and language configuration splits, like Play Store installs.
 */
final class UserApps {
    private record Spec(
            String packageName,
            String label,
            long versionCode,
            String versionName,
            int targetSdk,
            String installer,
            List<String> splits) {}

    private static final String PLAY = "com.android.vending";
    private static final String FDROID = "org.fdroid.fdroid";
    private static final List<String> CONFIG_SPLITS = List.of("config.arm64_v8a", "config.xxhdpi");

    private static final List<Spec> SPECS = List.of(
            new Spec(
                    "org.mozilla.firefox",
                    "Firefox",
                    2016017591,
                    "126.0",
                    34,
                    PLAY,
                    List.of("config.arm64_v8a", "config.xxhdpi", "config.de")),
            new Spec("com.whatsapp", "WhatsApp", 241012, "2.24.10.12", 34, PLAY, CONFIG_SPLITS),
            new Spec("org.wikipedia", "Wikipedia", 50489, "2.7.50489-r-2024-05-02", 34, PLAY, CONFIG_SPLITS),
            new Spec("org.telegram.messenger", "Telegram", 47612, "10.12.0", 34, PLAY, List.of()),
            new Spec(FDROID, "F-Droid", 1019050, "1.19.1", 33, null, List.of()),
            new Spec("org.videolan.vlc", "VLC", 13050407, "3.5.4", 33, FDROID, List.of()),
            new Spec("de.danoeh.antennapod", "AntennaPod", 3050095, "3.5.0", 34, FDROID, List.of()),
            new Spec("net.osmand.plus", "OsmAnd+", 4700, "4.7.10", 34, FDROID, List.of()),
            new Spec("com.nextcloud.client", "Nextcloud", 30280090, "3.28.0", 34, PLAY, List.of()),
            new Spec("org.thoughtcrime.securesms", "Signal", 144001, "7.7.0", 34, PLAY, List.of()),
            // An old app: Android 14 refuses targetSdk < 23 without --bypass-low-target-sdk-block.
            new Spec(
                    "com.example.legacyflashlight",
                    "Flashlight",
                    12,
                    "1.2",
                    22,
                    "com.google.android.packageinstaller",
                    List.of()),
            new Spec("com.termux", "Termux", 118, "0.118.0", 28, FDROID, List.of()));

    private UserApps() {}

    static List<AppPackage> generate(Timeline timeline, RandomGenerator random) {
        List<AppPackage> apps = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            Spec spec = SPECS.get(i);
            ApkManifest base = ApkManifest.base(
                    spec.packageName, spec.versionCode, spec.versionName, 21, spec.targetSdk, spec.label);
            Map<String, byte[]> apks = new LinkedHashMap<>();
            Map<String, byte[]> baseFiles = new LinkedHashMap<>();
            baseFiles.put("res/mipmap-mdpi/ic_launcher.png", Jpegs.encodePng(ImagePainter.photo(48, 48, random)));
            baseFiles.put("assets/payload.bin", randomBytes(20_000 + random.nextInt(400_000), random));
            apks.put("base.apk", ApkWriter.write(spec.splits.isEmpty() ? base : base.requiringSplits(), baseFiles));
            for (String split : spec.splits) {
                apks.put(
                        "split_" + split + ".apk", ApkWriter.write(base.configSplit(split), splitFiles(split, random)));
            }
            Instant installed = timeline.randomInstant(random);
            Instant updated = installed.plusSeconds(
                    random.nextLong(timeline.now().getEpochSecond() - installed.getEpochSecond()));
            apps.add(new AppPackage(
                    spec.packageName,
                    spec.versionCode,
                    spec.versionName,
                    Optional.ofNullable(spec.installer),
                    spec.targetSdk,
                    21,
                    false,
                    10_200 + i,
                    installed.toEpochMilli(),
                    updated.toEpochMilli(),
                    apks));
        }
        return apps;
    }

    private static Map<String, byte[]> splitFiles(String split, RandomGenerator random) {
        return switch (split) {
            case "config.arm64_v8a" -> Map.of("lib/arm64-v8a/libapp.so", randomBytes(150_000, random));
            case "config.xxhdpi" ->
                Map.of("res/mipmap-xxhdpi/ic_launcher.png", Jpegs.encodePng(ImagePainter.photo(144, 144, random)));
            default ->
                Map.of(
                        "assets/strings-" + split.substring("config.".length()) + ".txt",
                        "Hallo Welt\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
    }

    /** Incompressible filler, so APK sizes and backup dedup behave like real binaries. */
    static byte[] randomBytes(int size, RandomGenerator random) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}

package org.lifeboat.cli.adbclient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;
import org.lifeboat.virtualphone.profile.apk.ApkManifest;
import org.lifeboat.virtualphone.profile.apk.ApkWriter;

/** Virtual phones and APKs for the client tests; each phone lives in its own temporary state folder. */
final class TestPhones {
    private TestPhones() {}

    /** What the phone's adbd advertises: Android 10's modern set, or nothing, as on phones before Android 7. */
    enum Features {
        MODERN(Optional.empty()),
        STRIPPED(Optional.of(AdbFeatures.NONE));

        private final Optional<AdbFeatures> override;

        Features(Optional<AdbFeatures> override) {
            this.override = override;
        }

        boolean modern() {
            return this == MODERN;
        }
    }

    /** A factory-fresh phone (the {@code blank} profile) on a free port. */
    static VirtualPhone start(Path stateDir, Features features) throws IOException {
        VirtualPhoneConfig config = VirtualPhoneConfig.of("blank", stateDir);
        if (features.override.isPresent()) {
            config = config.withFeatures(features.override.get());
        }
        return VirtualPhone.start(config);
    }

    /** A valid base APK for {@code packageName}, version 3. */
    static ApkFile baseApk(String packageName, String fileName) {
        return apk(fileName, ApkManifest.base(packageName, 3, "1.2", 21, 34, "Test app"));
    }

    /** A base APK that needs its splits, and one configuration split of it. */
    static ApkFile[] splitApp(String packageName) {
        ApkManifest base = ApkManifest.base(packageName, 5, "2.0", 21, 34, "Split app");
        return new ApkFile[] {
            apk("base.apk", base.requiringSplits()), apk("split_config.en.apk", base.configSplit("config.en"))
        };
    }

    private static ApkFile apk(String fileName, ApkManifest manifest) {
        byte[] bytes = ApkWriter.write(manifest, Map.of());
        return new ApkFile(fileName, bytes.length, () -> new ByteArrayInputStream(bytes));
    }
}

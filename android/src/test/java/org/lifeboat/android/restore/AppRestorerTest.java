package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lifeboat.adb.client.ApkFile;

class AppRestorerTest {

    private static final AppToRestore MAPS = app("org.example.maps", 30, OptionalInt.empty());
    private static final AppToRestore NOTES = app("org.example.notes", 12, OptionalInt.empty());
    private static final AppToRestore OLD = app("org.example.old", 5, OptionalInt.of(22));

    @Test
    void installsMissingAppsWithSplitsBaseFirstAndSkipsSameOrNewerVersions() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(33)
                .answer(
                        "pm list packages --show-versioncode org.example.maps",
                        "package:org.example.maps versionCode:30\n")
                .answer(
                        "pm list packages --show-versioncode",
                        "package:com.android.shell versionCode:33\npackage:org.example.notes versionCode:13\n");
        AppRestorer restorer = new AppRestorer(phone);
        List<AppToRestore> desired = List.of(MAPS, NOTES);

        RestorePlan<AppToRestore> plan = restorer.plan(restorer.inspect(desired), desired);
        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(plan.alreadyPresent()).containsExactly("org.example.notes (versionCode 12), newer 13 installed");
        assertThat(phone.installs).containsExactly("-r base.apk split_config.arm64_v8a.apk");
        assertThat(result.restored()).containsExactly("org.example.maps (versionCode 30)");
    }

    @Test
    void android14LowTargetSdkAppsGetTheBypassFlagUpFrontOrOnRetry() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34)
                .answer(
                        "pm list packages --show-versioncode org.example.old",
                        "package:org.example.old versionCode:5\n")
                .answer(
                        "pm list packages --show-versioncode org.example.maps",
                        "package:org.example.maps versionCode:30\n");
        AppRestorer restorer = new AppRestorer(phone);

        restorer.apply(restorer.plan(java.util.Map.of(), List.of(OLD)), RestoreProgress.NONE);
        phone.installFailures.add("Failure [INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at"
                + " least SDK version 23]");
        RestoreResult retried = restorer.apply(restorer.plan(java.util.Map.of(), List.of(MAPS)), RestoreProgress.NONE);

        assertThat(phone.installs)
                .containsExactly(
                        "-r --bypass-low-target-sdk-block base.apk split_config.arm64_v8a.apk",
                        "-r base.apk split_config.arm64_v8a.apk",
                        "-r --bypass-low-target-sdk-block base.apk split_config.arm64_v8a.apk");
        assertThat(retried.restored()).hasSize(1);
    }

    @Test
    void refusalsAreReportedWithTheirFix() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(30);
        phone.installFailures.add("Failure [INSTALL_FAILED_USER_RESTRICTED: Install canceled by user]");

        RestoreResult result = new AppRestorer(phone)
                .apply(new AppRestorer(phone).plan(java.util.Map.of(), List.of(NOTES)), RestoreProgress.NONE);

        assertThat(result.failed()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("INSTALL_FAILED_USER_RESTRICTED")
                .contains("Install via USB"));
    }

    private static AppToRestore app(String name, long version, OptionalInt targetSdk) {
        return new AppToRestore(name, version, targetSdk, List.of(apk("split_config.arm64_v8a.apk"), apk("base.apk")));
    }

    private static ApkFile apk(String name) {
        return new ApkFile(name, 3, () -> new ByteArrayInputStream(new byte[] {1, 2, 3}));
    }
}

package org.lifeboat.virtualphone.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileInstallerTest {
    @TempDir
    Path temp;

    private Profile handMade() throws Exception {
        Path root = temp.resolve("profile");
        Path photo = root.resolve("sdcard/DCIM/Camera/IMG_1.jpg");
        Files.createDirectories(photo.getParent());
        Files.write(photo, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(photo, FileTime.from(Instant.parse("2021-03-04T05:06:07Z")));
        Files.setLastModifiedTime(photo.getParent(), FileTime.from(Instant.parse("2021-03-05T00:00:00Z")));
        Files.writeString(root.resolve("device.properties"), "ro.product.model=Hand made\n");
        Files.createDirectories(root.resolve("providers"));
        Files.writeString(root.resolve("providers/sms.json"), "{\"sms\": [{\"_id\": 1, \"body\": \"hi\"}]}");
        return Profile.open(root);
    }

    @Test
    void copiesSharedStorageWithMtimesAndHandsTheRestOverUnderProfileNames() throws Exception {
        Path state = temp.resolve("state");

        ProfileInstaller.install(handMade(), state);

        Path photo = state.resolve("fs/storage/emulated/0/DCIM/Camera/IMG_1.jpg");
        assertThat(photo).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(Files.getLastModifiedTime(photo).toInstant()).isEqualTo(Instant.parse("2021-03-04T05:06:07Z"));
        assertThat(Files.getLastModifiedTime(photo.getParent()).toInstant())
                .isEqualTo(Instant.parse("2021-03-05T00:00:00Z"));
        assertThat(state.resolve("device.properties")).hasContent("ro.product.model=Hand made");
        assertThat(state.resolve("providers/sms.json")).content().contains("\"hi\"");
        try (var entries = Files.list(state)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("device.properties", "fs", "providers");
        }
    }

    @Test
    void installIfEmptyLeavesAnExistingPhoneAlone() throws Exception {
        Path state = temp.resolve("state");
        Profile profile = handMade();

        assertThat(ProfileInstaller.installIfEmpty(profile, state)).isTrue();
        Files.writeString(state.resolve("device.properties"), "changed by the phone\n");

        assertThat(ProfileInstaller.installIfEmpty(profile, state)).isFalse();
        assertThat(state.resolve("device.properties")).hasContent("changed by the phone");
        assertThatThrownBy(() -> ProfileInstaller.install(profile, state))
                .isInstanceOf(StateNotEmptyException.class)
                .hasMessageContaining("not empty");
    }

    @Test
    void symbolicLinksOutOfTheProfileAreRefusedBeforeAnythingIsCopied() throws Exception {
        Profile profile = handMade();
        Files.createSymbolicLink(profile.sdcard().resolve("passwd"), Path.of("/etc/passwd"));
        Path state = temp.resolve("state");

        assertThatThrownBy(() -> ProfileInstaller.install(profile, state))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("symbolic link");
        assertThat(state).doesNotExist();
    }

    @Test
    void malformedProviderFilesAndAppsAreReportedByName() throws Exception {
        Profile profile = handMade();
        Files.writeString(profile.sms(), "{\"sms\": {\"_id\": 1}}");

        assertThatThrownBy(() -> ProfileInstaller.install(profile, temp.resolve("state")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("sms.json")
                .hasMessageContaining("must be an array");

        Files.writeString(profile.sms(), "{\"sms\": []}");
        Files.createDirectories(profile.apps().resolve("org.example.app"));
        Files.write(profile.apps().resolve("org.example.app/base.apk"), new byte[] {1});
        Files.writeString(profile.apps().resolve("org.example.app/package.json"), "{\"versionCode\": 1}");
        assertThatThrownBy(() -> ProfileInstaller.install(profile, temp.resolve("state")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("lacks [versionName, installer, targetSdk]");
    }

    @Test
    void theDemoInstallsCompletely() throws Exception {
        Path state = temp.resolve("demo-state");

        ProfileInstaller.install(GeneratedProfiles.demo(), state);

        assertThat(state.resolve("fs/storage/emulated/0/DCIM/Camera")).isDirectory();
        assertThat(state.resolve("apps/com.whatsapp/split_config.xxhdpi.apk")).isRegularFile();
        assertThat(state.resolve("settings/global.properties")).content().contains("adb_enabled=1");
    }
}

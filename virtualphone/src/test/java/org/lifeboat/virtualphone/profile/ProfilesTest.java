package org.lifeboat.virtualphone.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
    @Test
    void builtInProfilesAreGeneratedOnceIntoTheCache() throws Exception {
        Profile first = GeneratedProfiles.blank();
        Files.writeString(first.root().resolve("marker"), "kept");

        Profile second = GeneratedProfiles.blank();

        assertThat(second.root()).isEqualTo(first.root());
        assertThat(second.root().resolve("marker")).hasContent("kept");
        Files.delete(first.root().resolve("marker"));
    }

    @Test
    void blankHasSystemAppsOnlyAndNoUserData() {
        Profile blank = GeneratedProfiles.blank();

        assertThat(ProfileSummary.of(blank)).isEqualTo(new ProfileSummary(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(blank.appFolders()).isNotEmpty();
        assertThat(blank.appFolders()).allSatisfy(app -> assertThat(app.resolve("package.json"))
                .content()
                .contains("\"installer\" : null", "\"system\" : true"));
        assertThat(blank.sdcard().resolve("DCIM")).isEmptyDirectory();
    }

    @Test
    void aFolderIsUsedAsItIs(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("device.properties"), "ro.product.model=Hand made\n");

        assertThat(Profiles.resolve(folder.toString(), 1, GeneratedProfiles.CACHE)
                        .root())
                .isEqualTo(folder);
    }

    @Test
    void unknownNamesFoldersWithoutProfileFilesAndBadScalesAreRefused(@TempDir Path empty) {
        assertThatThrownBy(() -> Profiles.resolve("dmeo", 1, GeneratedProfiles.CACHE))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("[blank, demo]");
        assertThatThrownBy(() -> Profiles.resolve(empty.toString(), 1, GeneratedProfiles.CACHE))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("contains none of");
        assertThatThrownBy(() -> Profiles.resolve("blank", 3, GeneratedProfiles.CACHE))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("exactly 1 for blank");
    }
}

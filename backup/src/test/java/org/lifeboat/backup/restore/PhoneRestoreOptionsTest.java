package org.lifeboat.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.repository.filter.PathFilter;

class PhoneRestoreOptionsTest {

    @Test
    void excludesLeaveOutFilesBelowAMatchingFolderAndByNameAtAnyDepth() {
        PhoneRestoreOptions options = options(List.of(), List.of("/files/Download", "*.mp4"));

        assertThat(options.selects(List.of("files", "DCIM", "Camera", "IMG_1.jpg")))
                .isTrue();
        assertThat(options.selects(List.of("files", "Download", "a.pdf"))).isFalse();
        assertThat(options.selects(List.of("files", "Movies", "clip.mp4"))).isFalse();
    }

    @Test
    void anExcludeWinsOverAnInclude() {
        PhoneRestoreOptions options = options(List.of("/files/DCIM/**"), List.of("/files/DCIM/Screenshots"));

        assertThat(options.selects(List.of("files", "DCIM", "Camera", "IMG_1.jpg")))
                .isTrue();
        assertThat(options.selects(List.of("files", "DCIM", "Screenshots", "s.png")))
                .isFalse();
        assertThat(options.selects(List.of("files", "Music", "song.mp3"))).isFalse();
    }

    @Test
    void excludingATypesFolderLeavesOutTheTypeAndAnAppsFolderTheApp() {
        PhoneRestoreOptions options = options(List.of(), List.of("/messages/**", "/apps/com.example.game"));

        assertThat(options.selects(DataType.MESSAGES)).isFalse();
        assertThat(options.selects(DataType.CONTACTS)).isTrue();
        assertThat(options.selects(DataType.APPS)).isTrue();
        assertThat(options.keepsApp("com.example.game")).isFalse();
        assertThat(options.keepsApp("org.wikipedia")).isTrue();
    }

    @Test
    void relativeExcludesLeaveOutFilesOnlyNeverATypeOrAnApp() {
        PhoneRestoreOptions options = options(List.of(), List.of("calls", "c*", "files", "com.example.game"));

        assertThat(options.selects(DataType.CALLS)).isTrue();
        assertThat(options.selects(DataType.CONTACTS)).isTrue();
        assertThat(options.selects(DataType.CALENDAR)).isTrue();
        assertThat(options.selects(DataType.FILES)).isTrue();
        assertThat(options.keepsApp("com.example.game")).isTrue();
        assertThat(options.selects(List.of("files", "Recordings", "calls", "r.m4a")))
                .isFalse();
        assertThat(options.selects(List.of("files", "Download", "files", "a.pdf")))
                .isFalse();
        assertThat(options.selects(List.of("files", "DCIM", "IMG_1.jpg"))).isTrue();
    }

    @Test
    void absoluteExcludesReachTypesAppsAndFiles() {
        PhoneRestoreOptions options = options(List.of(), List.of("/calls", "/c*/**", "/*/Download"));

        assertThat(options.selects(DataType.CALLS)).isFalse();
        assertThat(options.selects(DataType.CONTACTS)).isFalse();
        assertThat(options.selects(DataType.MESSAGES)).isTrue();
        assertThat(options.selects(List.of("files", "Download", "a.pdf"))).isFalse();
        assertThat(options.selects(List.of("files", "DCIM", "Download", "a.pdf")))
                .isTrue();
    }

    @Test
    void anExcludeThatCanOnlyMatchInsideATypeRestoredWholeIsRejected() {
        for (String pattern :
                List.of("/messages/mms-parts", "/contacts/contacts.vcf", "/apps/com.example.game/base.apk", "/DCIM")) {
            assertThatThrownBy(() -> options(List.of(), List.of(pattern)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + pattern + "' leaves out nothing")
                    .hasMessageContaining("'/apps/com.example.game'");
        }
    }

    @Test
    void anExcludeThatCouldMatchAFileATypeOrAnAppIsAccepted() {
        for (String pattern : List.of("/files/x/y", "/*/mms-parts", "/**/mms-parts", "/apps/*/**", "/m*/**")) {
            assertThat(options(List.of(), List.of(pattern)).excludes().patterns())
                    .hasSize(1);
        }
    }

    @Test
    void withoutPatternsEverythingChosenIsRestored() {
        PhoneRestoreOptions options = new PhoneRestoreOptions(EnumSet.of(DataType.FILES), PathFilter.NONE, false);

        assertThat(options.selects(DataType.FILES)).isTrue();
        assertThat(options.selects(DataType.CONTACTS)).isFalse();
        assertThat(options.selects(List.of("files", "any", "file.bin"))).isTrue();
    }

    private static PhoneRestoreOptions options(List<String> includes, List<String> excludes) {
        return new PhoneRestoreOptions(
                EnumSet.allOf(DataType.class), PathFilter.parse(includes), PathFilter.parse(excludes), false);
    }
}

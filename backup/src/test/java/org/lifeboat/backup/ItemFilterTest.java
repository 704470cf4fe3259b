package org.lifeboat.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.android.collect.CollectedItem;

class ItemFilterTest {
    private static final Instant TIME = Instant.ofEpochSecond(1_700_000_000);

    private final List<CollectedItem> items = List.of(
            new CollectedItem.PhoneDirectory(List.of("files"), TIME, 0771),
            new CollectedItem.PhoneDirectory(List.of("files", "DCIM"), TIME, 0771),
            file("files", "DCIM", "a.jpg"),
            file("files", "DCIM", "clip.mp4"),
            new CollectedItem.PhoneDirectory(List.of("files", "Download"), TIME, 0771),
            file("files", "Download", "b.pdf"),
            new CollectedItem.Generated(List.of("files", "note.txt"), new byte[] {1}));

    @Test
    void excludeLeavesOutMatchingFilesAndEverythingBelowAMatchingFolder() {
        ItemFilter.Result result = new ItemFilter(List.of(), List.of("*.mp4", "/files/Download")).apply(items);

        assertThat(result.kept())
                .extracting(CollectedItem::path)
                .containsExactly(
                        List.of("files"),
                        List.of("files", "DCIM"),
                        List.of("files", "DCIM", "a.jpg"),
                        List.of("files", "note.txt"));
        assertThat(result.filesLeftOut()).isEqualTo(2);
    }

    @Test
    void includeKeepsOnlyMatchesAndTheFoldersLeadingToThem() {
        ItemFilter.Result result = new ItemFilter(List.of("/files/Download/**"), List.of()).apply(items);

        assertThat(result.kept())
                .extracting(CollectedItem::path)
                .containsExactly(
                        List.of("files"),
                        List.of("files", "Download"),
                        List.of("files", "Download", "b.pdf"),
                        List.of("files", "note.txt"));
        assertThat(result.filesLeftOut()).isEqualTo(2);
    }

    @Test
    void hostnameNamesThePhoneBySerialAndModelWhateverTheConnection() {
        assertThat(PhoneSnapshots.hostname("Pixel 7 Pro", "LBDEMO12")).isEqualTo("Pixel-7-Pro-LBDEMO12");
        assertThat(PhoneSnapshots.hostname("  ", "a/b")).isEqualTo("unknown-a-b");
    }

    private static CollectedItem file(String... path) {
        return new CollectedItem.PhoneFile(
                List.of(path), DevicePath.of("/storage/emulated/0/" + path[path.length - 1]), 10, TIME, 0660);
    }
}

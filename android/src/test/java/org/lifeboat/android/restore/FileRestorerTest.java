package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteFileStat;

class FileRestorerTest {

    private static final Instant TAKEN = Instant.parse("2021-03-04T05:06:07.890Z");

    @Test
    void pushesWithOriginalMtimeSkipsIdenticalFilesAndScansPerFileFromAndroid11() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34)
                .answer("scan_file", "Result: Bundle[{android.intent.extra.STREAM=content://media/external/1}]\n");
        FileToRestore photo = file("/sdcard/DCIM/Camera/IMG 1#.jpg", "jpeg bytes");
        FileToRestore same = file("/storage/emulated/0/Music/song.mp3", "mp3");
        phone.files.put(
                same.path(), new RemoteFileStat(0100660, 3, Instant.ofEpochSecond(TAKEN.getEpochSecond()), true));
        FileRestorer restorer = new FileRestorer(phone);
        List<FileToRestore> desired = List.of(photo, same);

        RestorePlan<FileToRestore> plan = restorer.plan(restorer.inspect(desired), desired);
        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(result.restored()).containsExactly("/sdcard/DCIM/Camera/IMG 1#.jpg");
        assertThat(result.alreadyPresent()).containsExactly("/storage/emulated/0/Music/song.mp3");
        assertThat(result.failed()).isEmpty();
        assertThat(phone.files.get(photo.path()).mtime()).isEqualTo(Instant.parse("2021-03-04T05:06:07Z"));
        assertThat(phone.pushed).containsOnlyKeys(photo.path());
        assertThat(phone.commands)
                .containsExactly("content call --uri content://media --method scan_file --arg"
                        + " '/storage/emulated/0/DCIM/Camera/IMG 1#.jpg'");

        RestorePlan<FileToRestore> again = restorer.plan(restorer.inspect(desired), desired);
        assertThat(again.changesNothing()).isTrue();
    }

    @Test
    void manyFilesInSeveralFoldersArePushedOverSeveralStreamsAndAllCheckedAfterwards() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34).answer("scan_volume", "Result: Bundle[{}]\n");
        List<FileToRestore> desired = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> file("/storage/emulated/0/DCIM/" + (i % 3) + "/IMG_" + i + ".jpg", "photo " + i))
                .toList();
        FileRestorer restorer = new FileRestorer(phone);

        RestoreResult result = restorer.apply(restorer.plan(restorer.inspect(desired), desired), RestoreProgress.NONE);

        assertThat(result.failed()).isEmpty();
        assertThat(result.restored())
                .containsExactlyElementsOf(
                        desired.stream().map(FileToRestore::label).toList());
        assertThat(phone.pushed).hasSize(300);
        assertThat(phone.commands)
                .containsExactly("content call --uri content://media --method scan_volume --arg external_primary");
    }

    @Test
    void broadcastsBelowAndroid11WithAnEscapedFileUri() {
        assertThat(MediaScan.commands(List.of("/sdcard/DCIM/a b#1.jpg"), 29))
                .containsExactly(List.of(
                        "am",
                        "broadcast",
                        "-a",
                        "android.intent.action.MEDIA_SCANNER_SCAN_FILE",
                        "-d",
                        "file:///storage/emulated/0/DCIM/a%20b%231.jpg"));
    }

    @Test
    void manyFilesAreScannedAsOneVolume() {
        List<String> paths = java.util.stream.IntStream.range(0, MediaScan.VOLUME_SCAN_THRESHOLD + 1)
                .mapToObj(i -> "/sdcard/DCIM/" + i + ".jpg")
                .toList();

        assertThat(MediaScan.commands(paths, 30))
                .containsExactly(List.of(
                        "content",
                        "call",
                        "--uri",
                        "content://media",
                        "--method",
                        "scan_volume",
                        "--arg",
                        "external_primary"));
    }

    @Test
    void namesTheFuseLayerRefusesAreReportedAndRefusedPushesCarryThePhonesReason() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(30);
        FileToRestore colon = file("/sdcard/Download/report: final?.pdf", "pdf");
        FileToRestore refused = file("/sdcard/Download/refused.txt", "txt");
        FileRestorer restorer = new FileRestorer(phone);
        List<FileToRestore> desired = List.of(colon, refused);

        RestoreResult result = restorer.apply(restorer.plan(restorer.inspect(desired), desired), RestoreProgress.NONE);

        assertThat(result.restored()).isEmpty();
        assertThat(result.failed())
                .extracting(ItemFailure::item, ItemFailure::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "/sdcard/Download/report: final?.pdf",
                                "Android 11 and later refuse names with ':' in shared storage; rename it on the"
                                        + " computer, or restore it with --include to another place"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/sdcard/Download/refused.txt",
                                "phone refused '/sdcard/Download/refused.txt': Operation not permitted"));
        assertThat(phone.commands).isEmpty();
    }

    private static FileToRestore file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new FileToRestore(
                DevicePath.of(path), bytes.length, TAKEN, 0100660, () -> new ByteArrayInputStream(bytes));
    }
}

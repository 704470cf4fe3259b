package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
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

    @Test
    void sharedStorageMatchesNamesRegardlessOfCaseAsThePhoneDoes() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34).caseInsensitive();
        FileToRestore changed = file("/sdcard/DCIM/IMG_1.JPG", "new jpeg");
        FileToRestore same = file("/sdcard/DCIM/IMG_2.JPG", "jpeg");
        phone.files.put(DevicePath.of("/sdcard/DCIM/img_1.jpg"), new RemoteFileStat(0100660, 3, TAKEN, true));
        phone.files.put(
                DevicePath.of("/sdcard/DCIM/img_2.jpg"),
                new RemoteFileStat(0100660, 4, Instant.ofEpochSecond(TAKEN.getEpochSecond()), true));
        FileRestorer restorer = new FileRestorer(phone);
        List<FileToRestore> desired = List.of(changed, same);

        RestoreResult result = restorer.apply(restorer.plan(restorer.inspect(desired), desired), RestoreProgress.NONE);

        assertThat(result.failed()).isEmpty();
        assertThat(result.restored()).containsExactly("/sdcard/DCIM/IMG_1.JPG");
        assertThat(result.alreadyPresent()).containsExactly("/sdcard/DCIM/IMG_2.JPG");
        assertThat(phone.files.get(DevicePath.of("/sdcard/DCIM/img_1.jpg")).size())
                .isEqualTo(8);
        assertThat(restorer.plan(restorer.inspect(desired), desired).changesNothing())
                .isTrue();
    }

    @Test
    void outsideSharedStorageNamesMatchExactly() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34);
        FileToRestore upper = file("/data/local/tmp/A.TXT", "txt");
        phone.files.put(
                DevicePath.of("/data/local/tmp/a.txt"),
                new RemoteFileStat(0100660, 3, Instant.ofEpochSecond(TAKEN.getEpochSecond()), true));
        FileRestorer restorer = new FileRestorer(phone);

        RestorePlan<FileToRestore> plan = restorer.plan(restorer.inspect(List.of(upper)), List.of(upper));

        assertThat(plan.changes()).containsExactly(upper);
    }

    @Test
    void aFailedRestoreReturnsOnlyAfterThePushesStillRunningHaveEnded() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34);
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicBoolean slowEnded = new AtomicBoolean();
        AtomicBoolean checked = new AtomicBoolean();
        Thread restoring = Thread.currentThread();
        phone.beforePush = path -> {
            if (path.toString().endsWith("lost.jpg")) {
                awaitUninterruptibly(slowStarted);
                throw new IOException("phone lost");
            }
            if (path.toString().endsWith("slow.jpg")) {
                slowStarted.countDown();
                // Like a blocking socket write, deaf to shutdownNow's interrupt: it ends only once the restore is
                // waiting for it (or, if the restore does not wait, once the test has looked).
                while (restoring.getState() != Thread.State.TIMED_WAITING && !checked.get()) {
                    LockSupport.parkNanos(100_000);
                }
                slowEnded.set(!checked.get());
            }
        };
        List<FileToRestore> desired = List.of(
                file("/sdcard/DCIM/first.jpg", "1"),
                file("/sdcard/DCIM/lost.jpg", "2"),
                file("/sdcard/DCIM/slow.jpg", "3"));
        FileRestorer restorer = new FileRestorer(phone);
        RestorePlan<FileToRestore> plan = restorer.plan(restorer.inspect(desired), desired);

        assertThatThrownBy(() -> restorer.apply(plan, RestoreProgress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessage("phone lost");
        boolean endedBeforeTheRestoreReturned = slowEnded.get();
        checked.set(true);
        assertThat(endedBeforeTheRestoreReturned).isTrue();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static FileToRestore file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new FileToRestore(
                DevicePath.of(path), bytes.length, TAKEN, 0100660, () -> new ByteArrayInputStream(bytes));
    }
}

package org.lifeboat.virtualphone.toybox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.testing.TestPhone;
import org.lifeboat.virtualphone.testing.TestPhone.Result;

/** Output formats of toybox 0.8.x as android-data.md §8 documents them. */
class ToyboxFormatTest {
    private static final Instant NOV_14 = Instant.parse("2023-11-14T22:13:20.123456789Z");

    @TempDir
    Path state;

    private TestPhone phone;

    @BeforeEach
    void openPhone() throws Exception {
        phone = TestPhone.open(state, 34);
        phone.run("mkdir -p /sdcard/DCIM/Camera && echo -n 'hello world!' > /sdcard/DCIM/a.jpg");
        PhoneFileSystem fs = phone.device().fileSystem();
        try (var out = fs.openWrite("/sdcard/DCIM/b.jpg", false)) {
            out.write(new byte[5000]);
        }
        fs.setLastModified("/sdcard/DCIM/a.jpg", NOV_14);
        fs.setLastModified("/sdcard/DCIM/b.jpg", NOV_14);
        fs.setLastModified("/sdcard/DCIM/Camera", NOV_14);
    }

    @Test
    void lsLongMatchesTheReferenceLineLayout() {
        Result r = phone.run("ls -l /sdcard/DCIM");
        assertThat(r.out())
                .isEqualTo("total 16\n"
                        + "drwxrws--- 2 u0_a123 media_rw 4096 2023-11-14 22:13 Camera\n"
                        + "-rw-rw---- 1 u0_a123 media_rw   12 2023-11-14 22:13 a.jpg\n"
                        + "-rw-rw---- 1 u0_a123 media_rw 5000 2023-11-14 22:13 b.jpg\n");
    }

    @Test
    void lsNumericAndFullTime() {
        assertThat(phone.run("ls -n /sdcard/DCIM/a.jpg").out())
                .isEqualTo("-rw-rw---- 1 10123 1023 12 2023-11-14 22:13 /sdcard/DCIM/a.jpg\n");
        assertThat(phone.run("ls -l --full-time /sdcard/DCIM/a.jpg").out())
                .isEqualTo("-rw-rw---- 1 u0_a123 media_rw 12 2023-11-14 22:13:20.123456789 +0000 /sdcard/DCIM/a.jpg\n");
    }

    @Test
    void lsOnAPipeIsOneNamePerLineAndRecursesWithHeaders() {
        assertThat(phone.run("ls /sdcard/DCIM").out()).isEqualTo("Camera\na.jpg\nb.jpg\n");
        assertThat(phone.run("ls -a /sdcard/DCIM/Camera").out()).isEqualTo(".\n..\n");
        assertThat(phone.run("ls -R /sdcard/DCIM").out())
                .isEqualTo("/sdcard/DCIM:\nCamera\na.jpg\nb.jpg\n\n/sdcard/DCIM/Camera:\n");
    }

    @Test
    void lsShowsTheSdcardSymlinkAndReportsMissingFiles() {
        assertThat(phone.run("ls -ld /sdcard").out())
                .isEqualTo("lrw-r--r-- 1 root root 21 2009-01-01 00:00 /sdcard -> /storage/self/primary\n");
        Result missing = phone.run("ls /nope");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("ls: /nope: No such file or directory\n");
    }

    @Test
    void statFormatsDirectives() {
        Result r = phone.run("stat -c '%s|%Y|%X|%n|%a|%F|%u|%g|%U|%G' /sdcard/DCIM/a.jpg /sdcard/DCIM/Camera");
        assertThat(r.out())
                .isEqualTo("12|1700000000|" + atimeOf("/sdcard/DCIM/a.jpg")
                        + "|/sdcard/DCIM/a.jpg|660|regular file|10123|1023|u0_a123|media_rw\n"
                        + "4096|1700000000|" + atimeOf("/sdcard/DCIM/Camera")
                        + "|/sdcard/DCIM/Camera|2770|directory|10123"
                        + "|1023|u0_a123|media_rw\n");
        assertThat(phone.run("stat -c %N /sdcard").out()).isEqualTo("/sdcard -> '/storage/self/primary'\n");
        assertThat(phone.run("stat -L -c %F /sdcard").out()).isEqualTo("directory\n");
        assertThat(phone.run("touch /sdcard/empty; stat -c %F /sdcard/empty").out())
                .isEqualTo("regular empty file\n");
        assertThat(phone.run("stat -c '%y' /sdcard/DCIM/a.jpg").out())
                .isEqualTo("2023-11-14 22:13:20.123456789 +0000\n");
        Result missing = phone.run("stat -c %s /nope");
        assertThat(missing.err()).isEqualTo("stat: '/nope': No such file or directory\n");
        assertThat(missing.status()).isEqualTo(1);
    }

    private String atimeOf(String path) {
        try {
            return Long.toString(
                    phone.device().fileSystem().stat(path).accessed().getEpochSecond());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void findExecStatIsTheReferenceManifestCommand() {
        Result r = phone.run("find /storage/emulated/0/DCIM -type f -exec stat -c '%s|%Y|%n' {} +");
        assertThat(r.out())
                .isEqualTo("12|1700000000|/storage/emulated/0/DCIM/a.jpg\n"
                        + "5000|1700000000|/storage/emulated/0/DCIM/b.jpg\n");
        assertThat(phone.run("find /sdcard/DCIM -name '*.jpg' -exec echo got {} ';'")
                        .out())
                .isEqualTo("got /sdcard/DCIM/a.jpg\ngot /sdcard/DCIM/b.jpg\n");
    }

    @Test
    void findDoesNotFollowACommandLineSymlinkWithoutTrailingSlash() {
        assertThat(phone.run("find /sdcard -type f").out()).isEmpty();
        assertThat(phone.run("find /sdcard/ -type f -name a.jpg").out()).isEqualTo("/sdcard/DCIM/a.jpg\n");
        assertThat(phone.run("find /sdcard").out()).isEqualTo("/sdcard\n");
    }

    @Test
    void findPrintfExistsFromApi30WithUnpaddedNanoseconds() throws Exception {
        phone.device().fileSystem().setLastModified("/sdcard/DCIM/a.jpg", Instant.ofEpochSecond(1700000000L, 5));
        Result r = phone.run("find /sdcard/DCIM -name a.jpg -printf '%s\\t%T@\\t%p\\t%P\\t%f\\t%m\\n'");
        assertThat(r.out()).isEqualTo("12\t1700000000.5\t/sdcard/DCIM/a.jpg\ta.jpg\ta.jpg\t660\n");
    }

    @Test
    void findPrintfIsUnknownBeforeApi30(@TempDir Path oldState) {
        TestPhone old = TestPhone.open(oldState, 29);
        Result r = old.run("find /data/local/tmp -printf '%p\\n'");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("find: bad arg '-printf'\n");
    }

    @Test
    void findTimeTestsUseTheDeviceClock() throws Exception {
        phone.run("touch /sdcard/DCIM/new.jpg");
        assertThat(phone.run("find /sdcard/DCIM -type f -mtime -1").out()).isEqualTo("/sdcard/DCIM/new.jpg\n");
        assertThat(phone.run("find /sdcard/DCIM -type f -newer /sdcard/DCIM/a.jpg")
                        .out())
                .isEqualTo("/sdcard/DCIM/new.jpg\n");
        assertThat(phone.run("find /sdcard/DCIM -type d").out()).isEqualTo("/sdcard/DCIM\n/sdcard/DCIM/Camera\n");
    }

    @Test
    void touchAcceptsIsoDatesEpochAndTouchT() {
        phone.run("touch -m -d 2021-03-04T05:06:07.123456789Z /sdcard/DCIM/a.jpg");
        assertThat(phone.run("stat -c '%Y %y' /sdcard/DCIM/a.jpg").out())
                .isEqualTo("1614834367 2021-03-04 05:06:07.123456789 +0000\n");
        phone.run("touch -d @1614834367.5 /sdcard/DCIM/b.jpg");
        assertThat(phone.run("stat -c %y /sdcard/DCIM/b.jpg").out()).isEqualTo("2021-03-04 05:06:07.500000000 +0000\n");
        phone.run("touch -t 202103040506.07 /sdcard/DCIM/t.jpg");
        assertThat(phone.run("stat -c %Y /sdcard/DCIM/t.jpg").out()).isEqualTo("1614834367\n");
        Result bad = phone.run("touch -d yesterday /sdcard/x");
        assertThat(bad.err()).isEqualTo("touch: bad date yesterday\n");
        assertThat(phone.run("touch -c /sdcard/never; ls /sdcard/never").status())
                .isEqualTo(1);
    }

    @Test
    void touchEpochSyntaxNeedsToybox080(@TempDir Path oldState) {
        TestPhone oreo = TestPhone.open(oldState, 28);
        assertThat(oreo.run("touch -d @1614834367 /sdcard/x").err()).isEqualTo("touch: bad date @1614834367\n");
    }

    @Test
    void checksumsAndCounts() {
        phone.run("echo -n abc > /sdcard/abc");
        assertThat(phone.run("sha256sum /sdcard/abc").out())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  /sdcard/abc\n");
        assertThat(phone.run("md5sum < /sdcard/abc").out()).isEqualTo("900150983cd24fb0d6963f7d28e17f72  -\n");
        phone.run("echo 'one two' > /sdcard/w; echo three >> /sdcard/w");
        assertThat(phone.run("wc /sdcard/w").out()).isEqualTo("2 3 14 /sdcard/w\n");
        assertThat(phone.run("wc -l < /sdcard/w").out()).isEqualTo("2\n");
        assertThat(phone.run("wc /sdcard/w /sdcard/abc").out())
                .isEqualTo("      2       3      14 /sdcard/w\n      0       1       3 /sdcard/abc\n"
                        + "      2       4      17 total\n");
    }

    @Test
    void idListsExtDataGroupsFromApi30(@TempDir Path oldState) {
        assertThat(phone.run("id").out())
                .startsWith("uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input)")
                .contains("1078(ext_data_rw),1079(ext_obb_rw)")
                .endsWith(" context=u:r:shell:s0\n");
        assertThat(TestPhone.open(oldState, 29).run("id").out()).doesNotContain("ext_data_rw");
    }

    @Test
    void dfPrintsToyboxColumns() {
        String out = phone.run("df /sdcard").out();
        assertThat(out.lines().findFirst().orElseThrow())
                .matches("Filesystem\\s+1K-blocks\\s+Used\\s+Available\\s+Use% Mounted on");
        assertThat(out).containsPattern("/dev/fuse +\\d+ +\\d+ +\\d+ +\\d+% /storage/emulated\n");
    }

    @Test
    void tarRoundTripKeepsBytesAndMtimes() {
        Result r = phone.run(
                "mkdir -p /data/local/tmp/out && tar -cf - -C /sdcard DCIM | tar -xf - -C /data/local/tmp/out");
        assertThat(r.err()).isEmpty();
        assertThat(phone.run("cat /data/local/tmp/out/DCIM/a.jpg").out()).isEqualTo("hello world!");
        assertThat(phone.run("stat -c '%s %Y' /data/local/tmp/out/DCIM/b.jpg /data/local/tmp/out/DCIM/Camera")
                        .out())
                .isEqualTo("5000 1700000000\n4096 1700000000\n");
        assertThat(phone.run("tar -cf - -C /sdcard DCIM | tar -tf -").out())
                .isEqualTo("DCIM/\nDCIM/Camera/\nDCIM/a.jpg\nDCIM/b.jpg\n");
    }

    @Test
    void tarHeadersAreGnuUstarWithValidChecksums() {
        byte[] archive = phone.run("tar -cf - -C /sdcard DCIM/a.jpg").outBytes();
        assertThat(new String(archive, 257, 8, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ustar  \0");
        assertThat(new String(archive, 0, 10, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("DCIM/a.jpg");
        assertThat(archive.length % 512).isZero();
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : archive[i] & 0xff;
        }
        assertThat(new String(archive, 148, 6, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(String.format("%06o", sum));
    }

    @Test
    void rmMkdirMvCpReportLikeToybox() {
        assertThat(phone.run("mkdir /sdcard/DCIM").err()).isEqualTo("mkdir: '/sdcard/DCIM': File exists\n");
        assertThat(phone.run("rm /sdcard/DCIM").err()).isEqualTo("rm: /sdcard/DCIM: Is a directory\n");
        assertThat(phone.run("rm /sdcard/none").err()).isEqualTo("rm: /sdcard/none: No such file or directory\n");
        assertThat(phone.run("rm -f /sdcard/none").status()).isZero();
        phone.run("cp -p /sdcard/DCIM/a.jpg /sdcard/copy.jpg && mv /sdcard/copy.jpg /sdcard/DCIM/Camera/");
        assertThat(phone.run("stat -c '%s %Y' /sdcard/DCIM/Camera/copy.jpg").out())
                .isEqualTo("12 1700000000\n");
        phone.run("rm -r /sdcard/DCIM");
        assertThat(phone.run("ls /sdcard/DCIM").status()).isEqualTo(1);
    }
}

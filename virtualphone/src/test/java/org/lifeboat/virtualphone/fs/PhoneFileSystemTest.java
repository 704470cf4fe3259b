package org.lifeboat.virtualphone.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneFileSystemTest {
    @TempDir
    Path temp;

    private Path root;
    private Path outside;

    @BeforeEach
    void layout() throws Exception {
        root = temp.resolve("state/fs");
        outside = temp.resolve("host-secrets");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.txt"), "host secret");
    }

    private PhoneFileSystem fs(int api) throws Exception {
        return new PhoneFileSystem(root, api);
    }

    private static String read(PhoneFileSystem fs, String path) throws Exception {
        try (InputStream in = fs.openRead(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(PhoneFileSystem fs, String path, String text) throws Exception {
        try (OutputStream out = fs.openWrite(path, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void sdcardAndSelfPrimaryResolveToEmulatedZero() throws Exception {
        PhoneFileSystem fs = fs(34);
        write(fs, "/sdcard/a.txt", "x");
        assertThat(fs.canonicalPath("/sdcard/a.txt")).isEqualTo("/storage/emulated/0/a.txt");
        assertThat(read(fs, "/storage/self/primary/a.txt")).isEqualTo("x");
        assertThat(Files.readString(root.resolve("storage/emulated/0/a.txt"))).isEqualTo("x");
        assertThat(fs.lstat("/sdcard").linkTarget()).contains("/storage/self/primary");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../../host-secrets/secret.txt",
                "/sdcard/../../../../../host-secrets/secret.txt",
                "/data/local/tmp/../../../../../../host-secrets/secret.txt"
            })
    void dotDotStopsAtThePhoneRoot(String path) throws Exception {
        PhoneFileSystem fs = fs(34);
        assertThatThrownBy(() -> read(fs, path))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        // ".." after a symlink applies to the link's target, as in the kernel: /sdcard/.. is /storage/emulated.
        assertThat(fs.canonicalPath("/sdcard/..")).isEqualTo("/storage/emulated");
        assertThat(fs.canonicalPath("/sdcard/../../../../..")).isEqualTo("/");
    }

    @Test
    void absoluteHostPathsAreOnlyPhonePaths() throws Exception {
        PhoneFileSystem fs = fs(34);
        String hostPath = outside.resolve("secret.txt").toString();
        assertThatThrownBy(() -> read(fs, hostPath)).isInstanceOf(PhoneFileException.class);
        write(fs, "/data/local/tmp/new.txt", "phone");
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("host secret");
        assertThatThrownBy(() -> fs.openWrite(hostPath, false)).isInstanceOf(PhoneFileException.class);
        assertThat(outside.resolve("secret.txt")).hasContent("host secret");
    }

    @Test
    void hostSymlinksPointingOutsideAreReadAsPhonePaths() throws Exception {
        PhoneFileSystem fs = fs(34);
        Path tmp = root.resolve("data/local/tmp");
        Files.createSymbolicLink(tmp.resolve("escape"), outside);
        Files.createSymbolicLink(tmp.resolve("escape-file"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(tmp.resolve("relative"), Path.of("../../../../../../host-secrets"));

        assertThatThrownBy(() -> read(fs, "/data/local/tmp/escape/secret.txt")).isInstanceOf(PhoneFileException.class);
        assertThatThrownBy(() -> read(fs, "/data/local/tmp/escape-file")).isInstanceOf(PhoneFileException.class);
        assertThatThrownBy(() -> read(fs, "/data/local/tmp/relative/secret.txt"))
                .isInstanceOf(PhoneFileException.class);
        assertThatThrownBy(() -> write(fs, "/data/local/tmp/escape/planted.txt", "x"))
                .isInstanceOf(PhoneFileException.class);
        assertThatThrownBy(() -> write(fs, "/data/local/tmp/escape-file", "overwritten"))
                .isInstanceOf(PhoneFileException.class);
        assertThat(outside.resolve("planted.txt")).doesNotExist();
        assertThat(outside.resolve("secret.txt")).hasContent("host secret");
        assertThat(fs.lstat("/data/local/tmp/escape").isSymlink()).isTrue();
    }

    @Test
    void symlinksInsideThePhoneStillWork() throws Exception {
        PhoneFileSystem fs = fs(34);
        write(fs, "/sdcard/real.txt", "inside");
        Files.createSymbolicLink(root.resolve("data/local/tmp/to-sdcard"), Path.of("/sdcard"));
        assertThat(read(fs, "/data/local/tmp/to-sdcard/real.txt")).isEqualTo("inside");
    }

    @Test
    void symlinkLoopsFailWithEloop() throws Exception {
        PhoneFileSystem fs = fs(34);
        Files.createSymbolicLink(root.resolve("data/local/tmp/a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("data/local/tmp/b"), Path.of("a"));
        assertThatThrownBy(() -> fs.stat("/data/local/tmp/a"))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ELOOP));
    }

    @Test
    void deletingASymlinkRemovesOnlyTheLink() throws Exception {
        PhoneFileSystem fs = fs(34);
        Files.createSymbolicLink(root.resolve("data/local/tmp/escape"), outside);
        fs.delete("/data/local/tmp/escape");
        assertThat(outside.resolve("secret.txt")).exists();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a:b.txt", "what?.jpg", "x*y", "quote\".txt", "pipe|x", "lt<", "gt>", "back\\slash", "ctrl\u0001"
            })
    void fatForbiddenNamesAreRefusedOnSharedStorageFromApi30(String name) throws Exception {
        PhoneFileSystem fuse = fs(30);
        assertThatThrownBy(() -> write(fuse, "/sdcard/" + name, "x"))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM));
        assertThatThrownBy(() -> fuse.mkdir("/sdcard/" + name)).isInstanceOf(PhoneFileException.class);
        write(fuse, "/data/local/tmp/" + name, "fine outside shared storage");
    }

    @Test
    void fatForbiddenNamesAreAcceptedBeforeApi30() throws Exception {
        PhoneFileSystem sdcardfs = fs(29);
        write(sdcardfs, "/sdcard/a:b?.txt", "x");
        assertThat(sdcardfs.exists("/sdcard/a:b?.txt")).isTrue();
    }

    @Test
    void androidDataAndObbAreClosedToTheShellBeforeApi30() throws Exception {
        Files.writeString(
                Files.createDirectories(root.resolve("storage/emulated/0/Android/data/com.app"))
                        .resolve("cache.bin"),
                "c");
        PhoneFileSystem old = fs(29);
        assertThatThrownBy(() -> old.list("/sdcard/Android/data"))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        assertThatThrownBy(() -> read(old, "/sdcard/Android/data/com.app/cache.bin"))
                .isInstanceOf(PhoneFileException.class);
        assertThatThrownBy(() -> old.list("/sdcard/Android/obb")).isInstanceOf(PhoneFileException.class);

        PhoneFileSystem fuse = fs(30);
        assertThat(fuse.list("/sdcard/Android/data")).extracting(DirEntry::name).containsExactly("com.app");
        assertThat(read(fuse, "/sdcard/Android/data/com.app/cache.bin")).isEqualTo("c");
    }

    @Test
    void sparseFilesOverFourGibibytesReportTheirFullSize() throws Exception {
        PhoneFileSystem fs = fs(34);
        long size = 5L * 1024 * 1024 * 1024 + 7;
        fs.truncate("/sdcard/big.bin", size);
        assertThat(fs.stat("/sdcard/big.bin").size()).isEqualTo(size);
        assertThat(fs.list("/sdcard"))
                .filteredOn(e -> e.name().equals("big.bin"))
                .singleElement()
                .satisfies(e -> assertThat(e.stat().size()).isEqualTo(size));
    }

    @Test
    void modificationTimesKeepNanoseconds() throws Exception {
        PhoneFileSystem fs = fs(34);
        write(fs, "/sdcard/t.txt", "t");
        Instant when = Instant.parse("2021-03-04T05:06:07.123456789Z");
        fs.setLastModified("/sdcard/t.txt", when);
        assertThat(fs.stat("/sdcard/t.txt").modified()).isEqualTo(when);
    }

    @Test
    void systemIsReadOnlyAndDataIsPrivate() throws Exception {
        PhoneFileSystem fs = fs(34);
        assertThatThrownBy(() -> write(fs, "/system/evil", "x"))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EROFS));
        assertThatThrownBy(() -> fs.list("/data"))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        assertThatThrownBy(() -> fs.delete("/sdcard")).isInstanceOf(PhoneFileException.class);
    }

    @Test
    void ownershipFollowsTheStorageGeneration() throws Exception {
        write(fs(34), "/sdcard/o.txt", "o");
        FileStat fuse = fs(34).stat("/sdcard/o.txt");
        assertThat(fuse.gid()).isEqualTo(1023);
        assertThat(fuse.permissions()).isEqualTo(0660);
        FileStat sdcardfs = fs(29).stat("/sdcard/o.txt");
        assertThat(sdcardfs.uid()).isZero();
        assertThat(sdcardfs.gid()).isEqualTo(1015);
    }

    @Test
    void renameAndDeleteFollowPosixRules() throws Exception {
        PhoneFileSystem fs = fs(34);
        fs.mkdirs("/sdcard/d/e");
        write(fs, "/sdcard/f", "f");
        assertThatThrownBy(() -> fs.delete("/sdcard/d"))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTEMPTY));
        assertThatThrownBy(() -> fs.rename("/sdcard/d", "/sdcard/d/e/inside"))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        assertThatThrownBy(() -> fs.rename("/sdcard/f", "/sdcard/d"))
                .isInstanceOfSatisfying(
                        PhoneFileException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EISDIR));
        fs.rename("/sdcard/f", "/sdcard/d/e/g");
        assertThat(read(fs, "/sdcard/d/e/g")).isEqualTo("f");
        assertThatThrownBy(() -> fs.mkdir("/sdcard/d")).isInstanceOf(PhoneFileException.class);
    }
}

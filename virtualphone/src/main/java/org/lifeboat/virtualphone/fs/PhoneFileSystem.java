package org.lifeboat.virtualphone.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The phone's files, kept under one host folder. Every phone path is resolved component by component inside that
 * folder, like a chroot: {@code ..} stops at the phone's root and a host symlink is read as a <em>phone</em> symlink,
 * so no path, however written, reaches a host file outside the folder.
 *
 * <p>Paths must be absolute phone paths ({@code /sdcard/DCIM/x.jpg}); the shell makes relative paths absolute first.
 * Failures are {@link PhoneFileException}s carrying the errno the real kernel would give.
 */
public final class PhoneFileSystem {
    private final Path root;
    private final StorageRules rules;
    private final SymlinkTable symlinks;
    private final PathResolver resolver;

    /**
     * A file system rooted at {@code hostRoot} (created if missing, with the directories every phone has), behaving
     * like Android at {@code apiLevel}.
     */
    public PhoneFileSystem(Path hostRoot, int apiLevel) throws IOException {
        this.root = hostRoot.toAbsolutePath().normalize();
        this.rules = new StorageRules(apiLevel);
        this.symlinks = new SymlinkTable();
        this.resolver = new PathResolver(root, symlinks);
        for (String dir : List.of(
                StorageRules.SHARED + "/Android/data",
                StorageRules.SHARED + "/Android/obb",
                "/storage/self",
                StorageRules.LOCAL_TMP,
                StorageRules.APP_CODE,
                "/system/bin")) {
            Files.createDirectories(resolver.hostPathOf(PhonePaths.components(dir)));
        }
    }

    /** The host folder holding the phone's root. */
    public Path hostRoot() {
        return root;
    }

    /** Whether shared storage behaves like Android 11+'s FUSE (names checked, MediaProvider owns files). */
    public boolean isFuse() {
        return rules.fuse();
    }

    /** {@code stat(2)}: follows symlinks. */
    public FileStat stat(String path) throws PhoneFileException {
        return statOf(resolve(path, true), path);
    }

    /** {@code lstat(2)}: describes a symlink itself. */
    public FileStat lstat(String path) throws PhoneFileException {
        return statOf(resolve(path, false), path);
    }

    public boolean exists(String path) {
        try {
            stat(path);
            return true;
        } catch (PhoneFileException e) {
            return false;
        }
    }

    /** The canonical phone path: every symlink and "." / ".." resolved ({@code realpath}). */
    public String canonicalPath(String path) throws PhoneFileException {
        Resolved resolved = resolve(path, true);
        statOf(resolved, path);
        return resolved.phonePath();
    }

    /** {@code readlink(2)}. */
    public String readLink(String path) throws PhoneFileException {
        FileStat stat = lstat(path);
        return stat.linkTarget().orElseThrow(() -> new PhoneFileException(Errno.EINVAL, path));
    }

    /** The entries of a directory with their {@code lstat}, in byte order of their UTF-8 names. */
    public List<DirEntry> list(String path) throws PhoneFileException {
        Resolved dir = resolve(path, true);
        FileStat stat = statOf(dir, path);
        if (!stat.isDirectory()) {
            throw new PhoneFileException(Errno.ENOTDIR, path);
        }
        rules.checkList(dir.phonePath(), path);
        List<DirEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.host())) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (symlinks.target(PhonePaths.child(dir.phonePath(), name)).isEmpty()) {
                    entries.add(new DirEntry(name, statOf(dir.child(name), PhonePaths.child(path, name))));
                }
            }
        } catch (IOException e) {
            throw HostErrors.translate(e, path);
        }
        for (String name : symlinks.namesIn(dir.phonePath())) {
            entries.add(new DirEntry(name, statOf(dir.child(name), PhonePaths.child(path, name))));
        }
        entries.sort((a, b) -> Utf8Order.compare(a.name(), b.name()));
        return entries;
    }

    public InputStream openRead(String path) throws PhoneFileException {
        Resolved file = resolve(path, true);
        rules.checkReachable(file.phonePath(), path);
        // A read needs no owner, mode or inode (every `adb pull` of a file comes here): one lstat tells a file from
        // a directory or nothing, where statOf would take two and work out the Android ownership. A resolved path
        // never ends in one of the fixed symlinks: the resolver followed it.
        boolean directory;
        try {
            directory = Files.readAttributes(file.host(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .isDirectory();
        } catch (IOException e) {
            throw HostErrors.translate(e, path);
        }
        if (directory) {
            throw new PhoneFileException(Errno.EISDIR, path);
        }
        try {
            return Files.newInputStream(file.host(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw HostErrors.translate(e, path);
        }
    }

    /** Opens for writing, creating the file if needed ({@code O_CREAT}); truncates unless {@code append}. */
    public OutputStream openWrite(String path, boolean append) throws PhoneFileException {
        Resolved file = resolve(path, true);
        prepareWrite(file, path);
        OpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try {
            return Files.newOutputStream(
                    file.host(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw HostErrors.translate(e, path);
        }
    }

    /** {@code truncate(2)}: sets the size, leaving a hole when growing (sparse on the host too). */
    public void truncate(String path, long size) throws PhoneFileException {
        if (size < 0) {
            throw new PhoneFileException(Errno.EINVAL, path);
        }
        Resolved file = resolve(path, true);
        prepareWrite(file, path);
        try (FileChannel channel = FileChannel.open(
                file.host(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            if (size < channel.size()) {
                channel.truncate(size);
            } else if (size > channel.size()) {
                channel.write(ByteBuffer.allocate(1), size - 1);
            }
        } catch (IOException e) {
            throw HostErrors.translate(e, path);
        }
    }

    /** {@code mkdir(2)}: the parent must exist; fails with EEXIST if anything is already there. */
    public void mkdir(String path) throws PhoneFileException {
        Resolved dir = resolve(path, false);
        if (entryExists(dir)) {
            throw new PhoneFileException(Errno.EEXIST, path);
        }
        checkCreatable(dir, path);
        try {
            Files.createDirectory(dir.host());
        } catch (IOException e) {
            throw HostErrors.translate(e, path);
        }
    }

    /** {@code mkdir -p}: creates every missing directory; existing directories (or links to them) are fine. */
    public void mkdirs(String path) throws PhoneFileException {
        String prefix = "";
        for (String part : PhonePaths.components(path)) {
            prefix = prefix + "/" + part;
            Optional<FileStat> existing = statIfPresent(prefix);
            if (existing.isEmpty()) {
                mkdir(prefix);
            } else if (!existing.get().isDirectory()) {
                throw new PhoneFileException(Errno.ENOTDIR, prefix);
            }
        }
    }

    /** {@code unlink(2)} or {@code rmdir(2)}: a directory must be empty. Never follows a final symlink. */
    public void delete(String path) throws PhoneFileException {
        Resolved entry = resolve(path, false);
        statOf(entry, path);
        checkRemovable(entry, path);
        try {
            Files.delete(entry.host());
        } catch (IOException e) {
            throw HostErrors.translate(e, path);
        }
    }

    /** {@code rename(2)}: replaces an existing target file, or an empty target directory. */
    public void rename(String from, String to) throws PhoneFileException {
        Resolved source = resolve(from, false);
        Resolved target = resolve(to, false);
        FileStat sourceStat = statOf(source, from);
        checkRemovable(source, from);
        if (source.phonePath().equals(target.phonePath())) {
            return;
        }
        if (StorageRules.isAtOrBelow(target.phonePath(), source.phonePath())) {
            throw new PhoneFileException(Errno.EINVAL, to);
        }
        if (entryExists(target)) {
            FileStat targetStat = statOf(target, to);
            checkRemovable(target, to);
            if (sourceStat.isDirectory() && !targetStat.isDirectory()) {
                throw new PhoneFileException(Errno.ENOTDIR, to);
            }
            if (!sourceStat.isDirectory() && targetStat.isDirectory()) {
                throw new PhoneFileException(Errno.EISDIR, to);
            }
        } else {
            checkCreatable(target, to);
        }
        try {
            Files.move(
                    source.host(),
                    target.host(),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw HostErrors.translate(e, to);
        }
    }

    /** Sets the modification time, keeping nanoseconds. */
    public void setLastModified(String path, Instant modified) throws PhoneFileException {
        setTimes(path, modified, null, true);
    }

    /**
     * {@code utimensat(2)}: sets the modification and/or access time ({@code null} leaves one alone);
     * {@code followLinks=false} changes a symlink itself ({@code touch -h}).
     */
    public void setTimes(String path, Instant modified, Instant accessed, boolean followLinks)
            throws PhoneFileException {
        Resolved entry = resolve(path, followLinks);
        statOf(entry, path);
        if (symlinks.target(entry.phonePath()).isPresent()) {
            throw new PhoneFileException(Errno.EROFS, path);
        }
        rules.checkWriteIn(entry.parentPhonePath(), path);
        try {
            Files.getFileAttributeView(entry.host(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(toFileTime(modified), toFileTime(accessed), null);
        } catch (IOException e) {
            throw HostErrors.translate(e, path);
        }
    }

    /**
     * {@code chmod(2)}. Only /data/local/tmp keeps modes; shared storage ignores them as sdcardfs and FUSE do.
     */
    public void chmod(String path, int permissions) throws PhoneFileException {
        Resolved entry = resolve(path, true);
        statOf(entry, path);
        rules.checkWriteIn(entry.parentPhonePath(), path);
        if (!StorageRules.isAtOrBelow(entry.phonePath(), StorageRules.LOCAL_TMP)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(entry.host(), HostErrors.toPosix(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            throw new PhoneFileException(Errno.EPERM, path);
        }
    }

    /** {@code statfs(2)} of the mount that holds {@code path}. */
    public FsUsage usage(String path) throws PhoneFileException {
        Resolved entry = resolve(path, true);
        statOf(entry, path);
        return Mounts.usageOf(entry.phonePath(), rules.fuse(), root);
    }

    /** The mounts {@code df} shows, with their usage. */
    public List<FsUsage> mounts() throws PhoneFileException {
        List<FsUsage> all = new ArrayList<>();
        for (String mountPoint : Mounts.mountPoints()) {
            all.add(Mounts.usageOf(mountPoint, rules.fuse(), root));
        }
        return all;
    }

    private Optional<FileStat> statIfPresent(String path) throws PhoneFileException {
        try {
            return Optional.of(stat(path));
        } catch (PhoneFileException e) {
            if (e.errno() == Errno.ENOENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void prepareWrite(Resolved file, String shown) throws PhoneFileException {
        if (entryExists(file)) {
            FileStat stat = statOf(file, shown);
            if (stat.isDirectory()) {
                throw new PhoneFileException(Errno.EISDIR, shown);
            }
            rules.checkWriteIn(file.parentPhonePath(), shown);
        } else {
            checkCreatable(file, shown);
        }
    }

    private void checkCreatable(Resolved entry, String shown) throws PhoneFileException {
        Resolved parent = resolve(entry.parentPhonePath(), true);
        FileStat parentStat = statOf(parent, shown);
        if (!parentStat.isDirectory()) {
            throw new PhoneFileException(Errno.ENOTDIR, shown);
        }
        rules.checkWriteIn(parent.phonePath(), shown);
        rules.checkNewName(parent.phonePath(), entry.name(), shown);
    }

    private void checkRemovable(Resolved entry, String shown) throws PhoneFileException {
        if (entry.parts().isEmpty() || symlinks.target(entry.phonePath()).isPresent()) {
            throw new PhoneFileException(Errno.EROFS, shown);
        }
        rules.checkWriteIn(entry.parentPhonePath(), shown);
    }

    private boolean entryExists(Resolved entry) {
        return symlinks.target(entry.phonePath()).isPresent() || Files.exists(entry.host(), LinkOption.NOFOLLOW_LINKS);
    }

    private FileStat statOf(Resolved entry, String shown) throws PhoneFileException {
        rules.checkReachable(entry.phonePath(), shown);
        Optional<String> virtualTarget = symlinks.target(entry.phonePath());
        if (virtualTarget.isPresent()) {
            return SymlinkTable.stat(virtualTarget.get(), rules.device("/"));
        }
        return HostStats.read(entry.host(), entry.phonePath(), shown, rules);
    }

    private Resolved resolve(String path, boolean followLast) throws PhoneFileException {
        return resolver.resolve(path, followLast);
    }

    private static FileTime toFileTime(Instant instant) {
        return instant == null ? null : FileTime.from(instant);
    }
}

package org.lifeboat.virtualphone.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Reads a host file's attributes and presents them as the phone's {@code lstat}. */
final class HostStats {
    /** ext4 and f2fs directories are one 4 KiB block. */
    private static final long DIRECTORY_SIZE = 4096;

    private HostStats() {}

    static FileStat read(Path host, String phonePath, String shown, StorageRules rules) throws PhoneFileException {
        PosixFileAttributes attributes;
        Map<String, Object> unix;
        try {
            attributes = Files.readAttributes(host, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            unix = Files.readAttributes(host, "unix:ino,nlink,ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw HostErrors.translate(e, shown);
        }
        FileType type;
        Optional<String> target = Optional.empty();
        if (attributes.isSymbolicLink()) {
            type = FileType.SYMLINK;
            try {
                target = Optional.of(Files.readSymbolicLink(host).toString());
            } catch (IOException e) {
                throw HostErrors.translate(e, shown);
            }
        } else if (attributes.isDirectory()) {
            type = FileType.DIRECTORY;
        } else {
            type = FileType.REGULAR;
        }
        long size =
                switch (type) {
                    case DIRECTORY -> DIRECTORY_SIZE;
                    case SYMLINK -> target.orElse("").length();
                    case REGULAR -> attributes.size();
                };
        StorageRules.Ownership owner = rules.ownership(phonePath, type, HostErrors.fromPosix(attributes.permissions()));
        Instant changed = ((FileTime) unix.get("ctime")).toInstant();
        return new FileStat(
                type,
                size,
                owner.permissions(),
                owner.uid(),
                owner.gid(),
                attributes.lastModifiedTime().toInstant(),
                attributes.lastAccessTime().toInstant(),
                changed,
                rules.device(phonePath),
                ((Number) unix.get("ino")).longValue(),
                ((Number) unix.get("nlink")).intValue(),
                // 512-byte blocks of 4 KiB allocation units, as ext4 reports them.
                (size + 4095) / 4096 * 8,
                target);
    }
}

package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.lifeboat.repository.tree.NodeType;

/** One {@code lstat} of an item, through the JDK's "unix" attribute view (Linux and macOS). */
record FileStat(
        int unixMode,
        long inode,
        long device,
        long rdev,
        long links,
        int uid,
        int gid,
        long size,
        FileTime mtime,
        FileTime atime,
        FileTime ctime) {

    private static final String ATTRIBUTES =
            "unix:mode,ino,dev,rdev,nlink,uid,gid,size,lastModifiedTime,lastAccessTime,ctime";

    static FileStat of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return new FileStat(
                (Integer) a.get("mode"),
                (Long) a.get("ino"),
                (Long) a.get("dev"),
                (Long) a.get("rdev"),
                ((Number) a.get("nlink")).longValue(),
                (Integer) a.get("uid"),
                (Integer) a.get("gid"),
                (Long) a.get("size"),
                (FileTime) a.get("lastModifiedTime"),
                (FileTime) a.get("lastAccessTime"),
                (FileTime) a.get("ctime"));
    }

    NodeType type() {
        return switch (unixMode & 0170000) {
            case 0040000 -> NodeType.DIR;
            case 0120000 -> NodeType.SYMLINK;
            case 0060000 -> NodeType.DEV;
            case 0020000 -> NodeType.CHARDEV;
            case 0010000 -> NodeType.FIFO;
            case 0140000 -> NodeType.SOCKET;
            default -> NodeType.FILE;
        };
    }
}

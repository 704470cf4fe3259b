package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lifeboat.repository.fs.RawNames;
import org.lifeboat.repository.tree.ByteString;
import org.lifeboat.repository.tree.FileMode;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;

/** Builds a node's metadata from an lstat, filling the fields restic 0.14 fills for each type. */
final class NodeFactory {
    private final ZoneId zone;
    private final Map<Integer, String> userNames = new ConcurrentHashMap<>();
    private final Map<Integer, String> groupNames = new ConcurrentHashMap<>();

    NodeFactory(ZoneId zone) {
        this.zone = zone;
    }

    /** Everything but a file's size and content and a directory's subtree. */
    Node.Builder describe(Path path, ByteString name, FileStat stat) throws IOException {
        NodeType type = stat.type();
        Node.Builder node = Node.builder(name, type)
                .mode(FileMode.fromUnixMode(stat.unixMode()))
                .times(time(stat.mtime()), time(stat.atime()), time(stat.ctime()))
                .owner(stat.uid(), stat.gid(), userName(path, stat.uid()), groupName(path, stat.gid()))
                // restic records st_nlink only for files and symlinks (node.go fillExtra).
                .inode(
                        stat.inode(),
                        stat.device(),
                        type == NodeType.FILE || type == NodeType.SYMLINK ? stat.links() : 0);
        if (type == NodeType.SYMLINK) {
            node.linkTarget(RawNames.linkTarget(Files.readSymbolicLink(path)));
        }
        if (type == NodeType.DEV || type == NodeType.CHARDEV) {
            node.device(stat.rdev());
        }
        return node;
    }

    OffsetDateTime time(FileTime time) {
        return OffsetDateTime.ofInstant(time.toInstant(), zone);
    }

    private String userName(Path path, int uid) {
        return userNames.computeIfAbsent(uid, id -> {
            try {
                return numericMeansUnknown(
                        Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName(), id);
            } catch (IOException | UnsupportedOperationException e) {
                return "";
            }
        });
    }

    private String groupName(Path path, int gid) {
        return groupNames.computeIfAbsent(gid, id -> {
            try {
                PosixFileAttributes attributes =
                        Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return numericMeansUnknown(attributes.group().getName(), id);
            } catch (IOException | UnsupportedOperationException e) {
                return "";
            }
        });
    }

    /** The JDK names an ID without a passwd/group entry by its number; restic leaves the name empty then. */
    private static String numericMeansUnknown(String name, int id) {
        return name.equals(Integer.toUnsignedString(id)) ? "" : name;
    }
}

package org.lifeboat.repository.tree;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.lifeboat.repository.Id;

/**
 * One entry of a restic tree: a file, directory, symlink or special file with its metadata.
 *
 * <p>Field meanings follow restic's {@code Node} ({@code internal/restic/node.go}). Absent values are zero, empty or,
 * for {@code subtree}, null, exactly where restic's JSON omits them. Numbers that Go holds unsigned ({@code uid},
 * {@code gid}, {@code inode}, {@code deviceId}, {@code size}, {@code links}, {@code device}) are stored in Java's signed
 * types bit for bit.
 *
 * @param name one path component, raw bytes
 * @param size for files, the sum of the chunk lengths; restic restores a file with size 0 as empty
 * @param links st_nlink; with links > 1, restic restores files sharing (inode, deviceId) as hard links
 * @param content the data blobs of a file in order; empty for everything else
 * @param subtree the tree blob of a directory, null for everything else
 */
public record Node(
        ByteString name,
        NodeType type,
        FileMode mode,
        OffsetDateTime mtime,
        OffsetDateTime atime,
        OffsetDateTime ctime,
        int uid,
        int gid,
        String user,
        String group,
        long inode,
        long deviceId,
        long size,
        long links,
        ByteString linkTarget,
        List<ExtendedAttribute> extendedAttributes,
        long device,
        List<Id> content,
        Id subtree,
        String error) {

    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(atime, "atime");
        Objects.requireNonNull(ctime, "ctime");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(linkTarget, "linkTarget");
        Objects.requireNonNull(error, "error");
        extendedAttributes = List.copyOf(extendedAttributes);
        content = List.copyOf(content);
        if (type == NodeType.DIR && subtree == null) {
            throw new IllegalArgumentException("directory node " + name + " needs a subtree");
        }
    }

    public static Builder builder(ByteString name, NodeType type) {
        return new Builder(name, type);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether a restorer may create this name inside a directory: one non-empty component, not . or .. */
    public boolean hasSafeName() {
        return isSafeName(name);
    }

    static boolean isSafeName(ByteString name) {
        if (name.length() == 0 || name.contains((byte) '/') || name.contains((byte) 0)) {
            return false;
        }
        return !name.equals(ByteString.utf8(".")) && !name.equals(ByteString.utf8(".."));
    }

    /** Builds nodes field by field; everything not set is restic's "absent" value. */
    public static final class Builder {
        private ByteString name;
        private NodeType type;
        private FileMode mode = new FileMode(0);
        private OffsetDateTime mtime = GoTime.ZERO;
        private OffsetDateTime atime = GoTime.ZERO;
        private OffsetDateTime ctime = GoTime.ZERO;
        private int uid;
        private int gid;
        private String user = "";
        private String group = "";
        private long inode;
        private long deviceId;
        private long size;
        private long links;
        private ByteString linkTarget = ByteString.EMPTY;
        private List<ExtendedAttribute> extendedAttributes = List.of();
        private long device;
        private List<Id> content = List.of();
        private Id subtree;
        private String error = "";

        private Builder(ByteString name, NodeType type) {
            this.name = name;
            this.type = type;
        }

        private Builder(Node node) {
            name = node.name;
            type = node.type;
            mode = node.mode;
            mtime = node.mtime;
            atime = node.atime;
            ctime = node.ctime;
            uid = node.uid;
            gid = node.gid;
            user = node.user;
            group = node.group;
            inode = node.inode;
            deviceId = node.deviceId;
            size = node.size;
            links = node.links;
            linkTarget = node.linkTarget;
            extendedAttributes = node.extendedAttributes;
            device = node.device;
            content = node.content;
            subtree = node.subtree;
            error = node.error;
        }

        public Builder name(ByteString value) {
            name = value;
            return this;
        }

        public Builder mode(FileMode value) {
            mode = value;
            return this;
        }

        public Builder times(OffsetDateTime modified, OffsetDateTime accessed, OffsetDateTime changed) {
            mtime = modified;
            atime = accessed;
            ctime = changed;
            return this;
        }

        public Builder owner(int userId, int groupId, String userName, String groupName) {
            uid = userId;
            gid = groupId;
            user = userName;
            group = groupName;
            return this;
        }

        public Builder inode(long inodeNumber, long containingDeviceId, long linkCount) {
            inode = inodeNumber;
            deviceId = containingDeviceId;
            links = linkCount;
            return this;
        }

        public Builder size(long value) {
            size = value;
            return this;
        }

        public Builder linkTarget(ByteString value) {
            linkTarget = value;
            return this;
        }

        public Builder extendedAttributes(List<ExtendedAttribute> value) {
            extendedAttributes = value;
            return this;
        }

        public Builder device(long value) {
            device = value;
            return this;
        }

        public Builder content(List<Id> value) {
            content = value;
            return this;
        }

        public Builder subtree(Id value) {
            subtree = value;
            return this;
        }

        public Builder error(String value) {
            error = value;
            return this;
        }

        public Node build() {
            return new Node(
                    name,
                    type,
                    mode,
                    mtime,
                    atime,
                    ctime,
                    uid,
                    gid,
                    user,
                    group,
                    inode,
                    deviceId,
                    size,
                    links,
                    linkTarget,
                    extendedAttributes,
                    device,
                    content,
                    subtree,
                    error);
        }
    }
}

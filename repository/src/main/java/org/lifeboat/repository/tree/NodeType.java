package org.lifeboat.repository.tree;

/** A node's {@code type} in a restic tree. */
public enum NodeType {
    FILE("file"),
    DIR("dir"),
    SYMLINK("symlink"),
    DEV("dev"),
    CHARDEV("chardev"),
    FIFO("fifo"),
    SOCKET("socket"),
    /** Written by restic 0.17.1 by mistake for some files; readers accept it and skip such nodes. */
    IRREGULAR("irregular");

    private final String jsonName;

    NodeType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static NodeType fromJsonName(String name) {
        for (NodeType type : values()) {
            if (type.jsonName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "node type is one of file, dir, symlink, dev, chardev, fifo, socket, irregular; got '" + name + "'");
    }
}

package org.lifeboat.repository;

/** The two kinds of blob restic stores; v2 keeps them in separate packs. */
public enum BlobType {
    DATA("data"),
    TREE("tree");

    private final String jsonName;

    BlobType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in index JSON ({@code "data"} or {@code "tree"}). */
    public String jsonName() {
        return jsonName;
    }

    /** Parses the index JSON name. */
    public static BlobType fromJsonName(String name) {
        return switch (name) {
            case "data" -> DATA;
            case "tree" -> TREE;
            default -> throw new IllegalArgumentException("blob type is 'data' or 'tree', got '" + name + "'");
        };
    }
}

package org.lifeboat.repository;

import java.util.Objects;

/** A blob's identity in a repository: its ID and whether it holds file data or a tree. */
public record BlobHandle(Id id, BlobType type) {
    public BlobHandle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return type.jsonName() + "/" + id.toShortString();
    }
}

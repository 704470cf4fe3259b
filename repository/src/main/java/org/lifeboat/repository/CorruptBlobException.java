package org.lifeboat.repository;

import java.util.Objects;

/** One blob in a pack fails its MAC, does not decompress, or does not hash to its ID. */
public final class CorruptBlobException extends CorruptPackException {
    private final BlobHandle blob;

    public CorruptBlobException(Id packId, BlobHandle blob, String reason) {
        super(packId, "blob " + blob.type().jsonName() + " " + blob.id() + ": " + reason);
        this.blob = Objects.requireNonNull(blob, "blob");
    }

    public CorruptBlobException(Id packId, BlobHandle blob, String reason, Throwable cause) {
        super(packId, "blob " + blob.type().jsonName() + " " + blob.id() + ": " + reason, cause);
        this.blob = Objects.requireNonNull(blob, "blob");
    }

    public BlobHandle blob() {
        return blob;
    }
}

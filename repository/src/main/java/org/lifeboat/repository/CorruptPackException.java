package org.lifeboat.repository;

import java.util.Objects;

/** A pack file's header or size does not match the format or the index. */
public class CorruptPackException extends RepositoryException {
    private final Id packId;

    public CorruptPackException(Id packId, String reason) {
        super("pack " + packId + " is damaged: " + reason);
        this.packId = Objects.requireNonNull(packId, "packId");
    }

    public CorruptPackException(Id packId, String reason, Throwable cause) {
        super("pack " + packId + " is damaged: " + reason, cause);
        this.packId = Objects.requireNonNull(packId, "packId");
    }

    public Id packId() {
        return packId;
    }
}

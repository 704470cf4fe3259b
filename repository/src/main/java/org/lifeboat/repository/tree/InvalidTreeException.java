package org.lifeboat.repository.tree;

import org.lifeboat.repository.RepositoryException;

/** A tree blob's plaintext is not a restic tree: bad JSON, a bad name, a missing or ill-typed field. */
public final class InvalidTreeException extends RepositoryException {
    public InvalidTreeException(String message) {
        super(message);
    }

    public InvalidTreeException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.lifeboat.repository;

import java.io.IOException;

/**
 * Something about a repository is not as the restic format requires, or it refused an operation.
 *
 * <p>An {@link IOException} because every repository operation is I/O: callers handle one checked type and can still
 * catch the precise subclasses ({@link WrongPasswordException}, {@link RepositoryLockedException}, ...).
 */
public class RepositoryException extends IOException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}

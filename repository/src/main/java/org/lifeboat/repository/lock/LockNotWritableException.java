package org.lifeboat.repository.lock;

import java.io.IOException;
import org.lifeboat.repository.RepositoryException;

/**
 * A new lock file could not be written: the repository is on read-only storage, or this user may not write to it.
 * Commands that only read can go on without a lock (restic's {@code --no-lock}).
 */
public final class LockNotWritableException extends RepositoryException {
    public LockNotWritableException(String location, IOException cause) {
        super("cannot write a lock file into " + location + "/locks (" + cause.getMessage() + ")", cause);
    }
}

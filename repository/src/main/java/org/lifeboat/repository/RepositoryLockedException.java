package org.lifeboat.repository;

/** Another process holds a conflicting lock; the message names the holder so the user can decide what to do. */
public final class RepositoryLockedException extends RepositoryException {
    private final String holder;

    public RepositoryLockedException(String message, String holder) {
        super(message);
        this.holder = holder;
    }

    /** Who holds the lock, for example {@code "PID 4711 on host phone-backup by user alice"}. */
    public String holder() {
        return holder;
    }
}

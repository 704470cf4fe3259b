package org.lifeboat.backup.restore;

import java.io.IOException;

/**
 * A part of the snapshot cannot be read back: a damaged or missing blob, a damaged tree, or an export that does not
 * parse. Names the snapshot path, so that a restore can go on with everything else and list what it could not do.
 */
public final class UnreadableBackupException extends IOException {
    private final String item;

    public UnreadableBackupException(String item, Throwable cause) {
        super("the backup's copy of " + item + " cannot be read (" + cause.getMessage() + ")", cause);
        this.item = item;
    }

    /** The snapshot path (or the part of the backup) that is damaged, e.g. {@code /files/DCIM/Camera/x.jpg}. */
    public String item() {
        return item;
    }

    /** The damage reported anywhere in the cause chain of {@code failure}, if that is why it failed. */
    public static java.util.Optional<UnreadableBackupException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableBackupException unreadable) {
                return java.util.Optional.of(unreadable);
            }
        }
        return java.util.Optional.empty();
    }
}

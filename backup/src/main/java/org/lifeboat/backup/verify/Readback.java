package org.lifeboat.backup.verify;

import java.util.List;

/**
 * Whether a snapshot reads back: every tree was loaded, and every data blob was decrypted and hash-checked (or, with
 * {@code quick}, found in the index and its pack present).
 *
 * @param damaged each file (or folder, when its listing is damaged) that cannot be restored as saved, with why
 */
public record Readback(boolean quick, long trees, long blobs, List<Damage> damaged) {
    public Readback {
        damaged = List.copyOf(damaged);
    }

    /** One snapshot path that does not read back. */
    public record Damage(String path, String reason) {}

    public boolean intact() {
        return damaged.isEmpty();
    }
}

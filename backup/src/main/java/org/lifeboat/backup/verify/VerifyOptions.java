package org.lifeboat.backup.verify;

/**
 * How thorough a verify is.
 *
 * @param deep also compare file contents: {@code sha256sum} on the phone against the snapshot's bytes
 * @param quick only check that the snapshot's blobs exist, rather than decrypting and hash-checking each
 */
public record VerifyOptions(boolean deep, boolean quick) {
    public VerifyOptions {
        if (deep && quick) {
            throw new IllegalArgumentException("--deep reads every file back and --quick reads none; choose one");
        }
    }
}

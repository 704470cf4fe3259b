package org.lifeboat.repository.crypto;

import java.util.Locale;
import org.lifeboat.repository.RepositoryException;

/**
 * A key file's scrypt parameters need more memory than this process can give them. Refused up front, because the
 * allocation would otherwise end the JVM with an {@link OutOfMemoryError} (or, for arrays beyond Java's limit, an
 * unchecked error) instead of letting the other key files be tried.
 */
public final class UnsupportedKeyParametersException extends RepositoryException {
    private final ScryptParams params;

    UnsupportedKeyParametersException(ScryptParams params, long bytesNeeded, long bytesAvailable) {
        super("scrypt N=" + params.n() + ", r=" + params.r() + ", p=" + params.p() + " needs " + mebibytes(bytesNeeded)
                + " of memory, but only " + mebibytes(bytesAvailable) + " is available");
        this.params = params;
    }

    /** The same refusal, for the user: which key file, and what the other key files said. */
    public UnsupportedKeyParametersException(
            String keyFile, int otherKeysTried, UnsupportedKeyParametersException refusal) {
        super(
                "cannot try key file " + keyFile + ": " + refusal.getMessage()
                        + "; the password opens none of the other " + otherKeysTried + " key(s)",
                refusal);
        this.params = refusal.params;
    }

    public ScryptParams params() {
        return params;
    }

    private static String mebibytes(long bytes) {
        return bytes < 1L << 30
                ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20))
                : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}

package org.lifeboat.repository.crypto;

import org.lifeboat.repository.RepositoryException;

/** Sealed bytes fail their Poly1305-AES MAC or are malformed: damaged data, or the wrong key. */
public final class CiphertextVerificationException extends RepositoryException {
    public CiphertextVerificationException(String reason) {
        super("ciphertext verification failed: " + reason);
    }
}

package org.lifeboat.repository.crypto;

import java.util.Arrays;
import java.util.List;

/** Turns a password into a user key with scrypt, as restic's {@code crypto.KDF} does. */
public final class KeyDerivation {
    /** restic refuses any other salt length ("scrypt() called with invalid salt bytes"). */
    public static final int SALT_LENGTH = 64;

    private static final int DERIVED_LENGTH = 64;

    private KeyDerivation() {}

    /**
     * {@code scrypt(password, salt, N, r, p, 64)} split into encrypt[0:32], mac.k[32:48], mac.r[48:64].
     *
     * @throws IllegalArgumentException if the salt is not 64 bytes
     * @throws UnsupportedKeyParametersException if the parameters need more memory than this process has
     */
    public static MasterKey derive(Password password, byte[] salt, ScryptParams params)
            throws UnsupportedKeyParametersException {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("the scrypt salt has " + SALT_LENGTH + " bytes, got " + salt.length);
        }
        byte[] passwordBytes = password.utf8();
        byte[] derived;
        try {
            derived = Scrypt.derive(passwordBytes, salt, params, DERIVED_LENGTH);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        byte[] encrypt = Arrays.copyOfRange(derived, 0, 32);
        byte[] macK = Arrays.copyOfRange(derived, 32, 48);
        byte[] macR = Arrays.copyOfRange(derived, 48, 64);
        try {
            return MasterKey.of(encrypt, macK, macR);
        } finally {
            // MasterKey keeps its own copies: these are the last other traces of the user key.
            for (byte[] secret : List.of(derived, encrypt, macK, macR)) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }
}

package org.lifeboat.virtualphone.transport;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The device half of adb's AUTH exchange for one connection ({@code daemon/auth.cpp}, adb-protocol.md §4.3): a
 * 20-byte token, and a signature check against every authorized key.
 */
final class Authenticator {
    static final int TOKEN_SIZE = 20;

    /**
     * The DER DigestInfo prefix for SHA-1: adb signs {@code RSA_sign(NID_sha1, token)}, i.e. PKCS#1 v1.5 around the
     * raw 20-byte token, which is not hashed again. NONEwithRSA plus this prefix verifies exactly that.
     */
    private static final byte[] SHA1_DIGEST_INFO = {
        0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14
    };

    private final Optional<AuthorizedKeys> keys;
    private final RandomGenerator random;
    private byte[] token;
    private boolean authorized;

    Authenticator(Optional<AuthorizedKeys> keys, RandomGenerator random) {
        this.keys = keys;
        this.random = random;
    }

    boolean isRequired() {
        return keys.isPresent();
    }

    boolean isAuthorized() {
        return authorized;
    }

    byte[] newToken() {
        token = new byte[TOKEN_SIZE];
        random.nextBytes(token);
        return token.clone();
    }

    /** Whether {@code signature} signs the current token with one of the keys; a token is good for one try. */
    boolean verify(byte[] signature) {
        if (token == null || keys.isEmpty()) {
            return false;
        }
        byte[] signed = Arrays.copyOf(SHA1_DIGEST_INFO, SHA1_DIGEST_INFO.length + token.length);
        System.arraycopy(token, 0, signed, SHA1_DIGEST_INFO.length, token.length);
        token = null;
        for (RSAPublicKey key : keys.get().keys()) {
            if (verifies(key, signed, signature)) {
                authorized = true;
                return true;
            }
        }
        return false;
    }

    private static boolean verifies(RSAPublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("NONEwithRSA");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A malformed signature (wrong length, garbage) simply does not verify.
            return false;
        }
    }
}

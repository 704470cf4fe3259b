package org.lifeboat.adb.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

/** This computer's adb identity: the RSA key pair a phone remembers when the user ticks "Always allow". */
public final class AdbKey {
    /** TOKEN_SIZE in AOSP adb_auth.h: adbd always sends 20 random bytes. */
    public static final int TOKEN_SIZE = 20;

    /** The DER prefix of a SHA-1 {@code DigestInfo}; adb signs the token as if it were a SHA-1 digest. */
    private static final byte[] SHA1_DIGEST_INFO_PREFIX = {
        0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14
    };

    private final RSAPrivateCrtKey privateKey;
    private final AndroidPublicKey publicKey;
    private final String comment;

    AdbKey(RSAPrivateCrtKey privateKey, String comment) throws AdbKeyException {
        this.privateKey = privateKey;
        this.publicKey = AndroidPublicKey.of(publicKeyOf(privateKey));
        this.comment = comment;
    }

    public AndroidPublicKey publicKey() {
        return publicKey;
    }

    /** The {@code user@host} label shown on the phone's prompt. */
    public String comment() {
        return comment;
    }

    /**
     * Signs adbd's {@code AUTH(TOKEN)} challenge like adb's {@code RSA_sign(NID_sha1, token, ...)}: PKCS#1 v1.5 over a
     * SHA-1 DigestInfo that carries the raw token in place of a digest (the token is not hashed again).
     */
    public byte[] signToken(byte[] token) {
        if (token.length != TOKEN_SIZE) {
            throw new IllegalArgumentException(
                    "an adb auth token has " + TOKEN_SIZE + " bytes, this one has " + token.length);
        }
        byte[] digestInfo = new byte[SHA1_DIGEST_INFO_PREFIX.length + TOKEN_SIZE];
        System.arraycopy(SHA1_DIGEST_INFO_PREFIX, 0, digestInfo, 0, SHA1_DIGEST_INFO_PREFIX.length);
        System.arraycopy(token, 0, digestInfo, SHA1_DIGEST_INFO_PREFIX.length, TOKEN_SIZE);
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(privateKey);
            rsa.update(digestInfo);
            return rsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make PKCS#1 v1.5 RSA signatures", e);
        }
    }

    /** The payload of {@code AUTH(RSAPUBLICKEY)}: the public key's text form and a NUL. */
    public byte[] publicKeyAuthPayload() {
        return publicKey.authPayload(comment);
    }

    RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) throws AdbKeyException {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new AdbKeyException("the adb private key has no usable public half: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AdbKey[" + comment + "]";
    }
}

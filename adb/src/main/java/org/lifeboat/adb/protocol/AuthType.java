package org.lifeboat.adb.protocol;

import java.util.Optional;

/** The arg0 of an AUTH message ({@code ADB_AUTH_TOKEN}, {@code ADB_AUTH_SIGNATURE}, {@code ADB_AUTH_RSAPUBLICKEY}). */
public enum AuthType {
    /** Device to host: 20 random bytes to sign. */
    TOKEN(1),
    /** Host to device: the PKCS#1 v1.5 SHA-1 signature of the token, which is not hashed again. */
    SIGNATURE(2),
    /** Host to device: {@code base64(android RSAPublicKey) + " user@host\0"}, offered when no signature was accepted. */
    RSA_PUBLIC_KEY(3);

    private final int code;

    AuthType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<AuthType> fromCode(int code) {
        for (AuthType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

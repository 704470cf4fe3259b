package org.lifeboat.adb.auth;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads and writes {@code adbkey}. adb 29 writes PKCS#8 ({@code BEGIN PRIVATE KEY}, OpenSSL's
 * {@code PEM_write_PrivateKey}); adb before 28 wrote PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), which we still read.
 */
final class PrivateKeyPem {
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String PKCS1 = "RSA PRIVATE KEY";
    /** The DER of {@code AlgorithmIdentifier { rsaEncryption, NULL }}. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PrivateKeyPem() {}

    static String write(RSAPrivateCrtKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN " + PKCS8 + "-----\n" + body + "\n-----END " + PKCS8 + "-----\n";
    }

    static RSAPrivateCrtKey read(String pem) throws AdbKeyException {
        byte[] der;
        if (pem.contains("-----BEGIN " + PKCS8 + "-----")) {
            der = body(pem, PKCS8);
        } else if (pem.contains("-----BEGIN " + PKCS1 + "-----")) {
            der = wrapPkcs1(body(pem, PKCS1));
        } else {
            throw new AdbKeyException("an adb private key must be a PEM 'PRIVATE KEY' or 'RSA PRIVATE KEY' block");
        }
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey crt) {
                return crt;
            }
            throw new AdbKeyException("an adb private key must carry its CRT parameters, as adb writes them");
        } catch (GeneralSecurityException e) {
            throw new AdbKeyException("the adb private key is not a valid RSA key: " + e.getMessage(), e);
        }
    }

    private static byte[] body(String pem, String label) throws AdbKeyException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin) + begin.length();
        int to = pem.indexOf(end, from);
        if (to < 0) {
            throw new AdbKeyException("the adb private key has no '" + end + "' line");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from, to));
        } catch (IllegalArgumentException e) {
            throw new AdbKeyException("the adb private key's PEM body is not base64: " + e.getMessage(), e);
        }
    }

    /** PKCS#8 {@code PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING pkcs1 }} around a PKCS#1 key. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM);
        content.write(0x04);
        writeLength(content, pkcs1.length);
        content.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        writeLength(sequence, content.size());
        sequence.writeBytes(content.toByteArray());
        return sequence.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        }
    }
}

package org.lifeboat.adb.auth;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * An RSA public key in Android's {@code RSAPublicKey} struct, the form adbd stores in {@code adb_keys} and the host
 * sends in {@code AUTH(RSAPUBLICKEY)} (AOSP system/core/libcrypto_utils/android_pubkey.c):
 *
 * <pre>
 * u32 modulus_size_words (64)   u32 n0inv (-1 / n[0] mod 2^32)
 * u8  modulus[256] little-endian u8 rr[256] little-endian (2^4096 mod n)   u32 exponent
 * </pre>
 *
 * The text form, as in {@code adbkey.pub}, is the base64 of that struct, a space and a {@code user@host} comment.
 */
public final class AndroidPublicKey {
    static final int MODULUS_BYTES = 256;
    private static final int MODULUS_WORDS = MODULUS_BYTES / 4;
    private static final int STRUCT_BYTES = 4 + 4 + MODULUS_BYTES + MODULUS_BYTES + 4;
    private static final BigInteger TWO_TO_32 = BigInteger.ONE.shiftLeft(32);

    private final RSAPublicKey key;

    private AndroidPublicKey(RSAPublicKey key) {
        if (key.getModulus().bitLength() != MODULUS_BYTES * 8) {
            throw new IllegalArgumentException(
                    "adb keys are 2048-bit RSA, got " + key.getModulus().bitLength() + " bits");
        }
        this.key = key;
    }

    public static AndroidPublicKey of(RSAPublicKey key) {
        return new AndroidPublicKey(key);
    }

    /** Reads the text form, as in {@code adbkey.pub}; the comment after the first space is ignored. */
    public static AndroidPublicKey parse(String text) throws AdbKeyException {
        String encoded = text.strip();
        int space = encoded.indexOf(' ');
        if (space >= 0) {
            encoded = encoded.substring(0, space);
        }
        byte[] struct;
        try {
            struct = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new AdbKeyException("an adb public key must start with base64, but it does not: " + e.getMessage());
        }
        return decode(struct);
    }

    static AndroidPublicKey decode(byte[] struct) throws AdbKeyException {
        if (struct.length != STRUCT_BYTES) {
            throw new AdbKeyException(
                    "an adb public key struct has " + STRUCT_BYTES + " bytes, this one has " + struct.length);
        }
        ByteBuffer in = ByteBuffer.wrap(struct).order(ByteOrder.LITTLE_ENDIAN);
        int words = in.getInt();
        if (words != MODULUS_WORDS) {
            throw new AdbKeyException("an adb public key has a " + MODULUS_WORDS + "-word modulus, this one " + words);
        }
        long n0inv = Integer.toUnsignedLong(in.getInt());
        BigInteger modulus = readLittleEndian(in);
        BigInteger rr = readLittleEndian(in);
        BigInteger exponent = BigInteger.valueOf(Integer.toUnsignedLong(in.getInt()));
        if (n0inv != n0inv(modulus) || !rr.equals(rr(modulus))) {
            throw new AdbKeyException("an adb public key's precomputed n0inv/rr do not match its modulus");
        }
        try {
            RSAPublicKey key = (RSAPublicKey)
                    KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            return new AndroidPublicKey(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AdbKeyException("an adb public key is not a usable RSA key: " + e.getMessage(), e);
        }
    }

    public RSAPublicKey rsaKey() {
        return key;
    }

    /** The 524-byte struct. */
    byte[] encode() {
        BigInteger modulus = key.getModulus();
        ByteBuffer out = ByteBuffer.allocate(STRUCT_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MODULUS_WORDS);
        out.putInt((int) n0inv(modulus));
        writeLittleEndian(out, modulus);
        writeLittleEndian(out, rr(modulus));
        out.putInt(key.getPublicExponent().intValueExact());
        return out.array();
    }

    /** The text form: base64 of the struct, a space, then {@code comment} (adb writes {@code user@host}). */
    public String toText(String comment) {
        return Base64.getEncoder().encodeToString(encode()) + " " + comment;
    }

    /** The payload of {@code AUTH(RSAPUBLICKEY)}: the text form and a terminating NUL, as adb sends it. */
    byte[] authPayload(String comment) {
        byte[] text = toText(comment).getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[text.length + 1];
        System.arraycopy(text, 0, payload, 0, text.length);
        return payload;
    }

    private static long n0inv(BigInteger modulus) {
        return TWO_TO_32.subtract(modulus.mod(TWO_TO_32).modInverse(TWO_TO_32)).longValue();
    }

    private static BigInteger rr(BigInteger modulus) {
        return BigInteger.ONE.shiftLeft(MODULUS_BYTES * 8 * 2).mod(modulus);
    }

    private static BigInteger readLittleEndian(ByteBuffer in) {
        byte[] bigEndian = new byte[MODULUS_BYTES];
        for (int i = MODULUS_BYTES - 1; i >= 0; i--) {
            bigEndian[i] = in.get();
        }
        return new BigInteger(1, bigEndian);
    }

    private static void writeLittleEndian(ByteBuffer out, BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < MODULUS_BYTES; i++) {
            int index = bigEndian.length - 1 - i;
            out.put(index >= 0 ? bigEndian[index] : 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AndroidPublicKey other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "AndroidPublicKey[" + key.getModulus().bitLength() + "-bit RSA]";
    }
}

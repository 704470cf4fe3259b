package org.lifeboat.repository.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * restic's symmetric key: AES-256-CTR for secrecy and Poly1305-AES ({@code k}, {@code r}) for integrity.
 *
 * <p>Sealed form: {@code IV(16) || AES-CTR(plaintext) || MAC(16)}; the MAC covers the ciphertext only and is checked
 * before decrypting. The same type serves as the repository's master key and as a password-derived user key.
 * Immutable and thread-safe: each thread keys its own JCE ciphers once and reuses them, because creating and keying a
 * {@link Cipher} costs more than sealing a small blob.
 */
public final class MasterKey {
    public static final int IV_LENGTH = 16;
    public static final int MAC_LENGTH = 16;
    /** Bytes that sealing adds to a plaintext. */
    public static final int OVERHEAD = IV_LENGTH + MAC_LENGTH;

    static final int ENCRYPTION_KEY_LENGTH = 32;
    static final int MAC_PART_LENGTH = 16;

    /** Poly1305 clamping (restic {@code poly1305PrepareKey}): clears the bits r must not have. */
    private static final byte[] CLAMP_MASK = {
        (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, (byte) 0xfc, (byte) 0xff, (byte) 0xff, 0x0f,
        (byte) 0xfc, (byte) 0xff, (byte) 0xff, 0x0f, (byte) 0xfc, (byte) 0xff, (byte) 0xff, 0x0f
    };

    private final byte[] encryptionKey;
    private final byte[] macK;
    private final byte[] macR;
    private final Poly1305 poly1305;
    private final ThreadLocal<ThreadCiphers> ciphers;

    private MasterKey(byte[] encryptionKey, byte[] macK, byte[] macR) {
        this.encryptionKey = encryptionKey;
        this.macK = macK;
        this.macR = macR;
        this.poly1305 = new Poly1305(clamp(macR));
        SecretKeySpec aesKey = new SecretKeySpec(encryptionKey, "AES");
        SecretKeySpec padKey = new SecretKeySpec(macK, "AES");
        // The initial value must not refer to this key, or the thread-local map would keep every key alive.
        this.ciphers = ThreadLocal.withInitial(() -> new ThreadCiphers(aesKey, padKey));
    }

    /**
     * A key from its three parts, as stored in a key file.
     *
     * @throws IllegalArgumentException for wrong lengths or an all-zero part (restic's {@code Valid()} refuses those)
     */
    public static MasterKey of(byte[] encryptionKey, byte[] macK, byte[] macR) {
        requirePart("encrypt", encryptionKey, ENCRYPTION_KEY_LENGTH);
        requirePart("mac.k", macK, MAC_PART_LENGTH);
        requirePart("mac.r", macR, MAC_PART_LENGTH);
        return new MasterKey(encryptionKey.clone(), macK.clone(), macR.clone());
    }

    /** A fresh random key. {@code r} is stored clamped, as restic 0.14 writes it. */
    public static MasterKey generate(SecureRandom random) {
        byte[] encrypt = new byte[ENCRYPTION_KEY_LENGTH];
        byte[] k = new byte[MAC_PART_LENGTH];
        byte[] r = new byte[MAC_PART_LENGTH];
        random.nextBytes(encrypt);
        random.nextBytes(k);
        random.nextBytes(r);
        return of(encrypt, k, clamp(r));
    }

    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    public byte[] macK() {
        return macK.clone();
    }

    public byte[] macR() {
        return macR.clone();
    }

    /** The length of {@code plaintextLength} bytes once sealed. */
    public static int sealedLength(int plaintextLength) {
        return plaintextLength + OVERHEAD;
    }

    /** Encrypts and authenticates {@code plaintext} under a fresh random IV. */
    public byte[] seal(byte[] plaintext, SecureRandom random) {
        return seal(plaintext, 0, plaintext.length, random);
    }

    /** Encrypts and authenticates {@code plaintext[offset..offset+length)} under a fresh random IV. */
    public byte[] seal(byte[] plaintext, int offset, int length, SecureRandom random) {
        byte[] sealed = new byte[sealedLength(length)];
        sealInto(plaintext, offset, length, sealed, 0, random);
        return sealed;
    }

    /**
     * Seals {@code plaintext[offset..offset+length)} into {@code target} at {@code targetOffset}, which must have
     * room for {@link #sealedLength}{@code (length)} bytes; lets callers reuse one output buffer for many blobs.
     *
     * @return the number of bytes written
     */
    public int sealInto(
            byte[] plaintext, int offset, int length, byte[] target, int targetOffset, SecureRandom random) {
        byte[] iv = new byte[IV_LENGTH];
        do {
            random.nextBytes(iv);
        } while (isAllZero(iv, 0, IV_LENGTH)); // restic refuses an all-zero nonce on open
        return sealWithIv(plaintext, offset, length, iv, target, targetOffset);
    }

    /** Sealing with a chosen IV exists for the reference test vectors only; reusing an IV breaks CTR mode. */
    byte[] sealWithIv(byte[] plaintext, int offset, int length, byte[] iv) {
        byte[] sealed = new byte[sealedLength(length)];
        sealWithIv(plaintext, offset, length, iv, sealed, 0);
        return sealed;
    }

    private int sealWithIv(byte[] plaintext, int offset, int length, byte[] iv, byte[] target, int targetOffset) {
        int sealedLength = sealedLength(length);
        if (targetOffset < 0 || targetOffset > target.length - sealedLength) {
            throw new IndexOutOfBoundsException("sealing " + length + " bytes needs " + sealedLength
                    + " bytes of room at offset " + targetOffset + " in a buffer of " + target.length);
        }
        ThreadCiphers threadCiphers = ciphers.get();
        int ciphertextOffset = targetOffset + IV_LENGTH;
        threadCiphers.applyKeystream(iv, plaintext, offset, length, target, ciphertextOffset);
        // Copied after encrypting, so that sealing a buffer into itself (shifted by the IV) stays correct.
        System.arraycopy(iv, 0, target, targetOffset, IV_LENGTH);
        poly1305.tag(target, ciphertextOffset, length, threadCiphers.pad(iv), target, ciphertextOffset + length);
        return sealedLength;
    }

    /** Verifies and decrypts sealed bytes. */
    public byte[] open(byte[] sealed) throws CiphertextVerificationException {
        return open(sealed, 0, sealed.length);
    }

    /** Verifies and decrypts {@code sealed[offset..offset+length)}; nothing is decrypted unless the MAC matches. */
    public byte[] open(byte[] sealed, int offset, int length) throws CiphertextVerificationException {
        checkSealedLength(length);
        byte[] plaintext = new byte[length - OVERHEAD];
        openInto(sealed, offset, length, plaintext, 0);
        return plaintext;
    }

    /**
     * Verifies {@code sealed[offset..offset+length)} and decrypts it into {@code target} at {@code targetOffset},
     * which must have room for {@code length - }{@link #OVERHEAD} bytes. Nothing is written unless the MAC matches.
     *
     * @return the number of plaintext bytes written
     */
    public int openInto(byte[] sealed, int offset, int length, byte[] target, int targetOffset)
            throws CiphertextVerificationException {
        checkSealedLength(length);
        if (isAllZero(sealed, offset, IV_LENGTH)) {
            throw new CiphertextVerificationException("the IV is all zeros, which restic never writes");
        }
        int ciphertextLength = length - OVERHEAD;
        if (targetOffset < 0 || targetOffset > target.length - ciphertextLength) {
            throw new IndexOutOfBoundsException("opening " + length + " bytes needs " + ciphertextLength
                    + " bytes of room at offset " + targetOffset + " in a buffer of " + target.length);
        }
        byte[] iv = Arrays.copyOfRange(sealed, offset, offset + IV_LENGTH);
        int ciphertextOffset = offset + IV_LENGTH;
        ThreadCiphers threadCiphers = ciphers.get();
        byte[] expectedMac = new byte[MAC_LENGTH];
        poly1305.tag(sealed, ciphertextOffset, ciphertextLength, threadCiphers.pad(iv), expectedMac, 0);
        if (!MessageDigest.isEqual(
                expectedMac, Arrays.copyOfRange(sealed, ciphertextOffset + ciphertextLength, offset + length))) {
            throw new CiphertextVerificationException("the MAC does not match (damaged data or a different key)");
        }
        threadCiphers.applyKeystream(iv, sealed, ciphertextOffset, ciphertextLength, target, targetOffset);
        return ciphertextLength;
    }

    private static void checkSealedLength(int length) throws CiphertextVerificationException {
        if (length < OVERHEAD) {
            throw new CiphertextVerificationException(
                    "sealed data has at least " + OVERHEAD + " bytes (IV and MAC), got " + length);
        }
    }

    static byte[] clamp(byte[] r) {
        byte[] clamped = new byte[MAC_PART_LENGTH];
        for (int i = 0; i < MAC_PART_LENGTH; i++) {
            clamped[i] = (byte) (r[i] & CLAMP_MASK[i]);
        }
        return clamped;
    }

    private static void requirePart(String name, byte[] part, int expectedLength) {
        if (part.length != expectedLength) {
            throw new IllegalArgumentException(
                    "key part " + name + " has " + expectedLength + " bytes, got " + part.length);
        }
        if (isAllZero(part, 0, part.length)) {
            throw new IllegalArgumentException("key part " + name + " is all zeros");
        }
    }

    private static boolean isAllZero(byte[] bytes, int offset, int length) {
        int bits = 0;
        for (int i = offset; i < offset + length; i++) {
            bits |= bytes[i];
        }
        return bits == 0;
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }

    /**
     * One thread's keyed ciphers: AES-256-CTR for the data and AES-128 for Poly1305-AES's per-nonce pad
     * {@code s = AES(k, IV)}. Only the IV changes between uses, and the JDK skips the key expansion when re-initialised
     * with the same key.
     */
    private static final class ThreadCiphers {
        private final SecretKeySpec aesKey;
        private final Cipher ctr;
        private final Cipher padCipher;

        ThreadCiphers(SecretKeySpec aesKey, SecretKeySpec padKey) {
            this.aesKey = aesKey;
            try {
                this.ctr = Cipher.getInstance("AES/CTR/NoPadding");
                this.padCipher = Cipher.getInstance("AES/ECB/NoPadding");
                padCipher.init(Cipher.ENCRYPT_MODE, padKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks AES/CTR/NoPadding or AES/ECB/NoPadding", e);
            }
        }

        /** XORs the CTR keystream for {@code iv} over the input; encryption and decryption are the same. */
        void applyKeystream(byte[] iv, byte[] input, int offset, int length, byte[] output, int outputOffset) {
            try {
                ctr.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
                ctr.doFinal(input, offset, length, output, outputOffset);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CTR refused a 32-byte key and a 16-byte IV", e);
            }
        }

        /** Poly1305-AES's one-time pad for this nonce (restic {@code poly1305PrepareKey}). */
        byte[] pad(byte[] iv) {
            try {
                return padCipher.doFinal(iv);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-ECB refused a 16-byte block", e);
            }
        }
    }
}

package org.lifeboat.repository.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * restic's symmetric key: AES-256-CTR for secrecy and Poly1305-AES ({@code k}, {@code r}) for integrity.
 *
 * <p>Sealed form: {@code IV(16) || AES-CTR(plaintext) || MAC(16)}; the MAC covers the ciphertext only and is checked
 * before decrypting. The same type serves as the repository's master key and as a password-derived user key.
 * Immutable and thread-safe.
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
    private final SecretKeySpec aesKey;
    /** Bouncy Castle's Poly1305-AES key layout is {@code clamp(r) || k}, the reverse of restic's {@code k || r}. */
    private final byte[] bouncyCastleMacKey;

    private MasterKey(byte[] encryptionKey, byte[] macK, byte[] macR) {
        this.encryptionKey = encryptionKey;
        this.macK = macK;
        this.macR = macR;
        this.aesKey = new SecretKeySpec(encryptionKey, "AES");
        this.bouncyCastleMacKey = new byte[2 * MAC_PART_LENGTH];
        byte[] clamped = clamp(macR);
        System.arraycopy(clamped, 0, bouncyCastleMacKey, 0, MAC_PART_LENGTH);
        System.arraycopy(macK, 0, bouncyCastleMacKey, MAC_PART_LENGTH, MAC_PART_LENGTH);
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
        byte[] iv = new byte[IV_LENGTH];
        do {
            random.nextBytes(iv);
        } while (isAllZero(iv, 0, IV_LENGTH)); // restic refuses an all-zero nonce on open
        return sealWithIv(plaintext, offset, length, iv);
    }

    /** Sealing with a chosen IV exists for the reference test vectors only; reusing an IV breaks CTR mode. */
    byte[] sealWithIv(byte[] plaintext, int offset, int length, byte[] iv) {
        byte[] sealed = new byte[sealedLength(length)];
        System.arraycopy(iv, 0, sealed, 0, IV_LENGTH);
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
            cipher.doFinal(plaintext, offset, length, sealed, IV_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CTR/NoPadding", e);
        }
        computeMac(iv, sealed, IV_LENGTH, length, sealed, IV_LENGTH + length);
        return sealed;
    }

    /** Verifies and decrypts sealed bytes. */
    public byte[] open(byte[] sealed) throws CiphertextVerificationException {
        return open(sealed, 0, sealed.length);
    }

    /** Verifies and decrypts {@code sealed[offset..offset+length)}; nothing is decrypted unless the MAC matches. */
    public byte[] open(byte[] sealed, int offset, int length) throws CiphertextVerificationException {
        if (length < OVERHEAD) {
            throw new CiphertextVerificationException(
                    "sealed data has at least " + OVERHEAD + " bytes (IV and MAC), got " + length);
        }
        if (isAllZero(sealed, offset, IV_LENGTH)) {
            throw new CiphertextVerificationException("the IV is all zeros, which restic never writes");
        }
        byte[] iv = Arrays.copyOfRange(sealed, offset, offset + IV_LENGTH);
        int ciphertextLength = length - OVERHEAD;
        int ciphertextOffset = offset + IV_LENGTH;
        byte[] expectedMac = new byte[MAC_LENGTH];
        computeMac(iv, sealed, ciphertextOffset, ciphertextLength, expectedMac, 0);
        byte[] actualMac = Arrays.copyOfRange(sealed, ciphertextOffset + ciphertextLength, offset + length);
        if (!MessageDigest.isEqual(expectedMac, actualMac)) {
            throw new CiphertextVerificationException("the MAC does not match (damaged data or a different key)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new IvParameterSpec(iv));
            return cipher.doFinal(sealed, ciphertextOffset, ciphertextLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CTR/NoPadding", e);
        }
    }

    private void computeMac(byte[] iv, byte[] data, int offset, int length, byte[] out, int outOffset) {
        Poly1305 poly1305 = new Poly1305(AESEngine.newInstance());
        poly1305.init(new ParametersWithIV(new KeyParameter(bouncyCastleMacKey), iv));
        poly1305.update(data, offset, length);
        poly1305.doFinal(out, outOffset);
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
}

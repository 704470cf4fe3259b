package org.lifeboat.repository;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A restic ID: the SHA-256 of some bytes, shown as 64 lowercase hex digits.
 *
 * <p>Blob IDs hash the plaintext; file IDs (packs, indexes, snapshots, keys) hash the bytes as stored. Immutable:
 * the array is copied on the way in and out, so an {@code Id} is safe as a map key.
 */
public final class Id implements Comparable<Id> {
    /** The length of a SHA-256 digest. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Id(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The ID made of exactly these 32 bytes. */
    public static Id of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an ID has " + LENGTH + " bytes, got " + bytes.length);
        }
        return new Id(bytes.clone());
    }

    /** The ID whose bytes are {@code bytes[offset..offset+32)}. */
    public static Id of(byte[] bytes, int offset) {
        return new Id(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
    }

    /** Parses 64 hex digits; upper case is accepted, output is always lower case. */
    public static Id parse(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException(
                    "an ID has " + 2 * LENGTH + " hex digits, got " + hex.length() + ": '" + hex + "'");
        }
        try {
            return new Id(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an ID has only hex digits, got '" + hex + "'", e);
        }
    }

    /** The SHA-256 of {@code data[offset..offset+length)}. */
    public static Id hash(byte[] data, int offset, int length) {
        MessageDigest digest = sha256();
        digest.update(data, offset, length);
        return new Id(digest.digest());
    }

    /** The SHA-256 of {@code data}. */
    public static Id hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** A fresh SHA-256 digest; the JDK guarantees the algorithm exists. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Writes the 32 bytes into {@code target} at {@code offset}, without an intermediate copy. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    /** The first 8 hex digits, as restic shows short IDs. */
    public String toShortString() {
        return HEX.formatHex(bytes, 0, 4);
    }

    @Override
    public String toString() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Id id && Arrays.equals(bytes, id.bytes);
    }

    @Override
    public int hashCode() {
        // SHA-256 output is uniformly distributed, so any four bytes make a good hash.
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public int compareTo(Id other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}

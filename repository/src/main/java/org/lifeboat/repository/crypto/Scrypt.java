package org.lifeboat.repository.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * scrypt (RFC 7914) on the JDK alone: PBKDF2-HMAC-SHA256 from the JDK's {@link Mac}, Salsa20/8 by hand.
 *
 * <p>Why not Bouncy Castle's {@code SCrypt}: it was the only Bouncy Castle class a command needed, and loading it
 * from the signed jar cost every command a signature check of that jar (about 0.2 s of CPU, and signed jars are left
 * out of the JDK's class cache). Here the {@code p} independent lanes also run on all cores (Go's scrypt, like Bouncy
 * Castle's, runs them one after the other), which halves opening a restic key with {@code p ≥ 2} on two cores.
 */
final class Scrypt {
    private static final int SHA256_LENGTH = 32;
    /** Java's largest array length in practice (some VMs reserve a few header words). */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Scrypt() {}

    /**
     * {@code scrypt(password, salt, N, r, p, length)} within half the maximum heap: the command that opens the key
     * needs the rest, and the launcher's heap is small ({@code -Xmx384m}), so hostile parameters cannot exhaust it.
     */
    static byte[] derive(byte[] password, byte[] salt, ScryptParams params, int length)
            throws UnsupportedKeyParametersException {
        return derive(password, salt, params, length, Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * {@code scrypt(password, salt, N, r, p, length)}; the parameters are assumed valid ({@link ScryptParams}).
     *
     * <p>Each lane running at a time holds its own V of {@code 128·r·N} bytes (32 MiB for restic's parameters), so
     * only as many lanes run at once as both the cores and {@code memoryBudget} allow.
     *
     * @throws UnsupportedKeyParametersException if even one lane does not fit {@code memoryBudget} bytes
     */
    static byte[] derive(byte[] password, byte[] salt, ScryptParams params, int length, long memoryBudget)
            throws UnsupportedKeyParametersException {
        int n = params.n();
        int r = params.r();
        int p = params.p();
        int laneWords = 32 * r;
        long sharedBytes = 128L * r * p;
        long perLaneBytes = 128L * r * n + 2 * 128L * r;
        long vWords = (long) laneWords * n;
        // Java arrays stop at 2^31 elements: V, an int[], at 8 GiB; the lanes, a byte[], at 2 GiB.
        long available = vWords > MAX_ARRAY_LENGTH
                ? Math.min(memoryBudget, 4 * MAX_ARRAY_LENGTH)
                : sharedBytes > MAX_ARRAY_LENGTH ? Math.min(memoryBudget, MAX_ARRAY_LENGTH) : memoryBudget;
        if (sharedBytes + perLaneBytes > available) {
            throw new UnsupportedKeyParametersException(params, sharedBytes + perLaneBytes, available);
        }
        int concurrentLanes = (int) Math.min(
                Math.min(p, Math.max(1, Runtime.getRuntime().availableProcessors())),
                (memoryBudget - sharedBytes) / perLaneBytes);
        Mac hmac = hmacSha256(password);
        byte[] lanes = pbkdf2(hmac, salt, p * 4 * laneWords);
        try {
            IntStream groups = IntStream.range(0, concurrentLanes);
            (concurrentLanes > 1 ? groups.parallel() : groups).forEach(group -> {
                int[] v = new int[(int) vWords]; // reused for the group's lanes
                try {
                    for (int lane = group; lane < p; lane += concurrentLanes) {
                        roMix(lanes, lane * 4 * laneWords, r, n, v);
                    }
                } finally {
                    Arrays.fill(v, 0);
                }
            });
            return pbkdf2(hmac, lanes, length);
        } finally {
            Arrays.fill(lanes, (byte) 0);
        }
    }

    /** PBKDF2-HMAC-SHA256 with one iteration, as scrypt uses it. */
    private static byte[] pbkdf2(Mac hmac, byte[] salt, int length) {
        byte[] out = new byte[length];
        byte[] block = new byte[SHA256_LENGTH];
        for (int i = 1, offset = 0; offset < length; i++, offset += SHA256_LENGTH) {
            hmac.update(salt);
            hmac.update(new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
            try {
                hmac.doFinal(block, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 output does not fit 32 bytes", e);
            }
            System.arraycopy(block, 0, out, offset, Math.min(SHA256_LENGTH, length - offset));
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    private static Mac hmacSha256(byte[] password) {
        // HMAC pads a key shorter than its block with zeros, so an empty password (which SecretKeySpec refuses) is the
        // same key as one zero byte.
        byte[] key = password.length == 0 ? new byte[1] : password;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    /** scryptROMix on one lane of {@code lanes} (little-endian words), in place. */
    private static void roMix(byte[] lanes, int offset, int r, int n, int[] v) {
        int words = 32 * r;
        int[] x = new int[words];
        int[] y = new int[words];
        int[] scratch = new int[16];
        try {
            for (int i = 0; i < words; i++) {
                x[i] = littleEndianInt(lanes, offset + 4 * i);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, 0, v, i * words, words);
                blockMix(x, y, scratch, r);
                int[] t = x;
                x = y;
                y = t;
            }
            int last = (2 * r - 1) * 16;
            for (int i = 0; i < n; i++) {
                int j = (x[last] & (n - 1)) * words;
                for (int k = 0; k < words; k++) {
                    x[k] ^= v[j + k];
                }
                blockMix(x, y, scratch, r);
                int[] t = x;
                x = y;
                y = t;
            }
            for (int i = 0; i < words; i++) {
                int word = x[i];
                int at = offset + 4 * i;
                lanes[at] = (byte) word;
                lanes[at + 1] = (byte) (word >>> 8);
                lanes[at + 2] = (byte) (word >>> 16);
                lanes[at + 3] = (byte) (word >>> 24);
            }
        } finally {
            Arrays.fill(x, 0);
            Arrays.fill(y, 0);
            Arrays.fill(scratch, 0);
        }
    }

    /** scryptBlockMix: {@code out} = the Salsa20/8 chain over {@code in}'s 2r blocks, even blocks first. */
    private static void blockMix(int[] in, int[] out, int[] x, int r) {
        System.arraycopy(in, (2 * r - 1) * 16, x, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                x[k] ^= in[i * 16 + k];
            }
            salsa20x8(x);
            System.arraycopy(x, 0, out, ((i & 1) * r + (i >>> 1)) * 16, 16);
        }
    }

    /** The Salsa20/8 core, in place. */
    static void salsa20x8(int[] b) {
        int x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        int x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (int round = 0; round < 8; round += 2) {
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);

            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        b[0] += x0;
        b[1] += x1;
        b[2] += x2;
        b[3] += x3;
        b[4] += x4;
        b[5] += x5;
        b[6] += x6;
        b[7] += x7;
        b[8] += x8;
        b[9] += x9;
        b[10] += x10;
        b[11] += x11;
        b[12] += x12;
        b[13] += x13;
        b[14] += x14;
        b[15] += x15;
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff)
                | (bytes[at + 1] & 0xff) << 8
                | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }
}

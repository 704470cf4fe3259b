package org.lifeboat.repository.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Poly1305 one-time authenticator (RFC 8439) with 64-bit limbs, as restic's Go library computes it.
 *
 * <p>Hand-written because Bouncy Castle's 26-bit-limb version runs at about 0.5 GB/s and was the slowest stage of
 * sealing a blob; four 64×64→128-bit multiplications per block ({@link Math#unsignedMultiplyHigh}, a single
 * instruction on x86-64 and AArch64) run at about twice that (see docs/benchmarks.md). The accumulator is
 * {@code h0 + h1·2^64 + h2·2^128}; {@code r}'s clamping keeps every partial product small enough that no carry is
 * lost. Branch-free, so the time taken does not depend on the key or the message.
 */
final class Poly1305 {
    static final int KEY_PART_LENGTH = 16;
    static final int TAG_LENGTH = 16;

    private static final int BLOCK = 16;
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** 2^130 - 5 as three limbs. */
    private static final long P0 = 0xFFFFFFFFFFFFFFFBL;

    private static final long P1 = 0xFFFFFFFFFFFFFFFFL;
    private static final long P2 = 3;
    private static final long R0_MASK = 0x0FFFFFFC0FFFFFFFL;
    private static final long R1_MASK = 0x0FFFFFFC0FFFFFFCL;

    private final long r0;
    private final long r1;

    /** A MAC for the multiplier {@code r} (16 bytes, little-endian); it is clamped here, as RFC 8439 requires. */
    Poly1305(byte[] r) {
        if (r.length != KEY_PART_LENGTH) {
            throw new IllegalArgumentException("Poly1305 r has " + KEY_PART_LENGTH + " bytes, got " + r.length);
        }
        this.r0 = (long) LITTLE_ENDIAN_LONG.get(r, 0) & R0_MASK;
        this.r1 = (long) LITTLE_ENDIAN_LONG.get(r, 8) & R1_MASK;
    }

    /**
     * Writes the tag of {@code message[offset..offset+length)} under the one-time pad {@code s} (16 bytes) to
     * {@code out[outOffset..outOffset+16)}.
     */
    void tag(byte[] message, int offset, int length, byte[] s, byte[] out, int outOffset) {
        long[] h = new long[3];
        int fullBlocksEnd = offset + (length & -BLOCK);
        absorb(h, message, offset, fullBlocksEnd, 1);
        int rest = offset + length - fullBlocksEnd;
        if (rest > 0) {
            // The last partial block is padded with a single 1 byte and zeros, and has no 2^128 bit.
            byte[] last = new byte[BLOCK];
            System.arraycopy(message, fullBlocksEnd, last, 0, rest);
            last[rest] = 1;
            absorb(h, last, 0, BLOCK, 0);
        }
        finish(h[0], h[1], h[2], s, out, outOffset);
    }

    /**
     * Adds each 16-byte block of {@code message[from..to)} plus {@code highBit}·2^128 to h and multiplies by r modulo
     * 2^130-5 (OpenSSL's 64-bit {@code poly1305_blocks}), keeping h only partly reduced: {@code h2} is at most 4 after
     * each block. Since r1 is a multiple of 4, {@code 2^128·r1 = (r1/4)·2^130 = 5·(r1/4) (mod p)}, so the products
     * above 2^128 fold back in via {@code s1 = r1 + r1/4}. Everything stays in locals so that the JIT keeps the limbs
     * in registers.
     */
    private void absorb(long[] h, byte[] message, int from, int to, long highBit) {
        final long r0 = this.r0;
        final long r1 = this.r1;
        long h0 = h[0];
        long h1 = h[1];
        long h2 = h[2];
        final long s1 = r1 + (r1 >>> 2);
        for (int i = from; i < to; i += BLOCK) {
            long m0 = (long) LITTLE_ENDIAN_LONG.get(message, i);
            long m1 = (long) LITTLE_ENDIAN_LONG.get(message, i + 8);
            long a0 = h0 + m0;
            long c = carry(h0, m0, a0);
            long a1 = h1 + m1 + c;
            c = carry(h1, m1, a1);
            long a2 = h2 + c + highBit;

            long p0Low = a0 * r0;
            long p0High = Math.unsignedMultiplyHigh(a0, r0);
            long p1Low = a1 * s1;
            long p1High = Math.unsignedMultiplyHigh(a1, s1);
            long d0Low = p0Low + p1Low;
            long d0High = p0High + p1High + carry(p0Low, p1Low, d0Low);

            long q0Low = a0 * r1;
            long q0High = Math.unsignedMultiplyHigh(a0, r1);
            long q1Low = a1 * r0;
            long q1High = Math.unsignedMultiplyHigh(a1, r0);
            long q2 = a2 * s1;
            long e = q0Low + q1Low;
            long c1 = carry(q0Low, q1Low, e);
            long d1Low = e + q2;
            c1 += carry(e, q2, d1Low);
            long d1High = q0High + q1High + c1;

            h0 = d0Low;
            h1 = d1Low + d0High;
            c = carry(d1Low, d0High, h1);
            h2 = a2 * r0 + d1High + c;

            long cc = (h2 >>> 2) + (h2 & ~3L);
            h2 &= 3;
            long n0 = h0 + cc;
            c = carry(h0, cc, n0);
            long n1 = h1 + c;
            c = carry(h1, 0, n1);
            h0 = n0;
            h1 = n1;
            h2 += c;
        }
        h[0] = h0;
        h[1] = h1;
        h[2] = h2;
    }

    /** Fully reduces h modulo 2^130-5 (one conditional subtraction suffices), adds s modulo 2^128 and stores it. */
    private static void finish(long h0, long h1, long h2, byte[] s, byte[] out, int outOffset) {
        long g0 = h0 - P0;
        long borrow = borrow(h0, P0, g0);
        long g1 = h1 - P1 - borrow;
        borrow = borrow(h1, P1, g1);
        long g2 = h2 - P2 - borrow;
        borrow = borrow(h2, P2, g2);
        long useDifference = borrow - 1; // all ones when h >= p (no borrow), else zero
        h0 = (h0 & ~useDifference) | (g0 & useDifference);
        h1 = (h1 & ~useDifference) | (g1 & useDifference);

        long s0 = (long) LITTLE_ENDIAN_LONG.get(s, 0);
        long s1 = (long) LITTLE_ENDIAN_LONG.get(s, 8);
        long tag0 = h0 + s0;
        long tag1 = h1 + s1 + carry(h0, s0, tag0);
        LITTLE_ENDIAN_LONG.set(out, outOffset, tag0);
        LITTLE_ENDIAN_LONG.set(out, outOffset + 8, tag1);
    }

    /** The carry out of {@code sum = a + b + carryIn} (Go's {@code bits.Add64}). */
    private static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    /** The borrow out of {@code difference = a - b - borrowIn} (Go's {@code bits.Sub64}). */
    private static long borrow(long a, long b, long difference) {
        return ((~a & b) | (~(a ^ b) & difference)) >>> 63;
    }
}

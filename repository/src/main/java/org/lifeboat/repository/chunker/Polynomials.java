package org.lifeboat.repository.chunker;

import java.util.random.RandomGenerator;

/**
 * Arithmetic on GF(2) polynomials packed into {@code long}s, ported from restic/chunker {@code polynomials.go}.
 *
 * <p>Addition is XOR; products are reduced modulo a third polynomial so that they never overflow 64 bits.
 */
final class Polynomials {
    /** restic/chunker gives up after this many draws; a random degree-53 polynomial is irreducible with p ≈ 1/53. */
    private static final int MAX_DRAWS = 1_000_000;

    private Polynomials() {}

    static int degree(long x) {
        return 63 - Long.numberOfLeadingZeros(x);
    }

    /** The remainder of {@code x} divided by {@code divisor}. */
    static long mod(long x, long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by the zero polynomial");
        }
        int divisorDegree = degree(divisor);
        while (x != 0 && degree(x) >= divisorDegree) {
            x ^= divisor << (degree(x) - divisorDegree);
        }
        return x;
    }

    /** {@code a * b mod g}, computed without overflow by reducing after every shift (restic's {@code MulMod}). */
    static long mulMod(long a, long b, long g) {
        if (a == 0 || b == 0) {
            return 0;
        }
        int gDegree = degree(g);
        long result = 0;
        a = mod(a, g);
        while (b != 0) {
            if ((b & 1) != 0) {
                result ^= a;
            }
            b >>>= 1;
            a <<= 1;
            if (((a >>> gDegree) & 1) != 0) {
                a ^= g;
            }
        }
        return result;
    }

    static long gcd(long x, long y) {
        while (y != 0) {
            long remainder = mod(x, y);
            x = y;
            y = remainder;
        }
        return x;
    }

    /** Ben-Or's test, as restic's {@code Irreducible}: no factor of degree ≤ deg/2 divides the polynomial. */
    static boolean isIrreducible(long f) {
        if (f == 0 || degree(f) < 1) {
            return false;
        }
        for (int i = 1; i <= degree(f) / 2; i++) {
            if (gcd(f, xToThePowerOf2ToThe(i, f) ^ 2) != 1) {
                return false;
            }
        }
        return true;
    }

    /** x^(2^i) mod f, by squaring x i times; the caller subtracts x to get (x^(2^i) − x) mod f. */
    private static long xToThePowerOf2ToThe(int i, long f) {
        long result = 2;
        for (int square = 0; square < i; square++) {
            result = mulMod(result, result, f);
        }
        return mod(result, f);
    }

    static long randomIrreducible(RandomGenerator random) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            long candidate = random.nextLong();
            // Keep bits 0..53, force x^53 and the constant term: degree exactly 53, not divisible by x.
            candidate &= (1L << (Polynomial.CHUNKER_DEGREE + 1)) - 1;
            candidate |= (1L << Polynomial.CHUNKER_DEGREE) | 1;
            if (isIrreducible(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no irreducible polynomial in " + MAX_DRAWS + " draws; the random generator is not random");
    }
}

package org.lifeboat.repository.chunker;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A polynomial over GF(2) with degree at most 63, coefficients packed into the bits of a {@code long} (bit i is the
 * coefficient of x^i). Every restic repository stores the one its chunker uses in {@code config} as
 * {@code chunker_polynomial}, written as lower-case hex without {@code 0x}.
 */
public record Polynomial(long bits) {
    /** The largest degree the chunker's tables support; restic generates exactly this degree. */
    public static final int CHUNKER_DEGREE = 53;

    /** Parses restic's config form: lower- or upper-case hex without prefix, as Go's {@code strconv.ParseUint(s, 16)}. */
    public static Polynomial parseHex(String hex) {
        if (hex.isEmpty() || hex.length() > 16) {
            throw new IllegalArgumentException("a chunker polynomial is 1 to 16 hex digits, got '" + hex + "'");
        }
        try {
            return new Polynomial(HexFormat.fromHexDigitsToLong(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a chunker polynomial has only hex digits, got '" + hex + "'", e);
        }
    }

    /** A random irreducible polynomial of degree 53, drawn as restic's {@code chunker.RandomPolynomial} does. */
    public static Polynomial randomIrreducible(RandomGenerator random) {
        return new Polynomial(Polynomials.randomIrreducible(random));
    }

    /** The degree; -1 for the zero polynomial. */
    public int degree() {
        return Polynomials.degree(bits);
    }

    /** Whether no polynomial of lower degree divides this one; restic refuses a config whose polynomial is not. */
    public boolean isIrreducible() {
        return Polynomials.isIrreducible(bits);
    }

    /** Lower-case hex without leading zeros, exactly as restic writes it into {@code config}. */
    public String toHex() {
        return Long.toHexString(bits);
    }

    @Override
    public String toString() {
        return toHex();
    }
}

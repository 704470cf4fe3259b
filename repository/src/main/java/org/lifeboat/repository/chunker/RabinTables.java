package org.lifeboat.repository.chunker;

/**
 * The two lookup tables of restic/chunker's rolling Rabin fingerprint for one polynomial.
 *
 * <p>{@code out[b]} removes byte b from the front of the 64-byte window; {@code mod[b]} reduces the 8 bits that
 * appending a byte pushes above the polynomial's degree. Both are exactly restic's {@code fillTables}.
 */
final class RabinTables {
    static final int WINDOW_SIZE = 64;

    final long[] out = new long[256];
    final long[] mod = new long[256];
    final int polynomialShift;

    RabinTables(Polynomial polynomial) {
        long pol = polynomial.bits();
        int degree = polynomial.degree();
        if (degree < 8 || degree > Polynomial.CHUNKER_DEGREE) {
            // Above 53 the shifted digest overflows 64 bits; below 8 the byte-wise reduction does not work.
            throw new IllegalArgumentException("the chunker polynomial must have a degree between 8 and "
                    + Polynomial.CHUNKER_DEGREE + ", got " + degree + " for " + polynomial);
        }
        polynomialShift = degree - 8;
        for (int b = 0; b < 256; b++) {
            long h = Polynomials.mod(b, pol);
            for (int i = 0; i < WINDOW_SIZE - 1; i++) {
                h = Polynomials.mod(h << 8, pol);
            }
            out[b] = h;
        }
        for (int b = 0; b < 256; b++) {
            long shifted = ((long) b) << degree;
            mod[b] = Polynomials.mod(shifted, pol) | shifted;
        }
    }
}

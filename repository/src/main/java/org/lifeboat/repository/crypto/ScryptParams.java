package org.lifeboat.repository.crypto;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * scrypt's cost parameters as stored in a key file. Validated like restic (simple-scrypt {@code Params.Check}).
 *
 * @param n CPU/memory cost, a power of two greater than 1
 * @param r block size, at least 1
 * @param p parallelism, at least 1, with {@code r * p < 2^30}
 */
public record ScryptParams(int n, int r, int p) {
    /** restic's calibration target: 60 MiB of memory gives N = 2^15 with r = 8. */
    private static final int CALIBRATED_N = 1 << 15;

    private static final int CALIBRATED_R = 8;
    /**
     * The first derivation in a fresh JVM runs mostly interpreted and takes several times longer than the compiled
     * code an attacker would use; timing it gave keys a sixth to a half of restic's work factor. The fastest of a
     * few rounds measures the compiled speed, as restic's Go code always runs.
     */
    private static final int CALIBRATION_ROUNDS = 4;

    /** A ceiling so that a pathological clock cannot produce keys that take minutes to open. */
    private static final int MAX_CALIBRATED_P = 64;

    public ScryptParams {
        if (n <= 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("scrypt N is a power of two greater than 1, got " + n);
        }
        if (r < 1 || p < 1) {
            throw new IllegalArgumentException("scrypt r and p are at least 1, got r=" + r + " p=" + p);
        }
        if ((long) r * p >= 1L << 30) {
            throw new IllegalArgumentException("scrypt r*p is below 2^30, got r=" + r + " p=" + p);
        }
    }

    /**
     * Parameters for a new key, calibrated as restic does: N and r fixed by the 60 MiB memory budget, then p raised
     * until one derivation would take about {@code target} on one core (opening the key runs the p lanes in
     * parallel, so it takes less on several).
     *
     * @param nanoTime a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     */
    public static ScryptParams calibrate(Duration target, LongSupplier nanoTime) {
        ScryptParams single = new ScryptParams(CALIBRATED_N, CALIBRATED_R, 1);
        byte[] salt = new byte[KeyDerivation.SALT_LENGTH];
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
            long start = nanoTime.getAsLong();
            try {
                KeyDerivation.derive(Password.of("calibration"), salt, single);
            } catch (UnsupportedKeyParametersException e) {
                throw new IllegalStateException(
                        "the heap is too small for restic's key parameters: " + e.getMessage(), e);
            }
            fastest = Math.min(fastest, nanoTime.getAsLong() - start);
        }
        long p = target.toNanos() / Math.max(1, fastest);
        return new ScryptParams(CALIBRATED_N, CALIBRATED_R, Math.clamp(p, 1, MAX_CALIBRATED_P));
    }
}

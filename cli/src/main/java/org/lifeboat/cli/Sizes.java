package org.lifeboat.cli;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes and durations for every command's output, as restic prints them (binary units). */
public final class Sizes {
    private Sizes() {}

    public static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(count)) / 10;
        return String.format(Locale.ROOT, "%.3f %siB", count / (double) (1L << (10 * unit)), "KMGTPE".charAt(unit - 1));
    }

    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}

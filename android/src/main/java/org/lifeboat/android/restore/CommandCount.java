package org.lifeboat.android.restore;

/**
 * How hard a restore worked the phone. A real phone pays about 100 ms or more for every {@code content} process, so
 * {@code processes} per restored row is the cost that matters; {@code roundTrips} counts scripts sent through the
 * shell, each of which may run many processes.
 */
public record CommandCount(int roundTrips, int processes) {

    public static final CommandCount NONE = new CommandCount(0, 0);

    public CommandCount plus(CommandCount other) {
        return new CommandCount(roundTrips + other.roundTrips, processes + other.processes);
    }

    /** Phone processes per restored item; 0 when nothing was restored. */
    public double processesPer(int restoredItems) {
        return restoredItems == 0 ? 0 : (double) processes / restoredItems;
    }
}

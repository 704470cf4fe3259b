package org.lifeboat.android.restore;

/** Told after each item a restore finishes, so a terminal can show items, bytes/s and ETA. */
@FunctionalInterface
public interface RestoreProgress {

    RestoreProgress NONE = (type, done, total, bytes) -> {};

    /**
     * @param itemsDone items finished so far (restored or failed)
     * @param itemsTotal items the plan has to change
     * @param bytesDone file or APK bytes sent so far; 0 for row-based types
     */
    void advanced(RestoreType type, int itemsDone, int itemsTotal, long bytesDone);
}

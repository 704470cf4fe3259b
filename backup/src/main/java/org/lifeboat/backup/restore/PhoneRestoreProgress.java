package org.lifeboat.backup.restore;

import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.restore.RestoreProgress;
import org.lifeboat.android.restore.RestoreType;

/** Progress of a phone restore: each type as it starts and ends, and the restorers' item counts in between. */
public interface PhoneRestoreProgress extends RestoreProgress {
    PhoneRestoreProgress NONE = new PhoneRestoreProgress() {};

    default void starting(DataType type) {}

    default void finished(TypeRestore result) {}

    @Override
    default void advanced(RestoreType type, int itemsDone, int itemsTotal, long bytesDone) {}
}

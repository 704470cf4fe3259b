package org.lifeboat.android.collect;

import java.io.IOException;

/**
 * Reads one type of data from a phone into snapshot entries. A collector reports what it cannot reach instead of
 * failing; it throws only when the phone itself is gone ({@link org.lifeboat.adb.client.DeviceDisconnectedException})
 * or answers nonsense.
 */
public interface Collector {
    DataType type();

    Collection collect(Phone phone) throws IOException;
}

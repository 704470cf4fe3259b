package org.lifeboat.virtualphone.profile.demo;

import java.io.IOException;
import java.time.Instant;

/** Receives shared-storage files one at a time, so large scales never hold all media in memory. */
@FunctionalInterface
public interface SdcardSink {
    /** @param path relative to /sdcard, '/'-separated, e.g. {@code DCIM/Camera/PXL_20230412_153012345.jpg} */
    void write(String path, Instant modified, byte[] content) throws IOException;
}

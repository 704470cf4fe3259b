package org.lifeboat.virtualphone.provider;

import java.time.Clock;

/** The parts of the phone the providers depend on: its Android version, its clock and its app-op modes. */
public record DeviceEnvironment(int apiLevel, Clock clock, AppOps appOps) {
    public DeviceEnvironment {
        if (apiLevel < 26 || apiLevel > 35) {
            throw new IllegalArgumentException("API level " + apiLevel + " is outside the supported 26..35");
        }
    }
}

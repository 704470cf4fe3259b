package org.lifeboat.virtualphone.transport;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.DeviceBanner;

/**
 * How the phone's adbd presents itself.
 *
 * @param banner what CNXN announces, including the feature list that decides which services exist
 * @param authorizedKeys present for {@code ro.adb.secure=1}: only hosts holding one of these keys get in
 * @param random for AUTH tokens (a SecureRandom in production)
 */
public record DaemonSettings(DeviceBanner banner, Optional<AuthorizedKeys> authorizedKeys, RandomGenerator random) {
    public DaemonSettings {
        Objects.requireNonNull(banner, "banner");
        Objects.requireNonNull(authorizedKeys, "authorizedKeys");
        Objects.requireNonNull(random, "random");
    }

    AdbFeatures features() {
        return banner.features();
    }
}

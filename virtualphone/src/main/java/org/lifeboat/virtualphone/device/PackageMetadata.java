package org.lifeboat.virtualphone.device;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A profile's {@code apps/<package>/package.json} (docs/virtual-phone.md): what to record for a pre-installed
 * package without parsing its APKs.
 *
 * @param uid the app's uid; allocated when empty
 * @param firstInstallTime when empty, the phone's clock at import
 * @param lastUpdateTime when empty, the first install time
 */
public record PackageMetadata(
        String packageName,
        long versionCode,
        Optional<String> versionName,
        Optional<String> installer,
        int targetSdk,
        boolean system,
        OptionalInt uid,
        Optional<Instant> firstInstallTime,
        Optional<Instant> lastUpdateTime) {}

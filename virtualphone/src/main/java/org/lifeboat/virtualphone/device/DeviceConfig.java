package org.lifeboat.virtualphone.device;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How to open a phone: its state folder plus command-line style overrides.
 *
 * @param apiLevel overrides ro.build.version.sdk (and the release it implies); persisted in the state
 * @param propertyOverrides getprop keys to set on top of the state's device.properties; persisted
 * @param features the adbd feature list to advertise; empty means {@link VirtualDevice#DEFAULT_FEATURES}
 * @param clock the phone's wall clock (install times, {@code touch} without a date)
 * @param random source of install session ids and code-path tokens
 */
public record DeviceConfig(
        Path stateDir,
        OptionalInt apiLevel,
        Map<String, String> propertyOverrides,
        Optional<Set<String>> features,
        InstantSource clock,
        RandomGenerator random) {

    public DeviceConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(apiLevel, "apiLevel");
        propertyOverrides = Map.copyOf(propertyOverrides);
        features = features.map(Set::copyOf);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        apiLevel.ifPresent(VirtualDevice::checkApiLevel);
    }

    /** The state folder with no overrides, the system clock and a fresh random source. */
    public static DeviceConfig forState(Path stateDir) {
        return new DeviceConfig(
                stateDir,
                OptionalInt.empty(),
                Map.of(),
                Optional.empty(),
                InstantSource.system(),
                RandomGenerator.of("L64X128MixRandom"));
    }

    public DeviceConfig withApiLevel(int level) {
        return new DeviceConfig(stateDir, OptionalInt.of(level), propertyOverrides, features, clock, random);
    }

    public DeviceConfig withProperties(Map<String, String> overrides) {
        return new DeviceConfig(stateDir, apiLevel, overrides, features, clock, random);
    }

    public DeviceConfig withFeatures(Set<String> advertised) {
        return new DeviceConfig(stateDir, apiLevel, propertyOverrides, Optional.of(advertised), clock, random);
    }

    public DeviceConfig withClock(InstantSource wallClock) {
        return new DeviceConfig(stateDir, apiLevel, propertyOverrides, features, wallClock, random);
    }

    public DeviceConfig withRandom(RandomGenerator source) {
        return new DeviceConfig(stateDir, apiLevel, propertyOverrides, features, clock, source);
    }
}

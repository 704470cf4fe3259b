package org.lifeboat.virtualphone;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.lifeboat.adb.protocol.AdbFeatures;

/**
 * How to start a {@link VirtualPhone}. Start from {@link #of} and refine with the {@code with…} methods.
 *
 * @param profile a built-in profile name ({@code demo}, {@code blank}) or a profile folder; used only to fill an
 *     empty state folder
 * @param scale how many times the built-in {@code demo} profile multiplies its media and messages (1 for any other
 *     profile)
 * @param stateDir the phone's mutable state; pushes, installs and deletes persist here
 * @param port the TCP port to listen on, 0 for any free one
 * @param apiLevel overrides the Android API level (26..35)
 * @param serial overrides ro.serialno
 * @param model overrides ro.product.model (no ':', ';' or '=', which would break adb's banner)
 * @param features overrides the adbd features in the banner, to exercise the hosts' fallbacks
 * @param requireAuth behave like {@code ro.adb.secure=1}: only hosts whose key is in {@link #adbKeysFile()} get in
 */
public record VirtualPhoneConfig(
        String profile,
        int scale,
        Path stateDir,
        int port,
        OptionalInt apiLevel,
        Optional<String> serial,
        Optional<String> model,
        Optional<AdbFeatures> features,
        boolean requireAuth) {

    public VirtualPhoneConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(apiLevel, "apiLevel");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(features, "features");
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** A phone from {@code profile} with its state in {@code stateDir}, on a free port, as the profile describes it. */
    public static VirtualPhoneConfig of(String profile, Path stateDir) {
        return new VirtualPhoneConfig(
                profile,
                1,
                stateDir,
                0,
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    /** The adb_keys file of a phone with {@link #requireAuth}: one {@code adbkey.pub} line per trusted host. */
    public Path adbKeysFile() {
        return stateDir.resolve("adb_keys");
    }

    /** The demo profile {@code factor} times larger, for benchmarks; only an empty state folder is filled from it. */
    public VirtualPhoneConfig withScale(int factor) {
        return new VirtualPhoneConfig(profile, factor, stateDir, port, apiLevel, serial, model, features, requireAuth);
    }

    public VirtualPhoneConfig withPort(int newPort) {
        return new VirtualPhoneConfig(
                profile, scale, stateDir, newPort, apiLevel, serial, model, features, requireAuth);
    }

    public VirtualPhoneConfig withApiLevel(int level) {
        return new VirtualPhoneConfig(
                profile, scale, stateDir, port, OptionalInt.of(level), serial, model, features, requireAuth);
    }

    public VirtualPhoneConfig withSerial(String newSerial) {
        return new VirtualPhoneConfig(
                profile, scale, stateDir, port, apiLevel, Optional.of(newSerial), model, features, requireAuth);
    }

    public VirtualPhoneConfig withModel(String newModel) {
        return new VirtualPhoneConfig(
                profile, scale, stateDir, port, apiLevel, serial, Optional.of(newModel), features, requireAuth);
    }

    public VirtualPhoneConfig withFeatures(AdbFeatures newFeatures) {
        return new VirtualPhoneConfig(
                profile, scale, stateDir, port, apiLevel, serial, model, Optional.of(newFeatures), requireAuth);
    }

    public VirtualPhoneConfig withAuth(boolean required) {
        return new VirtualPhoneConfig(profile, scale, stateDir, port, apiLevel, serial, model, features, required);
    }
}

package org.lifeboat.virtualphone.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.lifeboat.virtualphone.device.DeviceConfig;
import org.lifeboat.virtualphone.device.VirtualDevice;

/** A phone in a temporary state folder with a fixed clock and seeded randomness, and a way to run shell lines. */
public final class TestPhone {
    public static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private final VirtualDevice device;

    private TestPhone(VirtualDevice device) {
        this.device = device;
    }

    public static TestPhone open(Path stateDir, int api) {
        return open(stateDir, api, Map.of());
    }

    public static TestPhone open(Path stateDir, int api, Map<String, String> properties) {
        try {
            return new TestPhone(VirtualDevice.open(DeviceConfig.forState(stateDir)
                    .withApiLevel(api)
                    .withProperties(properties)
                    .withClock(InstantSource.fixed(NOW))
                    .withRandom(new java.util.SplittableRandom(42))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reopens whatever is in the folder, without overrides, as a restarted phone would. */
    public static TestPhone reopen(Path stateDir) {
        try {
            return new TestPhone(
                    VirtualDevice.open(DeviceConfig.forState(stateDir).withClock(InstantSource.fixed(NOW))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public VirtualDevice device() {
        return device;
    }

    public Result run(String commandLine) {
        return run(commandLine, new byte[0]);
    }

    public Result run(String commandLine, byte[] stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int status = device.shell().execute(commandLine, new ByteArrayInputStream(stdin), out, err);
            return new Result(
                    status,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8),
                    out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One shell run's exit status and output. */
    public record Result(int status, String out, String err, byte[] outBytes) {}
}

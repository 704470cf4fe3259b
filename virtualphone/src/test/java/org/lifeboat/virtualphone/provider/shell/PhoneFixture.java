package org.lifeboat.virtualphone.provider.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.lifeboat.virtualphone.provider.AppOps;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.SharedStorage;
import org.lifeboat.virtualphone.provider.android.AndroidProviders;

/** A phone's providers opened on a profile and state folder, with the shell commands that reach them. */
final class PhoneFixture {
    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    final Path profile;
    final Path state;
    final int apiLevel;
    final AndroidProviders providers;
    final AppOps appOps;

    record Output(String stdout, String stderr, int status, byte[] stdoutBytes) {}

    PhoneFixture(Path profile, Path state, int apiLevel) {
        this.profile = profile;
        this.state = state;
        this.apiLevel = apiLevel;
        this.appOps = AppOps.load(state.resolve("appops.json"));
        DeviceEnvironment environment = new DeviceEnvironment(apiLevel, Clock.fixed(NOW, ZoneOffset.UTC), appOps);
        this.providers = AndroidProviders.open(profile, state, environment, SharedStorage.empty());
    }

    /** The phone every provider-shell test uses: {@link TrickyProfile} under {@code temp}, state beside it. */
    static PhoneFixture tricky(Path temp, int apiLevel) {
        return new PhoneFixture(TrickyProfile.write(temp.resolve("profile")), temp.resolve("state"), apiLevel);
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Output content(String... args) {
        return content(new byte[0], args);
    }

    Output content(byte[] stdin, String... args) {
        return capture((out, err) -> new ContentCommand(providers::forAuthority, apiLevel)
                .run(List.of(args), new ByteArrayInputStream(stdin), out, err, Caller.shell(4242)));
    }

    Output appops(String... args) {
        return capture((out, err) -> new AppOpsCommand(appOps, apiLevel).run(List.of(args), out, err));
    }

    Output settings(String... args) {
        return capture((out, err) -> new SettingsCommand(
                        providers.forAuthority("settings").orElseThrow())
                .run(List.of(args), out, err, Caller.shell(4242)));
    }

    Output wifi(String... args) {
        return capture((out, err) -> new WifiCommand(providers.wifiNetworks(), apiLevel).run(List.of(args), out, err));
    }

    /** One shell command run against the providers, writing to the two streams and returning its exit status. */
    private interface Command {
        int run(OutputStream out, OutputStream err) throws IOException;
    }

    private static Output capture(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int status = command.run(out, err);
            return new Output(
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8),
                    status,
                    out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.lifeboat.virtualphone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.DeviceBanner;
import org.lifeboat.virtualphone.device.DeviceConfig;
import org.lifeboat.virtualphone.device.VirtualDevice;
import org.lifeboat.virtualphone.profile.Profile;
import org.lifeboat.virtualphone.profile.ProfileInstaller;
import org.lifeboat.virtualphone.profile.ProfileSummary;
import org.lifeboat.virtualphone.profile.Profiles;
import org.lifeboat.virtualphone.provider.shell.ProviderCommands;
import org.lifeboat.virtualphone.shell.Shell;
import org.lifeboat.virtualphone.transport.AdbDaemon;
import org.lifeboat.virtualphone.transport.AuthorizedKeys;
import org.lifeboat.virtualphone.transport.DaemonSettings;
import org.lifeboat.virtualphone.transport.PhoneShell;

/**
 * A simulated Android phone listening on 127.0.0.1 like a phone after {@code adb tcpip}: {@code adb connect
 * 127.0.0.1:PORT} reaches it. Several can run in one JVM, each with its own state folder.
 *
 * <pre>{@code
 * try (VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("blank", stateDir).withApiLevel(30))) {
 *     run("adb", "connect", phone.serial());
 * }
 * }</pre>
 */
public final class VirtualPhone implements AutoCloseable {
    private final VirtualDevice device;
    private final AdbDaemon daemon;
    private final boolean freshState;
    private final ProfileSummary profileSummary;

    private VirtualPhone(VirtualDevice device, AdbDaemon daemon, boolean freshState, ProfileSummary summary) {
        this.device = device;
        this.daemon = daemon;
        this.freshState = freshState;
        this.profileSummary = summary;
    }

    /**
     * Fills an empty state folder from the profile, opens the phone and starts its adbd.
     *
     * @throws IllegalArgumentException for an API level outside 26..35 or a model adb's banner cannot carry
     * @throws org.lifeboat.virtualphone.profile.InvalidProfileException for an unknown or malformed profile
     * @throws org.lifeboat.adb.auth.AdbKeyException if authentication is required and adb_keys is malformed
     */
    public static VirtualPhone start(VirtualPhoneConfig config) throws IOException {
        Profile profile = Profiles.resolve(config.profile(), config.scale(), Profiles.defaultCacheRoot());
        boolean fresh = ProfileInstaller.installIfEmpty(profile, config.stateDir());
        VirtualDevice device = VirtualDevice.open(deviceConfig(config));
        // content, settings, appops and cmd wifi use the providers, which sit above the device: added here.
        ProviderCommands.install(device);
        DeviceBanner banner = new DeviceBanner(
                device.property("ro.product.name").orElse(""),
                device.property("ro.product.model").orElse(""),
                device.property("ro.product.device").orElse(""),
                bannerFeatures(device.features()));
        DaemonSettings settings = new DaemonSettings(banner, authorizedKeys(config), new SecureRandom());
        AdbDaemon daemon = AdbDaemon.start(
                InetAddress.getLoopbackAddress(),
                config.port(),
                settings,
                device.fileSystem(),
                new DeviceShell(device.shell()));
        return new VirtualPhone(device, daemon, fresh, ProfileSummary.of(profile));
    }

    private static DeviceConfig deviceConfig(VirtualPhoneConfig config) {
        DeviceConfig deviceConfig = DeviceConfig.forState(config.stateDir());
        if (config.apiLevel().isPresent()) {
            deviceConfig = deviceConfig.withApiLevel(config.apiLevel().getAsInt());
        }
        Map<String, String> overrides = new HashMap<>();
        config.serial().ifPresent(serial -> overrides.put("ro.serialno", serial));
        config.model().ifPresent(model -> overrides.put("ro.product.model", model));
        deviceConfig = deviceConfig.withProperties(overrides);
        if (config.features().isPresent()) {
            deviceConfig = deviceConfig.withFeatures(config.features().get().names());
        }
        return deviceConfig;
    }

    /** A phone without adb_keys trusts nobody, as a secure phone that was never paired. */
    private static Optional<AuthorizedKeys> authorizedKeys(VirtualPhoneConfig config) throws IOException {
        if (!config.requireAuth()) {
            return Optional.empty();
        }
        if (!Files.exists(config.adbKeysFile())) {
            return Optional.of(new AuthorizedKeys(List.of()));
        }
        return Optional.of(AuthorizedKeys.load(config.adbKeysFile()));
    }

    /** Android's own order first (as adbd lists them), then anything else in name order, so banners are stable. */
    private static AdbFeatures bannerFeatures(Set<String> advertised) {
        Set<String> ordered = new LinkedHashSet<>();
        AdbFeatures.ANDROID_10.names().stream().filter(advertised::contains).forEach(ordered::add);
        List<String> rest = new ArrayList<>(advertised);
        rest.removeAll(ordered);
        rest.sort(null);
        ordered.addAll(rest);
        return new AdbFeatures(ordered);
    }

    /** The TCP port adbd listens on. */
    public int port() {
        return daemon.port();
    }

    /** The serial adb gives this phone after {@code adb connect}: {@code 127.0.0.1:PORT}. */
    public String serial() {
        return "127.0.0.1:" + port();
    }

    /** The simulated device itself, for tests that inspect or prepare state directly. */
    public VirtualDevice device() {
        return device;
    }

    /** Whether this start initialised the state folder from the profile (false: an existing phone was reopened). */
    public boolean startedFromProfile() {
        return freshState;
    }

    /** What the profile that created this phone holds. */
    public ProfileSummary profileSummary() {
        return profileSummary;
    }

    /** Stops adbd and drops every host connection. The state folder stays, so the phone can be started again. */
    @Override
    public void close() throws IOException {
        daemon.close();
    }

    /** The device's shell as the transport sees it. */
    private record DeviceShell(Shell shell) implements PhoneShell {
        @Override
        public int execute(String commandLine, InputStream stdin, OutputStream stdout, OutputStream stderr)
                throws IOException {
            return shell.execute(commandLine, stdin, stdout, stderr);
        }

        @Override
        public int executeArgv(List<String> argv, InputStream stdin, OutputStream stdout, OutputStream stderr)
                throws IOException {
            return shell.executeArgv(argv, stdin, stdout, stderr);
        }

        @Override
        public int interactive(InputStream stdin, OutputStream stdout, OutputStream stderr, boolean prompt)
                throws IOException {
            return shell.interactive(stdin, stdout, stderr, prompt);
        }
    }
}

package org.lifeboat.cli.device;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.adb.auth.AdbKeyStore;
import org.lifeboat.adb.client.AdbProgram;
import org.lifeboat.adb.client.AdbServer;
import org.lifeboat.adb.client.AdbServerAddress;
import org.lifeboat.adb.client.AdbServerUnavailableException;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DeviceInfo;
import org.lifeboat.adb.client.DeviceState;
import org.lifeboat.adb.client.DirectDeviceConnection;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;

/**
 * Finds the phone a command should use: through the adb server (started if adb is installed and none runs), or, for a
 * {@code HOST:PORT} serial when there is no adb server, straight to adbd over TCP with this user's adb key.
 */
final class PhoneConnector {
    private final Map<String, String> environment;

    PhoneConnector(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    AdbServer server() {
        return new AdbServer(AdbServerAddress.fromEnvironment(environment), AdbProgram.onPath(environment));
    }

    /** The phone {@code serial}, or the only attached one. */
    Device connect(Optional<String> serial) throws IOException {
        AdbServer server = server();
        List<DeviceInfo> devices;
        try {
            devices = server.devices();
        } catch (AdbServerUnavailableException e) {
            if (serial.isPresent() && isHostAndPort(serial.get())) {
                return connectDirectly(serial.get());
            }
            throw new UserFacingException(ExitCode.FATAL, e.getMessage(), e);
        }
        if (serial.isPresent()) {
            Optional<DeviceInfo> known = devices.stream()
                    .filter(d -> d.serial().equals(serial.get()))
                    .findFirst();
            if (known.isEmpty() && isHostAndPort(serial.get())) {
                server.connect(serial.get());
                return Device.of(server.open(serial.get()));
            }
            DeviceInfo device = known.orElseThrow(() -> new UserFacingException(
                    ExitCode.FATAL, "no phone with serial '" + serial.get() + "' is attached" + listing(devices)));
            requireReady(device);
            return Device.of(server.open(device.serial()));
        }
        List<DeviceInfo> ready =
                devices.stream().filter(d -> d.state() == DeviceState.DEVICE).toList();
        if (ready.size() == 1) {
            return Device.of(server.open(ready.getFirst().serial()));
        }
        if (ready.isEmpty()) {
            devices.stream().findFirst().ifPresent(PhoneConnector::requireReady);
            throw new UserFacingException(
                    ExitCode.FATAL,
                    "no phone is attached: connect it with a USB cable and enable USB debugging in Developer options"
                            + " (or give --device HOST:PORT for Wi-Fi debugging)");
        }
        throw new UserFacingException(
                ExitCode.USAGE, "several phones are attached; choose one with --device SERIAL" + listing(ready));
    }

    private Device connectDirectly(String hostAndPort) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        AdbKeyStore keys = new AdbKeyStore(
                AdbKeyStore.defaultDirectory(environment), new SecureRandom(), "lifeboat@" + hostName());
        DirectDeviceConnection connection = DirectDeviceConnection.connect(
                hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1)),
                DirectDeviceConnection.Options.withKey(keys.loadOrCreate()));
        return Device.of(connection);
    }

    private static void requireReady(DeviceInfo device) {
        if (device.state() != DeviceState.DEVICE) {
            throw new UserFacingException(
                    ExitCode.FATAL,
                    "phone " + device.serial() + " is " + device.state() + ": "
                            + device.state().fix().orElse("reconnect it"));
        }
    }

    private static String listing(List<DeviceInfo> devices) {
        if (devices.isEmpty()) {
            return "; no phone is attached";
        }
        StringBuilder text = new StringBuilder(":");
        for (DeviceInfo device : devices) {
            text.append("\n  ").append(device.serial()).append("  ").append(device.state());
            device.model().ifPresent(model -> text.append("  ").append(model));
        }
        return text.toString();
    }

    static boolean isHostAndPort(String serial) {
        return serial.matches(".+:\\d{1,5}");
    }

    private String hostName() {
        return environment.getOrDefault("HOSTNAME", "localhost");
    }
}

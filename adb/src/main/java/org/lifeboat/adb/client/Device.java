package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.MalformedMessageException;
import org.lifeboat.adb.protocol.ShellV2Packet;

/**
 * One phone: shell commands, file transfer and app install over any {@link DeviceConnection}. Optional protocol
 * features are used only when the phone advertises them and this client implements them, as adb's
 * {@code CanUseFeature} does; otherwise the legacy service is used.
 */
public final class Device implements Closeable {
    /** The features this client knows how to use. */
    static final AdbFeatures SUPPORTED = AdbFeatures.of(
            AdbFeatures.SHELL_V2,
            AdbFeatures.CMD,
            AdbFeatures.STAT_V2,
            AdbFeatures.LS_V2,
            AdbFeatures.ABB_EXEC,
            AdbFeatures.SENDRECV_V2);

    private final DeviceConnection connection;
    private final RandomGenerator random;

    public Device(DeviceConnection connection, RandomGenerator random) {
        this.connection = connection;
        this.random = random;
    }

    public static Device of(DeviceConnection connection) {
        return new Device(connection, new SecureRandom());
    }

    public String serial() {
        return connection.serial();
    }

    /** The features both the phone and this client support. */
    public AdbFeatures features() throws IOException {
        return connection.features().intersect(SUPPORTED);
    }

    boolean has(String feature) throws IOException {
        return features().has(feature);
    }

    /**
     * Runs {@code command} and collects its output. With {@code shell_v2} stdout, stderr and the exit code come from
     * the shell protocol. Without it, {@code shell:} merges stderr into stdout and reports no exit code, so the
     * command runs as {@code (eval 'CMD') </dev/null 2>&1; echo SENTINEL$?} and the status is read back from after a
     * random sentinel (see {@link SentinelFraming}).
     */
    public ShellResult shell(ShellCommand command) throws IOException {
        try {
            return has(AdbFeatures.SHELL_V2) ? shellV2(command) : shellV1(command);
        } catch (EOFException | SocketException | MalformedMessageException e) {
            throw new DeviceDisconnectedException(serial(), e);
        }
    }

    private ShellResult shellV2(ShellCommand command) throws IOException {
        try (ShellV2Channel shell = new ShellV2Channel(connection.open(DeviceService.shellV2(command)))) {
            shell.closeStdin();
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            while (true) {
                Optional<ShellV2Packet> next = shell.next();
                if (next.isEmpty()) {
                    throw new EOFException("the phone closed the shell before sending an exit status");
                }
                ShellV2Packet packet = next.get();
                switch (packet.id()) {
                    case STDOUT -> stdout.writeBytes(packet.data());
                    case STDERR -> stderr.writeBytes(packet.data());
                    case EXIT -> {
                        return new ShellResult(stdout.toByteArray(), stderr.toByteArray(), packet.exitStatus(), false);
                    }
                    default -> {
                        // Host-bound packet ids only; adb ignores the rest.
                    }
                }
            }
        }
    }

    private ShellResult shellV1(ShellCommand command) throws IOException {
        SentinelFraming framing = SentinelFraming.random(random);
        byte[] script = framing.wrap(command, false);
        // Drop the trailing newline: on the command line it would only add an empty line.
        ShellCommand wrapped = ShellCommand.script(new String(script, 0, script.length - 1, StandardCharsets.UTF_8));
        ByteAccumulator output = new ByteAccumulator();
        try (AdbStream stream = connection.open(DeviceService.shellV1(wrapped))) {
            InputStream in = stream.input();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                output.append(buffer, 0, n);
            }
        }
        SentinelFraming.Framed framed = framing.findStatus(output, 0)
                .orElseThrow(() -> new EOFException("the phone's shell ended before reporting an exit status"));
        return new ShellResult(framed.output(), new byte[0], framed.status(), true);
    }

    /**
     * Starts {@code command} with {@code exec:} and returns its stdout as a stream: binary-safe and unbuffered, for
     * large outputs such as {@code tar} or {@code content read}. No exit code; stderr is mixed in unless the command
     * redirects it. Close the stream to end the command.
     */
    public InputStream exec(ShellCommand command) throws IOException {
        AdbStream stream = connection.open(DeviceService.exec(command));
        return new StreamClosingInput(stream, serial());
    }

    /** Opens a file transfer session; use one per thread, and several for parallel transfers. */
    public SyncSession sync() throws IOException {
        AdbFeatures features = features();
        return new SyncSession(connection.open(DeviceService.sync()), serial(), SyncDialect.of(features));
    }

    /** Starts one long-lived shell for many small commands. */
    public ShellSession openShellSession() throws IOException {
        return ShellSession.open(connection, has(AdbFeatures.SHELL_V2), random);
    }

    /** Installs (or, with {@code -r} among the options, updates) one APK. */
    public void install(ApkFile apk, List<String> options) throws IOException {
        new Installer(this, connection).install(apk, options);
    }

    /** Installs the base APK and split APKs of one app in a single package-manager session. */
    public void installMultiple(List<ApkFile> apks, List<String> options) throws IOException {
        new Installer(this, connection).installMultiple(apks, options);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    @Override
    public String toString() {
        return "Device[" + connection + "]";
    }
}

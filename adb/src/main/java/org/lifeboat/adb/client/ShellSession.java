package org.lifeboat.adb.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.lifeboat.adb.protocol.ShellV2Packet;

/**
 * One long-lived {@code sh} on the phone that runs many small commands, each framed by a fresh sentinel (see
 * {@link SentinelFraming}), so a backup does not pay a new stream and shell start-up per command.
 *
 * <p>With the shell protocol ({@code shell_v2}) stdout and stderr stay separate. Without it the phone merges them,
 * so every command's stderr is redirected into stdout and {@link ShellResult#stderrMerged()} is set. Commands run
 * one at a time; the session is safe to share between threads but serialises them.
 */
public final class ShellSession implements Closeable {
    private final String serial;
    private final RandomGenerator random;
    private final Channel channel;
    private boolean broken;

    private ShellSession(String serial, RandomGenerator random, Channel channel) {
        this.serial = serial;
        this.random = random;
        this.channel = channel;
    }

    static ShellSession open(DeviceConnection connection, boolean shellV2, RandomGenerator random) throws IOException {
        // "sh" reads its commands from stdin; with no command, adbd would start an interactive login shell.
        ShellCommand sh = ShellCommand.script("sh");
        Channel channel = shellV2
                ? new V2Channel(new ShellV2Channel(connection.open(DeviceService.shellV2(sh))))
                : new RawChannel(connection.open(DeviceService.shellV1(sh)));
        return new ShellSession(connection.serial(), random, channel);
    }

    /** Runs {@code command} and waits for its output and exit status. */
    public synchronized ShellResult run(ShellCommand command) throws IOException {
        if (broken) {
            throw new DeviceDisconnectedException(serial, new IOException("the shell session already failed"));
        }
        SentinelFraming framing = SentinelFraming.random(random);
        try {
            channel.send(framing.wrap(command, channel.separatesStderr()));
            return channel.collect(framing);
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e instanceof AdbException adb ? adb : new DeviceDisconnectedException(serial, e);
        }
    }

    /** Ends the shell: stdin is closed, so {@code sh} exits after the last command. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (!broken) {
                channel.finish();
            }
        } finally {
            channel.close();
        }
    }

    private sealed interface Channel extends Closeable permits V2Channel, RawChannel {
        boolean separatesStderr();

        void send(byte[] script) throws IOException;

        ShellResult collect(SentinelFraming framing) throws IOException;

        void finish() throws IOException;
    }

    private static final class V2Channel implements Channel {
        private final ShellV2Channel shell;
        private final ByteAccumulator stdout = new ByteAccumulator();
        private final ByteAccumulator stderr = new ByteAccumulator();

        V2Channel(ShellV2Channel shell) {
            this.shell = shell;
        }

        @Override
        public boolean separatesStderr() {
            return true;
        }

        @Override
        public void send(byte[] script) throws IOException {
            shell.writeStdin(script);
        }

        @Override
        public ShellResult collect(SentinelFraming framing) throws IOException {
            stdout.clear();
            stderr.clear();
            Optional<SentinelFraming.Framed> status = Optional.empty();
            Optional<byte[]> errors = Optional.empty();
            while (status.isEmpty() || errors.isEmpty()) {
                ShellV2Packet packet = shell.next()
                        .orElseThrow(() -> new IOException("the phone closed the shell session mid-command"));
                byte[] data = packet.data();
                switch (packet.id()) {
                    case STDOUT -> {
                        int from = stdout.size() - framing.overlap();
                        stdout.append(data, 0, data.length);
                        if (status.isEmpty()) {
                            status = framing.findStatus(stdout, from);
                        }
                    }
                    case STDERR -> {
                        int from = stderr.size() - framing.overlap();
                        stderr.append(data, 0, data.length);
                        if (errors.isEmpty()) {
                            errors = framing.findEnd(stderr, from);
                        }
                    }
                    case EXIT ->
                        throw new IOException(
                                "the phone's shell exited with status " + packet.exitStatus() + " mid-command");
                    default -> {
                        // Host-bound packets never come back; ignore anything else as adb does.
                    }
                }
            }
            return new ShellResult(
                    status.get().output(), errors.get(), status.get().status(), false);
        }

        @Override
        public void finish() throws IOException {
            shell.closeStdin();
        }

        @Override
        public void close() throws IOException {
            shell.close();
        }
    }

    private static final class RawChannel implements Channel {
        private final AdbStream stream;
        private final InputStream in;
        private final OutputStream out;
        private final ByteAccumulator output = new ByteAccumulator();
        private final byte[] buffer = new byte[64 * 1024];

        RawChannel(AdbStream stream) {
            this.stream = stream;
            this.in = stream.input();
            this.out = stream.output();
        }

        @Override
        public boolean separatesStderr() {
            return false;
        }

        @Override
        public void send(byte[] script) throws IOException {
            out.write(script);
            out.flush();
        }

        @Override
        public ShellResult collect(SentinelFraming framing) throws IOException {
            output.clear();
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("the phone closed the shell session mid-command");
                }
                int from = output.size() - framing.overlap();
                output.append(buffer, 0, n);
                Optional<SentinelFraming.Framed> framed = framing.findStatus(output, from);
                if (framed.isPresent()) {
                    return new ShellResult(
                            framed.get().output(), new byte[0], framed.get().status(), true);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            // Without the shell protocol stdin cannot be closed separately; "exit" ends sh just as well.
            send("exit\n".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}

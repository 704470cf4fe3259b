package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.adb.protocol.ShellV2Packet;
import org.lifeboat.adb.protocol.ShellV2PacketDecoder;
import org.lifeboat.adb.protocol.ShellV2PacketId;

/**
 * The services of {@link FakeAdbd}: shell and exec answer from a {@link ScriptedShell} (nothing is ever run on the
 * host), {@code sync:} serves {@code sandbox} as the phone's root, and the package manager's streamed installs are
 * recorded.
 */
final class FakeServices {
    private static final Pattern SIZE = Pattern.compile("-S'? '?(\\d+)");

    /** One service: reads the host's bytes, writes the phone's. */
    interface Service {
        void serve(InputStream fromHost, OutputStream toHost) throws IOException;
    }

    private final Path sandbox;
    private final ScriptedShell shell = new ScriptedShell();
    private final Map<String, byte[]> installed = new ConcurrentHashMap<>();

    FakeServices(Path sandbox) {
        this.sandbox = sandbox;
    }

    /** The scripted answers of {@code shell:} and {@code exec:}. */
    ScriptedShell shell() {
        return shell;
    }

    /** APK bytes the package manager received, by the command that sent them. */
    Map<String, byte[]> installed() {
        return installed;
    }

    Optional<Service> find(String service) {
        if (service.startsWith("shell,")) {
            String command = service.substring(service.indexOf(':') + 1);
            return service.substring(0, service.indexOf(':')).contains("v2")
                    ? Optional.of((in, out) -> shellV2(command, in, out))
                    : Optional.of((in, out) -> raw(command, in, out));
        }
        if (service.startsWith("abb_exec:") || service.startsWith("exec:cmd package")) {
            return Optional.of((in, out) -> packageManager(service, in, out));
        }
        if (service.startsWith("shell:") || service.startsWith("exec:")) {
            String command = service.substring(service.indexOf(':') + 1);
            return Optional.of((in, out) -> raw(command, in, out));
        }
        if (service.equals("sync:")) {
            return Optional.of((in, out) -> new FakeSync(sandbox).serve(in, out));
        }
        return Optional.empty();
    }

    /** {@code shell:}/{@code exec:}: raw bytes both ways, stderr merged, no exit status. */
    private void raw(String command, InputStream in, OutputStream out) throws IOException {
        ScriptedShell.Output output = ScriptedShell.raw(out);
        if (command.equals("sh")) {
            shell.session(in, output);
        } else {
            shell.run(command, output);
        }
    }

    /** {@code shell,v2}: stdin packets in; stdout, stderr and the exit packet out (shell_service.cpp). */
    private void shellV2(String command, InputStream in, OutputStream out) throws IOException {
        ScriptedShell.Output output = new ScriptedShell.Output() {
            @Override
            public void stdout(byte[] bytes) throws IOException {
                packet(ShellV2PacketId.STDOUT, bytes);
            }

            @Override
            public void stderr(byte[] bytes) throws IOException {
                packet(ShellV2PacketId.STDERR, bytes);
            }

            private void packet(ShellV2PacketId id, byte[] bytes) throws IOException {
                if (bytes.length > 0) {
                    out.write(ShellV2Packet.of(id, bytes, 0, bytes.length).encode());
                }
            }
        };
        int status = 0;
        if (command.equals("sh")) {
            shell.session(new StdinPackets(in), output);
        } else {
            status = shell.run(command, output);
        }
        out.write(ShellV2Packet.exit(status).encode());
    }

    /** The stdin bytes inside the host's shell-v2 packets, ending at CLOSE_STDIN. */
    private static final class StdinPackets extends InputStream {
        private final InputStream packets;
        private final ShellV2PacketDecoder decoder = new ShellV2PacketDecoder();
        private final ByteArrayOutputStream ready = new ByteArrayOutputStream();
        private byte[] buffered = new byte[0];
        private int next;
        private boolean closed;

        StdinPackets(InputStream packets) {
            this.packets = packets;
        }

        @Override
        public int read() throws IOException {
            while (next == buffered.length) {
                if (closed) {
                    return -1;
                }
                fill();
            }
            return buffered[next++] & 0xff;
        }

        private void fill() throws IOException {
            byte[] chunk = new byte[8192];
            int n = packets.read(chunk);
            if (n < 0) {
                closed = true;
                return;
            }
            ready.reset();
            for (ShellV2Packet packet : decoder.feed(chunk, 0, n)) {
                if (packet.id() == ShellV2PacketId.CLOSE_STDIN) {
                    closed = true;
                } else if (packet.id() == ShellV2PacketId.STDIN) {
                    ready.writeBytes(packet.data());
                }
            }
            buffered = ready.toByteArray();
            next = 0;
        }
    }

    /** {@code cmd package install -S N}: read exactly N bytes, answer like the package manager. */
    private void packageManager(String service, InputStream in, OutputStream out) throws IOException {
        String command = service.replace('\0', ' ');
        Matcher size = SIZE.matcher(command);
        if (command.contains("install-create")) {
            out.write("Success: created install session [1234]\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (command.contains("install-commit") || command.contains("install-abandon")) {
            installed.put(command, new byte[0]);
            out.write("Success\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (!size.find()) {
            out.write("Failure [NO_SIZE]\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] apk = new DataInputStream(in).readNBytes(Integer.parseInt(size.group(1)));
        installed.put(command, apk);
        boolean valid = apk.length >= 2 && apk[0] == 'P' && apk[1] == 'K';
        out.write(
                (valid ? "Success\n" : "Failure [INSTALL_PARSE_FAILED_NOT_APK]\n").getBytes(StandardCharsets.US_ASCII));
    }
}

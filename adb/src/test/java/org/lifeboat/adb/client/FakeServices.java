package org.lifeboat.adb.client;

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
 * The services of {@link FakeAdbd}: shell and exec run the real {@code /bin/sh} in {@code sandbox} (so quoting and
 * framing meet a real POSIX shell), {@code sync:} serves {@code sandbox} as the phone's root, and the package
 * manager's streamed installs are recorded.
 */
final class FakeServices {
    private static final Pattern SIZE = Pattern.compile("-S'? '?(\\d+)");

    /** One service: reads the host's bytes, writes the phone's. */
    interface Service {
        void serve(InputStream fromHost, OutputStream toHost) throws IOException;
    }

    private final Path sandbox;
    private final Map<String, byte[]> installed = new ConcurrentHashMap<>();

    FakeServices(Path sandbox) {
        this.sandbox = sandbox;
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

    private Process start(String command, boolean mergeStderr) throws IOException {
        return new ProcessBuilder("/bin/sh", "-c", command)
                .directory(sandbox.toFile())
                .redirectErrorStream(mergeStderr)
                .start();
    }

    /** {@code shell:}/{@code exec:}: raw bytes both ways, stderr merged, no exit status. */
    private void raw(String command, InputStream in, OutputStream out) throws IOException {
        Process process = start(command, true);
        Thread pump = Thread.ofPlatform().daemon().start(() -> copyQuietly(in, process.getOutputStream(), true));
        process.getInputStream().transferTo(out);
        waitFor(process);
        pump.interrupt();
    }

    /** {@code shell,v2}: stdin packets in; stdout, stderr and the exit packet out (shell_service.cpp). */
    private void shellV2(String command, InputStream in, OutputStream out) throws IOException {
        Process process = start(command, false);
        Thread.ofPlatform().daemon().start(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                ShellV2PacketDecoder decoder = new ShellV2PacketDecoder();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    for (ShellV2Packet packet : decoder.feed(buffer, 0, n)) {
                        if (packet.id() == ShellV2PacketId.CLOSE_STDIN) {
                            return;
                        }
                        stdin.write(packet.data());
                        stdin.flush();
                    }
                }
            } catch (IOException e) {
                // The command exited or the host went away.
            }
        });
        Object lock = new Object();
        Thread errors = Thread.ofPlatform()
                .daemon()
                .start(() -> pump(process.getErrorStream(), out, ShellV2PacketId.STDERR, lock));
        pump(process.getInputStream(), out, ShellV2PacketId.STDOUT, lock);
        try {
            errors.join();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        synchronized (lock) {
            out.write(ShellV2Packet.exit(waitFor(process)).encode());
        }
    }

    private static void pump(InputStream from, OutputStream out, ShellV2PacketId id, Object lock) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                synchronized (lock) {
                    out.write(ShellV2Packet.of(id, buffer, 0, n).encode());
                }
            }
        } catch (IOException e) {
            // Host closed the stream.
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

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    private static void copyQuietly(InputStream in, OutputStream out, boolean close) {
        try {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush(); // a process's stdin is buffered; commands must reach sh at once
            }
        } catch (IOException e) {
            // The command ended first.
        } finally {
            if (close) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }
    }
}

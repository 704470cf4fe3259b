package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import org.lifeboat.adb.protocol.MalformedMessageException;
import org.lifeboat.adb.protocol.ShellV2Packet;
import org.lifeboat.adb.protocol.ShellV2PacketDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one shell process for {@code shell:}, {@code shell,v2,…:}, {@code exec:} and the abb services
 * ({@code daemon/shell_service.cpp}).
 *
 * <p>Without the shell protocol there is one raw byte stream: stderr is merged into stdout ("Raw protocol doesn't
 * support multiple output streams, so combine stdout and stderr", Subprocess::ForkAndExec) and no exit status is
 * sent. With it, output is framed in packets and the exit packet precedes CLSE, without which {@code adb shell}
 * hangs (adb-protocol.md §2.1).
 */
final class ShellService {
    private static final Logger log = LoggerFactory.getLogger(ShellService.class);

    /** adbd's status when it cannot run the command at all (shell_service.cpp, "error: …" on stderr). */
    static final int CANNOT_EXECUTE = 126;

    /** What runs in the process: one of the {@link PhoneShell} entry points with the stream's stdio. */
    @FunctionalInterface
    interface Process {
        int run(InputStream stdin, OutputStream stdout, OutputStream stderr) throws IOException;
    }

    private final Executor executor;

    ShellService(Executor executor) {
        this.executor = executor;
    }

    /** The raw form: stdin is the stream, stdout and stderr both go back on it. */
    StreamService raw(String description, Process process) {
        return (fromHost, toHost) -> {
            try {
                process.run(fromHost, toHost, toHost);
            } catch (RuntimeException e) {
                reportInternalError(description, e, toHost);
            }
            toHost.flush();
        };
    }

    /** The shell protocol: stdin/close-stdin packets in, stdout/stderr packets and the exit status out. */
    StreamService withShellProtocol(String description, Process process) {
        return (fromHost, toHost) -> {
            StdinPipe stdin = new StdinPipe();
            executor.execute(() -> pumpStdin(fromHost, stdin));
            ShellV2Output output = new ShellV2Output(toHost);
            OutputStream stderr = output.stderr();
            int status;
            try {
                status = process.run(stdin.input(), output.stdout(), stderr);
            } catch (RuntimeException e) {
                reportInternalError(description, e, stderr);
                status = CANNOT_EXECUTE;
            } finally {
                stdin.input().close();
            }
            output.exit(status);
        };
    }

    /** Moves STDIN packets into the pipe until CLOSE_STDIN or the end of the stream; window sizes mean nothing here. */
    private static void pumpStdin(InputStream fromHost, StdinPipe stdin) {
        ShellV2PacketDecoder decoder = new ShellV2PacketDecoder();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = fromHost.read(buffer); n >= 0; n = fromHost.read(buffer)) {
                for (ShellV2Packet packet : decoder.feed(buffer, 0, n)) {
                    switch (packet.id()) {
                        case STDIN -> stdin.write(packet.data());
                        case CLOSE_STDIN -> stdin.closeWriter();
                        default -> {
                            // Window sizes only matter to a pty; the other ids travel the other way.
                        }
                    }
                }
            }
        } catch (MalformedMessageException e) {
            log.debug("bad shell packet from the host: {}", e.getMessage());
        } catch (IOException e) {
            log.debug("stdin ended: {}", e.getMessage());
        } finally {
            stdin.closeWriter();
        }
    }

    private static void reportInternalError(String description, RuntimeException e, OutputStream stderr) {
        log.warn("the phone's shell failed on '{}'", description, e);
        PrintStream printer = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        printer.println("error: " + e.getMessage());
    }
}

package org.lifeboat.virtualphone.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's adbd on a TCP port, like {@code adb tcpip}: every accepted connection (an {@code adb connect}, or
 * another adb server) gets its own handshake and streams, and one misbehaving host cannot disturb the others.
 *
 * <p>Threads as in adbd: each connection's transport is read by a platform thread of its own, like the read thread
 * of transport.cpp's BlockingConnectionAdapter, which blocks in read(2) for the next packet; a virtual thread would
 * be woken through the JDK's poller threads for every packet, which costs a pull of small files more CPU than the
 * files themselves. Each opened service runs on a virtual thread of its own (services.cpp create_service_thread
 * starts an OS thread per service); virtual, so that a host opening hundreds of streams costs no OS threads.
 */
public final class AdbDaemon implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(AdbDaemon.class);

    private final ServerSocket listener;
    private final DaemonSettings settings;
    private final ServiceRouter router;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ThreadFactory transportThreads =
            Thread.ofPlatform().name("adbd-transport-", 1).daemon().factory();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor = Thread.ofVirtual().name("adbd-accept").unstarted(this::acceptLoop);

    private AdbDaemon(ServerSocket listener, DaemonSettings settings, PhoneFileSystem files, PhoneShell shell) {
        this.listener = listener;
        this.settings = settings;
        this.router = new ServiceRouter(settings.features(), files, shell, threads);
    }

    /**
     * Starts listening on {@code address:port} (port 0 picks a free one) and serving in the background.
     *
     * @param files the phone's storage, for {@code sync:}
     * @param shell the phone's shell, for {@code shell:}, {@code exec:} and {@code abb_exec:}
     */
    public static AdbDaemon start(
            InetAddress address, int port, DaemonSettings settings, PhoneFileSystem files, PhoneShell shell)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        AdbDaemon daemon = new AdbDaemon(listener, settings, files, shell);
        daemon.acceptor.start();
        return daemon;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                transportThreads.newThread(() -> serve(socket)).start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    log.warn("accepting an adb connection failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            new DeviceConnection(socket, settings, router, threads).run();
        } catch (IOException | RuntimeException e) {
            log.warn("adb connection from {} failed", socket.getRemoteSocketAddress(), e);
        } finally {
            connections.remove(socket);
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed by the peer.
            }
        }
    }

    /**
     * Stops listening and drops every connection; running services end when their streams fail. Returns only once
     * the port refuses connections: a virtual thread blocked in accept releases the listening socket only when it
     * wakes, and a host connecting in between would otherwise get a connection nobody serves or closes.
     */
    @Override
    public void close() throws IOException {
        listener.close();
        awaitAcceptLoopEnd();
        for (Socket socket : connections) {
            socket.close();
        }
        threads.shutdown();
    }

    private void awaitAcceptLoopEnd() {
        boolean interrupted = false;
        while (acceptor.isAlive()) {
            try {
                acceptor.join();
            } catch (InterruptedException e) {
                // Closing must finish; the caller learns of the interrupt from its restored flag.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

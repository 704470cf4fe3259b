package org.lifeboat.repository;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who is acting on the repository: recorded in key files and lock files, as restic does, so that a lock names its
 * holder and a stale lock on this host can be recognised by its dead PID.
 */
public record HostIdentity(String hostname, String username, long pid, OptionalLong uid, OptionalLong gid) {
    public HostIdentity {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gid, "gid");
    }

    /** This process on this machine. */
    public static HostIdentity current() {
        return new HostIdentity(
                localHostname(),
                System.getProperty("user.name", ""),
                ProcessHandle.current().pid(),
                procSelfAttribute("unix:uid"),
                procSelfAttribute("unix:gid"));
    }

    private static String localHostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static OptionalLong procSelfAttribute(String attribute) {
        // /proc/self belongs to this process's uid/gid on Linux; elsewhere we omit them, as restic does on Windows.
        try {
            Object value = Files.getAttribute(Path.of("/proc/self"), attribute);
            return value instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}

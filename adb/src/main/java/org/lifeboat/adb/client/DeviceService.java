package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A device service request: the payload of {@code OPEN}, or what follows {@code host:transport:} on the adb server
 * (AOSP daemon/services.cpp {@code daemon_service_to_fd}). Bytes, because shell commands may carry file names that
 * are not UTF-8.
 */
public final class DeviceService {
    private final byte[] bytes;

    private DeviceService(byte[] bytes) {
        this.bytes = bytes;
    }

    /** {@code shell,v2,raw:CMD}: the shell protocol, so stdout, stderr and the exit code come back separately. */
    public static DeviceService shellV2(ShellCommand command) {
        return prefixed("shell,v2,raw:", command.bytes());
    }

    /** {@code shell:CMD}: the legacy shell for phones without {@code shell_v2}; output merged, no exit code. */
    public static DeviceService shellV1(ShellCommand command) {
        return prefixed("shell:", command.bytes());
    }

    /** {@code exec:CMD}: stdout only, binary-safe, no shell protocol (what {@code adb exec-out} uses). */
    public static DeviceService exec(ShellCommand command) {
        return prefixed("exec:", command.bytes());
    }

    /** {@code sync:}: the file sync protocol. */
    public static DeviceService sync() {
        return of("sync:");
    }

    /** {@code abb_exec:ARG\0ARG...}: the package manager's binder commands as a raw stream. */
    public static DeviceService abbExec(List<String> arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("abb_exec:".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an abb argument cannot contain NUL: " + argument);
            }
            if (i > 0) {
                out.write(0); // ABB_ARG_DELIMETER in AOSP adb.h
            }
            out.writeBytes(argument.getBytes(StandardCharsets.UTF_8));
        }
        return new DeviceService(out.toByteArray());
    }

    /** Any other service, spelled out, for example {@code reboot:}. */
    public static DeviceService of(String service) {
        if (service.isEmpty() || service.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a device service must be non-empty and free of NUL bytes");
        }
        return new DeviceService(service.getBytes(StandardCharsets.UTF_8));
    }

    private static DeviceService prefixed(String prefix, byte[] command) {
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] joined = Arrays.copyOf(head, head.length + command.length);
        System.arraycopy(command, 0, joined, head.length, command.length);
        return new DeviceService(joined);
    }

    /** A copy of the request bytes, without the NUL that adbd expects after them on a direct connection. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceService other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ');
    }
}

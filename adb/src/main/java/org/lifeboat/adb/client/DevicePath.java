package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file path on the phone, kept as the exact bytes the phone uses. Linux file names are byte strings, not text: a name
 * from a FAT card or an old app may not be valid UTF-8, and it must survive a list-then-pull round trip unchanged.
 */
public final class DevicePath implements Comparable<DevicePath> {
    private final byte[] bytes;

    private DevicePath(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a device path cannot be empty");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new IllegalArgumentException("a device path cannot contain a NUL byte: " + escape(bytes));
            }
        }
        this.bytes = bytes;
    }

    /** The path spelled by {@code path} in UTF-8, the encoding Android uses for file names it creates. */
    public static DevicePath of(String path) {
        return new DevicePath(path.getBytes(StandardCharsets.UTF_8));
    }

    /** The path made of exactly these bytes, for example a name the phone listed. */
    public static DevicePath ofBytes(byte[] path) {
        return new DevicePath(path.clone());
    }

    /** This directory's entry called {@code name}, which must be a single name without {@code /}. */
    public DevicePath resolve(DevicePath name) {
        for (byte b : name.bytes) {
            if (b == '/') {
                throw new IllegalArgumentException("'" + name + "' is not a single file name");
            }
        }
        boolean slash = bytes[bytes.length - 1] == '/';
        byte[] joined = Arrays.copyOf(bytes, bytes.length + (slash ? 0 : 1) + name.bytes.length);
        if (!slash) {
            joined[bytes.length] = '/';
        }
        System.arraycopy(name.bytes, 0, joined, joined.length - name.bytes.length, name.bytes.length);
        return new DevicePath(joined);
    }

    /** This directory's entry called {@code name}, spelled in UTF-8. */
    public DevicePath resolve(String name) {
        return resolve(of(name));
    }

    /** The last name of the path, for example {@code b.jpg} for {@code /sdcard/a/b.jpg}. */
    public DevicePath fileName() {
        int end = bytes.length;
        while (end > 1 && bytes[end - 1] == '/') {
            end--;
        }
        int start = end;
        while (start > 0 && bytes[start - 1] != '/') {
            start--;
        }
        return start == end ? this : new DevicePath(Arrays.copyOfRange(bytes, start, end));
    }

    /** A copy of the path's bytes, as they go on the wire. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The number of bytes in the path. */
    public int byteLength() {
        return bytes.length;
    }

    /** Whether the path is valid UTF-8, so that {@link #toString()} spells it exactly. */
    public boolean isUtf8() {
        return Arrays.equals(bytes, new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DevicePath other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(DevicePath other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** The path as text; bytes that are not UTF-8 are shown as {@code \xNN} so that messages stay readable. */
    @Override
    public String toString() {
        return isUtf8() ? new String(bytes, StandardCharsets.UTF_8) : escape(bytes);
    }

    private static String escape(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                out.write(b);
            } else {
                out.writeBytes(String.format("\\x%02x", b & 0xff).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}

package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.shell.CommandContext;

/**
 * Reads a tar stream for {@code tar -x} / {@code tar -t}. Every path goes through the phone's file system, so an
 * archive can never write outside the phone; names are cleaned like tar.c does (no leading '/', no "..").
 * Directory mtimes are applied last, after their contents, as tar.c defers them.
 */
final class TarReader {
    private static final int BLOCK = 512;

    private final CommandContext context;
    private final InputStream in;
    private final String directory;
    private final boolean listOnly;
    private final boolean verbose;
    private final List<DirectoryTime> directoryTimes = new ArrayList<>();
    private int status;

    TarReader(CommandContext context, InputStream in, String directory, boolean listOnly, boolean verbose) {
        this.context = context;
        this.in = in;
        this.directory = directory;
        this.listOnly = listOnly;
        this.verbose = verbose;
    }

    int read() throws IOException {
        String longName = null;
        Map<String, String> pax = Map.of();
        byte[] header = new byte[BLOCK];
        while (true) {
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0 || isZero(header)) {
                break;
            }
            if (n < BLOCK) {
                return Toys.error(context, "short header");
            }
            if (!checksumValid(header)) {
                return Toys.error(context, "bad header");
            }
            char type = (char) header[156];
            long size = number(header, 124, 12);
            if (type == 'L' || type == 'x' || type == 'g' || type == 'K') {
                byte[] data = readData(size);
                if (type == 'L') {
                    longName = cString(data, 0, data.length);
                } else if (type == 'x') {
                    pax = Tar.parsePax(data);
                }
                continue;
            }
            String name = pax.getOrDefault("path", longName != null ? longName : name(header));
            if (pax.containsKey("size")) {
                size = Long.parseLong(pax.get("size"));
            }
            Instant mtime = pax.containsKey("mtime")
                    ? paxTime(pax.get("mtime"))
                    : Instant.ofEpochSecond(number(header, 136, 12));
            int mode = (int) number(header, 100, 8);
            longName = null;
            pax = Map.of();
            entry(Tar.storedName(name), type, size, mtime, mode);
        }
        for (int i = directoryTimes.size() - 1; i >= 0; i--) {
            DirectoryTime dir = directoryTimes.get(i);
            try {
                context.fileSystem().setLastModified(dir.path(), dir.mtime());
            } catch (PhoneFileException e) {
                status = Toys.error(
                        context, "settime " + dir.path() + ": " + e.errno().text());
            }
        }
        return status;
    }

    private void entry(String name, char type, long size, Instant mtime, int mode) throws IOException {
        if (listOnly || verbose) {
            (listOnly ? context.stdout() : context.stderr()).write((name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String clean = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (listOnly || clean.isEmpty()) {
            skip(size);
            return;
        }
        String path = PhonePaths.absolute(directory, clean);
        try {
            switch (type) {
                case '5' -> {
                    context.fileSystem().mkdirs(path);
                    directoryTimes.add(new DirectoryTime(path, mtime));
                }
                case '0', '\0', '7' -> {
                    context.fileSystem().mkdirs(PhonePaths.parent(path));
                    try (OutputStream out = context.fileSystem().openWrite(path, false)) {
                        copy(size, out);
                    }
                    context.fileSystem().chmod(path, mode & 0777);
                    context.fileSystem().setLastModified(path, mtime);
                }
                default -> {
                    skip(size);
                    status = Toys.error(context, "'" + name + "': type '" + type + "' not supported here");
                }
            }
        } catch (PhoneFileException e) {
            status = Toys.error(
                    context, "can't create '" + name + "': " + e.errno().text());
            skip(Math.max(0, size));
        }
    }

    private void copy(long size, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("archive ended inside a file");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        skipPadding(size);
    }

    private byte[] readData(long size) throws IOException {
        if (size > 1024 * 1024) {
            throw new IOException("extended header of " + size + " bytes is too large");
        }
        byte[] data = in.readNBytes((int) size);
        skipPadding(size);
        return data;
    }

    private void skip(long size) throws IOException {
        in.skipNBytes(size);
        skipPadding(size);
    }

    private void skipPadding(long size) throws IOException {
        in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
    }

    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        String magic = cString(header, 257, 6);
        if (magic.equals("ustar") && header[345] != 0) {
            // POSIX ustar splits long names into prefix '/' name.
            name = cString(header, 345, 155) + "/" + name;
        }
        return name;
    }

    private static Instant paxTime(String value) {
        BigDecimal seconds = new BigDecimal(value);
        long whole = seconds.longValue();
        long nanos =
                seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    /** otoi: octal digits (leading spaces allowed), or base-256 when the high bit of the first byte is set. */
    static long number(byte[] h, int offset, int length) {
        if ((h[offset] & 0x80) != 0) {
            long value = h[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (h[offset + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && h[i] == ' ') {
            i++;
        }
        while (i < end && h[i] >= '0' && h[i] <= '7') {
            value = value * 8 + (h[i++] - '0');
        }
        return value;
    }

    private static boolean checksumValid(byte[] h) {
        long stored = number(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        return stored == sum;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private record DirectoryTime(String path, Instant mtime) {}
}

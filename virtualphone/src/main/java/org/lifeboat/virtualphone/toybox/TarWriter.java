package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lifeboat.virtualphone.fs.DirEntry;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.shell.CommandContext;

/** Writes tar.c add_to_tar()'s records: directories get a trailing '/', numbers are octal or base-256. */
final class TarWriter {
    private static final int BLOCK = 512;

    private final CommandContext context;
    private final OutputStream out;
    private final boolean verbose;
    private int status;

    TarWriter(CommandContext context, OutputStream out, boolean verbose) {
        this.context = context;
        this.out = out;
        this.verbose = verbose;
    }

    int write(String directory, List<String> names) throws IOException {
        for (String name : names) {
            String path = PhonePaths.absolute(directory, name);
            try {
                add(name, path, context.fileSystem().lstat(path));
            } catch (PhoneFileException e) {
                status = Toys.error(context, "'" + name + "': " + e.errno().text());
            }
        }
        // Two zero blocks end the archive.
        out.write(new byte[2 * BLOCK]);
        out.flush();
        return status;
    }

    private void add(String name, String path, FileStat stat) throws IOException {
        String stored = Tar.storedName(name);
        if (stat.isDirectory() && !stored.endsWith("/")) {
            stored = stored + "/";
        }
        if (!stored.isEmpty() && !stored.equals("/")) {
            if (stat.isRegularFile()) {
                writeFile(stored, path, stat);
            } else {
                String link = stat.linkTarget().orElse("");
                if (link.getBytes(StandardCharsets.UTF_8).length > 100) {
                    longName(link, 'K');
                }
                header(stored, stat, stat.isDirectory() ? '5' : '2', 0, link);
            }
            if (verbose) {
                context.err(stored + "\n");
            }
        }
        if (stat.isDirectory()) {
            List<DirEntry> entries;
            try {
                entries = context.fileSystem().list(path);
            } catch (PhoneFileException e) {
                status = Toys.error(context, "'" + name + "': " + e.errno().text());
                return;
            }
            for (DirEntry entry : entries) {
                add(PhonePaths.child(name, entry.name()), PhonePaths.child(path, entry.name()), entry.stat());
            }
        }
    }

    private void writeFile(String stored, String path, FileStat stat) throws IOException {
        try (InputStream in = context.fileSystem().openRead(path)) {
            header(stored, stat, '0', stat.size(), "");
            long copied = in.transferTo(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }
            });
            if (copied != stat.size()) {
                throw new IOException(stored + " changed size while being archived");
            }
            int padding = (int) ((BLOCK - copied % BLOCK) % BLOCK);
            out.write(new byte[padding]);
        } catch (PhoneFileException e) {
            status = Toys.error(
                    context, "can't open '" + stored + "': " + e.errno().text());
        }
    }

    private void header(String name, FileStat stat, char type, long size, String link) throws IOException {
        if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
            longName(name, 'L');
        }
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name);
        octal(h, 100, 8, stat.permissions() & 07777);
        octal(h, 108, 8, stat.uid());
        octal(h, 116, 8, stat.gid());
        octal(h, 124, 12, size);
        octal(h, 136, 12, stat.modified().getEpochSecond());
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 8, "ustar  ");
        put(h, 265, 32, Toys.userName(stat.uid()));
        put(h, 297, 32, Toys.groupName(stat.gid()));
        checksum(h);
        out.write(h);
    }

    /** GNU ././@LongLink record holding a name longer than the 100-byte field. */
    private void longName(String name, char type) throws IOException {
        byte[] bytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, "././@LongLink");
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, bytes.length);
        octal(h, 136, 12, 0);
        h[156] = (byte) type;
        put(h, 257, 8, "ustar  ");
        put(h, 265, 32, "root");
        put(h, 297, 32, "root");
        checksum(h);
        out.write(h);
        out.write(bytes);
        out.write(new byte[(BLOCK - bytes.length % BLOCK) % BLOCK]);
    }

    private static void checksum(byte[] h) {
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
    }

    /** itoo: len-1 octal digits and a NUL, or base-256 with the high bit set when the value does not fit. */
    static void octal(byte[] h, int offset, int length, long value) {
        if (value >= 1L << (3 * (length - 1))) {
            for (int i = length - 1; i > 0; i--) {
                h[offset + i] = (byte) value;
                value >>>= 8;
            }
            h[offset] = (byte) 0x80;
            return;
        }
        String digits = String.format("%0" + (length - 1) + "o", value);
        put(h, offset, length - 1, digits);
        h[offset + length - 1] = 0;
    }

    private static void put(byte[] h, int offset, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, h, offset, Math.min(length, bytes.length));
    }
}

package org.lifeboat.virtualphone.toybox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * toybox tar (toys/posix/tar.c) for {@code -c}, {@code -x} and {@code -t} with {@code -f -}/{@code -f FILE},
 * {@code -C DIR} and {@code -v}: GNU-style "ustar  " headers with ././@LongLink records for long names, and on
 * extraction also pax 'x' records (path, mtime with fractions, size) as GNU tar writes them.
 */
final class Tar implements ShellCommand {
    @Override
    public int run(CommandContext context) throws IOException {
        List<String> args = new ArrayList<>(context.args());
        // tar's first argument may be bundled flags without a dash ("tar cf - dir").
        if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            args.set(0, "-" + args.get(0));
        }
        Flags flags;
        try {
            flags = Flags.parse(args, "cxtvf:C:opmhP", Set.of("no-recursion", "numeric-owner", "overwrite"));
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        int modes = (flags.has('c') ? 1 : 0) + (flags.has('x') ? 1 : 0) + (flags.has('t') ? 1 : 0);
        if (modes != 1) {
            return Toys.usage(context, "Need 1 of -cxt");
        }
        String directory = flags.value('C') == null ? context.workingDirectory() : context.resolve(flags.value('C'));
        String archive = flags.value('f');
        boolean stdio = archive == null || archive.equals("-");
        try {
            if (flags.has('c')) {
                if (flags.operands().isEmpty()) {
                    return Toys.error(context, "empty archive");
                }
                try (OutputStream out = stdio
                        ? nonClosing(context.stdout())
                        : context.fileSystem().openWrite(context.resolve(archive), false)) {
                    return new TarWriter(context, new BufferedOutputStream(out, 64 * 1024), flags.has('v'))
                            .write(directory, flags.operands());
                }
            }
            try (InputStream in = stdio ? context.stdin() : context.fileSystem().openRead(context.resolve(archive))) {
                return new TarReader(context, in, directory, flags.has('t'), flags.has('v')).read();
            }
        } catch (PhoneFileException e) {
            return Toys.error(
                    context,
                    "can't open '" + (stdio ? "-" : archive) + "': " + e.errno().text());
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** tar.c's "remove leading / and any .. entries from saved name". */
    static String storedName(String name) {
        String stripped = name;
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        List<String> kept = new ArrayList<>();
        for (String part : stripped.split("/", -1)) {
            if (part.equals("..")) {
                kept.clear();
            } else {
                kept.add(part);
            }
        }
        return String.join("/", kept);
    }

    /** pax extended header records: "LENGTH key=value\n", LENGTH counting bytes of the whole record. */
    static Map<String, String> parsePax(byte[] data) {
        Map<String, String> records = new LinkedHashMap<>();
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                break;
            }
            if (length <= space - pos + 1 || pos + length > data.length) {
                break;
            }
            String body = new String(data, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
            int equals = body.indexOf('=');
            if (equals > 0) {
                records.put(body.substring(0, equals), body.substring(equals + 1));
            }
            pos += length;
        }
        return records;
    }
}

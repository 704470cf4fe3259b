package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.lifeboat.virtualphone.fs.FsUsage;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/** toybox's checksum, counting and status commands: md5sum/sha1sum/sha256sum, wc, df, id. */
final class TextCommands {
    private TextCommands() {}

    /** md5sum.c: "HASH  NAME" per file ("-" for stdin), or only the hash with -b. */
    static ShellCommand digest(String algorithm) {
        return context -> {
            Flags flags;
            try {
                flags = Flags.parse(context.args(), "b", Set.of());
            } catch (Flags.UsageException e) {
                return Toys.usage(context, e.getMessage());
            }
            List<String> names = flags.operands().isEmpty() ? List.of("-") : flags.operands();
            int status = 0;
            for (String name : names) {
                try {
                    String hash =
                            name.equals("-") ? hash(algorithm, context.stdin()) : hashFile(context, algorithm, name);
                    context.out(flags.has('b') ? hash + "\n" : hash + "  " + name + "\n");
                } catch (PhoneFileException e) {
                    status = Toys.rawError(context, e, name);
                }
            }
            return status;
        };
    }

    private static String hashFile(CommandContext context, String algorithm, String name) throws IOException {
        try (InputStream in = context.fileSystem().openRead(context.resolve(name))) {
            return hash(algorithm, in);
        }
    }

    private static String hash(String algorithm, InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * wc.c: counts lines, words, bytes (and -m characters), printed in l w c m order; columns are 7 wide unless
     * exactly one file is counted, or stdin with a single counter (wc.c show_lengths).
     */
    static int wc(CommandContext context) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), "cmwl", Set.of());
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        boolean[] shown = {flags.has('l'), flags.has('w'), flags.has('c'), flags.has('m')};
        if (!shown[0] && !shown[1] && !shown[2] && !shown[3]) {
            shown = new boolean[] {true, true, true, false};
        }
        int selected = 0;
        for (boolean s : shown) {
            selected += s ? 1 : 0;
        }
        List<String> names = flags.operands();
        int width = (names.isEmpty() && selected == 1) || names.size() == 1 ? 0 : 7;
        long[] totals = new long[4];
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (String name : names.isEmpty() ? List.of("-") : names) {
            long[] counts;
            try {
                if (name.equals("-")) {
                    counts = count(context.stdin());
                } else {
                    try (InputStream in = context.fileSystem().openRead(context.resolve(name))) {
                        counts = count(in);
                    }
                }
            } catch (PhoneFileException e) {
                context.out(out.toString());
                out.setLength(0);
                status = Toys.rawError(context, e, name);
                continue;
            }
            for (int i = 0; i < 4; i++) {
                totals[i] += counts[i];
            }
            line(out, counts, shown, width, names.isEmpty() ? null : name);
        }
        if (names.size() > 1) {
            line(out, totals, shown, width, "total");
        }
        context.out(out.toString());
        return status;
    }

    private static void line(StringBuilder out, long[] counts, boolean[] shown, int width, String name) {
        boolean first = true;
        for (int i = 0; i < 4; i++) {
            if (shown[i]) {
                String number = width == 0 ? Long.toString(counts[i]) : String.format("%" + width + "d", counts[i]);
                out.append(first ? "" : " ").append(number);
                first = false;
            }
        }
        if (name != null) {
            out.append(' ').append(name);
        }
        out.append('\n');
    }

    /** Lines, words (runs of non-space bytes), bytes and UTF-8 characters. */
    private static long[] count(InputStream in) throws IOException {
        long lines = 0;
        long words = 0;
        long bytes = 0;
        long chars = 0;
        boolean inWord = false;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                bytes++;
                if ((b & 0xc0) != 0x80) {
                    chars++;
                }
                if (b == '\n') {
                    lines++;
                }
                boolean space = b == ' ' || (b >= '\t' && b <= '\r');
                if (space) {
                    inWord = false;
                } else if (!inWord) {
                    words++;
                    inWord = true;
                }
            }
        }
        return new long[] {lines, words, bytes, chars};
    }

    /** df.c: 1K blocks (-k, default) per mount; the filesystem column is at least 14 wide. */
    static int df(CommandContext context) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), "akPt:", Set.of());
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        List<FsUsage> mounts = new ArrayList<>();
        int status = 0;
        try {
            if (flags.operands().isEmpty()) {
                mounts.addAll(context.fileSystem().mounts());
            }
        } catch (PhoneFileException e) {
            return Toys.rawError(context, e, "/");
        }
        for (String name : flags.operands()) {
            try {
                mounts.add(context.fileSystem().usage(context.resolve(name)));
            } catch (PhoneFileException e) {
                status = Toys.quotedError(context, e, name);
            }
        }
        long unit = flags.has('P') && !flags.has('k') ? 512 : 1024;
        List<long[]> rows = new ArrayList<>();
        int[] widths = {14, unit == 512 ? 10 : 9, 4, 9, flags.has('P') ? 8 : 4};
        for (FsUsage m : mounts) {
            long size = m.blockSize() * m.totalBlocks() / unit;
            long used = m.blockSize() * (m.totalBlocks() - m.freeBlocks()) / unit;
            long avail = m.blockSize() * m.availableBlocks() / unit;
            long percent = used + avail == 0 ? 0 : (used * 100 + used + avail - 1) / (used + avail);
            rows.add(new long[] {size, used, avail, percent});
            widths[0] = Math.max(widths[0], m.device().length());
            widths[1] = Math.max(widths[1], Long.toString(size).length());
            widths[2] = Math.max(widths[2], Long.toString(used).length());
            widths[3] = Math.max(widths[3], Long.toString(avail).length());
        }
        StringBuilder out = new StringBuilder(String.format(
                "%-" + widths[0] + "s %" + widths[1] + "s %" + widths[2] + "s %" + widths[3] + "s %" + widths[4]
                        + "s Mounted on\n",
                "Filesystem",
                unit == 512 ? "512-blocks" : "1K-blocks",
                "Used",
                "Available",
                flags.has('P') ? "Capacity" : "Use%"));
        for (int i = 0; i < mounts.size(); i++) {
            long[] r = rows.get(i);
            out.append(String.format(
                    "%-" + widths[0] + "s %" + widths[1] + "d %" + widths[2] + "d %" + widths[3] + "d %"
                            + (widths[4] - 1) + "d%% %s\n",
                    mounts.get(i).device(),
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    mounts.get(i).mountPoint()));
        }
        context.out(out.toString());
        return status;
    }

    /**
     * id.c for the shell user. adbd gives the shell these supplementary groups (daemon/main.cpp); ext_data_rw and
     * ext_obb_rw were added in Android 11 (commit 223bcc78).
     */
    static int id(CommandContext context) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), "nGgruZ", Set.of());
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        List<Integer> groups = new ArrayList<>(List.of(2000, 1004, 1007, 1011, 1015, 1028));
        if (context.device().apiLevel() >= 30) {
            groups.addAll(List.of(1078, 1079));
        }
        groups.addAll(List.of(3001, 3002, 3003, 3006, 3009, 3011));
        boolean names = flags.has('n');
        if (flags.has('u') || flags.has('g')) {
            context.out((names ? "shell" : "2000") + "\n");
            return 0;
        }
        if (flags.has('G')) {
            List<String> shown = groups.stream()
                    .map(g -> names ? Toys.groupName(g) : g.toString())
                    .toList();
            context.out(String.join(" ", shown) + "\n");
            return 0;
        }
        if (flags.has('Z')) {
            context.out("u:r:shell:s0\n");
            return 0;
        }
        StringBuilder out = new StringBuilder("uid=2000(shell) gid=2000(shell) groups=");
        for (int i = 0; i < groups.size(); i++) {
            out.append(i == 0 ? "" : ",")
                    .append(groups.get(i))
                    .append('(')
                    .append(Toys.groupName(groups.get(i)))
                    .append(')');
        }
        out.append(" context=u:r:shell:s0\n");
        context.out(out.toString());
        return 0;
    }
}

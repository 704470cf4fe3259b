package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.lifeboat.virtualphone.fs.DirEntry;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.fs.Utf8Order;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * toybox ls (toys/posix/ls.c, 0.8.x) as it behaves on a pipe: one name per line (-1 is implied when stdout is not
 * a tty), long format with --time-style=long-iso ("%F %H:%M" local time) and columns padded to the widest entry.
 */
final class Ls implements ShellCommand {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern(" yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern(":ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

    @Override
    public int run(CommandContext context) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), "aAlnR1dsFpitSrfucLHgo", Set.of("full-time", "color", "color:"));
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        return new Listing(context, flags).run();
    }

    private record Item(String name, String path, FileStat stat) {}

    private static final class Listing {
        private final CommandContext context;
        private final Flags flags;
        private final boolean longFormat;
        private final boolean fullTime;
        private final boolean recursive;
        private final ZoneId zone;
        private final StringBuilder out = new StringBuilder();
        private boolean titled;
        private int status;

        Listing(CommandContext context, Flags flags) {
            this.context = context;
            this.flags = flags;
            this.fullTime = flags.has("full-time") || flags.count('l') > 1;
            this.longFormat = flags.has('l') || flags.has('n') || flags.has('g') || flags.has('o') || fullTime;
            this.recursive = flags.has('R') && !flags.has('d');
            this.zone = context.device().timeZone();
        }

        int run() throws IOException {
            List<String> operands = flags.operands().isEmpty() ? List.of(".") : flags.operands();
            // Command-line symlinks are followed unless -l, -d or -F ask about the link itself (ls.c ls_main).
            boolean follow = !(longFormat || flags.has('d') || flags.has('F')) || flags.has('L') || flags.has('H');
            List<Item> top = new ArrayList<>();
            for (String operand : operands) {
                String path = context.resolve(operand);
                try {
                    FileStat stat = follow
                            ? context.fileSystem().stat(path)
                            : context.fileSystem().lstat(path);
                    top.add(new Item(operand, path, stat));
                } catch (PhoneFileException e) {
                    flush();
                    status = Toys.rawError(context, e, operand);
                }
            }
            sort(top);
            if (top.size() == 1 && isDirectory(top.get(0)) && !flags.has('d') && !recursive) {
                listDirectory(top.get(0), false);
            } else {
                List<Item> files = top.stream()
                        .filter(i -> !isDirectory(i) || flags.has('d'))
                        .toList();
                print(files, false);
                for (Item dir : top) {
                    if (isDirectory(dir) && !flags.has('d')) {
                        listDirectory(dir, true);
                    }
                }
            }
            flush();
            return status;
        }

        /** A symlink operand counts as a directory only when it was followed (plain ls, -L, -H). */
        private static boolean isDirectory(Item item) {
            return item.stat().isDirectory();
        }

        private void listDirectory(Item dir, boolean title) throws IOException {
            List<DirEntry> entries;
            try {
                entries = context.fileSystem().list(dir.path());
            } catch (PhoneFileException e) {
                flush();
                status = Toys.rawError(context, e, dir.name());
                return;
            }
            if (title) {
                if (titled) {
                    out.append('\n');
                }
                out.append(dir.name()).append(":\n");
            }
            titled = true;
            List<Item> items = new ArrayList<>();
            if (flags.has('a') || flags.has('f')) {
                items.add(new Item(".", dir.path(), dir.stat()));
                items.add(new Item("..", PhonePaths.child(dir.path(), ".."), statOrSelf(dir)));
            }
            for (DirEntry entry : entries) {
                boolean hidden = entry.name().startsWith(".");
                if (!hidden || flags.has('a') || flags.has('A') || flags.has('f')) {
                    FileStat stat = entry.stat();
                    if (flags.has('L') && stat.isSymlink()) {
                        stat = statOrLink(PhonePaths.child(dir.path(), entry.name()), stat);
                    }
                    items.add(new Item(entry.name(), PhonePaths.child(dir.path(), entry.name()), stat));
                }
            }
            sort(items);
            print(items, true);
            if (recursive) {
                for (Item item : items) {
                    if (item.stat().isDirectory()
                            && !item.name().equals(".")
                            && !item.name().equals("..")) {
                        listDirectory(
                                new Item(PhonePaths.child(dir.name(), item.name()), item.path(), item.stat()), true);
                    }
                }
            }
        }

        private FileStat statOrSelf(Item dir) {
            try {
                return context.fileSystem().stat(PhonePaths.child(dir.path(), ".."));
            } catch (PhoneFileException e) {
                return dir.stat();
            }
        }

        private FileStat statOrLink(String path, FileStat link) {
            try {
                return context.fileSystem().stat(path);
            } catch (PhoneFileException e) {
                return link;
            }
        }

        private void sort(List<Item> items) {
            if (flags.has('f')) {
                return;
            }
            Comparator<Item> order = (a, b) -> Utf8Order.compare(a.name(), b.name());
            if (flags.has('t')) {
                order = Comparator.comparing((Item i) -> shownTime(i.stat()))
                        .reversed()
                        .thenComparing(order);
            } else if (flags.has('S')) {
                order = Comparator.comparingLong((Item i) -> i.stat().size())
                        .reversed()
                        .thenComparing(order);
            }
            items.sort(flags.has('r') ? order.reversed() : order);
        }

        private Instant shownTime(FileStat stat) {
            return flags.has('u') ? stat.accessed() : flags.has('c') ? stat.changed() : stat.modified();
        }

        private void print(List<Item> items, boolean inDirectory) {
            if (items.isEmpty() && !(inDirectory && (longFormat || flags.has('s')))) {
                return;
            }
            int inodeWidth = 0;
            int linksWidth = 0;
            int userWidth = 0;
            int groupWidth = 0;
            int sizeWidth = 0;
            int blocksWidth = 0;
            long totalBlocks = 0;
            for (Item item : items) {
                FileStat s = item.stat();
                inodeWidth = Math.max(inodeWidth, Long.toString(s.inode()).length());
                linksWidth = Math.max(linksWidth, Integer.toString(s.links()).length());
                userWidth = Math.max(userWidth, owner(s).length());
                groupWidth = Math.max(groupWidth, group(s).length());
                sizeWidth = Math.max(sizeWidth, Long.toString(s.size()).length());
                blocksWidth =
                        Math.max(blocksWidth, Long.toString(s.blocks() / 2).length());
                totalBlocks += s.blocks() / 2;
            }
            if (inDirectory && (longFormat || flags.has('s'))) {
                out.append("total ").append(totalBlocks).append('\n');
            }
            for (Item item : items) {
                FileStat s = item.stat();
                if (flags.has('i')) {
                    out.append(String.format("%" + inodeWidth + "d ", s.inode()));
                }
                if (flags.has('s')) {
                    out.append(String.format("%" + blocksWidth + "d ", s.blocks() / 2));
                }
                if (longFormat) {
                    out.append(Toys.modeString(s));
                    out.append(String.format("%" + (linksWidth + 1) + "d", s.links()));
                    if (!flags.has('g')) {
                        out.append(' ').append(String.format("%-" + userWidth + "s", owner(s)));
                    }
                    if (!flags.has('o')) {
                        out.append(' ').append(String.format("%-" + groupWidth + "s", group(s)));
                    }
                    out.append(String.format("%" + (sizeWidth + 1) + "d", s.size()));
                    out.append(time(shownTime(s))).append(' ');
                }
                out.append(item.name());
                if (longFormat && s.isSymlink()) {
                    out.append(" -> ").append(s.linkTarget().orElse(""));
                }
                char suffix = suffix(s);
                if (suffix != 0) {
                    out.append(suffix);
                }
                out.append('\n');
            }
        }

        private char suffix(FileStat s) {
            if ((flags.has('F') || flags.has('p')) && s.isDirectory()) {
                return '/';
            }
            if (flags.has('F')) {
                if (s.isSymlink()) {
                    return '@';
                }
                if (s.isRegularFile() && (s.permissions() & 0111) != 0) {
                    return '*';
                }
            }
            return 0;
        }

        private String time(Instant instant) {
            ZonedDateTime local = instant.atZone(zone);
            String text = MINUTES.format(local);
            if (fullTime) {
                text += SECONDS.format(local) + String.format(".%09d ", instant.getNano()) + OFFSET.format(local);
            }
            return text;
        }

        private String owner(FileStat s) {
            return flags.has('n') ? Integer.toString(s.uid()) : Toys.userName(s.uid());
        }

        private String group(FileStat s) {
            return flags.has('n') ? Integer.toString(s.gid()) : Toys.groupName(s.gid());
        }

        private void flush() throws IOException {
            if (!out.isEmpty()) {
                context.out(out.toString());
                out.setLength(0);
            }
        }
    }
}

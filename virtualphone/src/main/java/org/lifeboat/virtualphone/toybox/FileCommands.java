package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.lifeboat.virtualphone.fs.DirEntry;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.shell.CommandContext;

/** toybox's small file commands: cat, rm, mkdir, mv, cp, with their error formats from toys/posix/*.c. */
final class FileCommands {
    private FileCommands() {}

    /** cat.c: files (or "-"/nothing for stdin) copied to stdout; a missing file is "cat: x: No such file...". */
    static int cat(CommandContext context) throws IOException {
        List<String> names =
                context.args().stream().filter(a -> !a.equals("-u")).toList();
        if (names.isEmpty()) {
            context.stdin().transferTo(context.stdout());
            return 0;
        }
        int status = 0;
        for (String name : names) {
            if (name.equals("-")) {
                context.stdin().transferTo(context.stdout());
                continue;
            }
            try (InputStream in = context.fileSystem().openRead(context.resolve(name))) {
                in.transferTo(context.stdout());
            } catch (PhoneFileException e) {
                status = Toys.rawError(context, e, name);
            }
        }
        return status;
    }

    /** rm.c: -f ignores missing files, -r removes trees depth first, a directory without -r is EISDIR. */
    static int rm(CommandContext context) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), "fiRrv", Set.of());
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        boolean recursive = flags.has('r') || flags.has('R');
        int status = 0;
        for (String name : flags.operands()) {
            String path = context.resolve(name);
            try {
                FileStat stat = context.fileSystem().lstat(path);
                if (stat.isDirectory() && !recursive) {
                    status = Toys.error(context, name + ": Is a directory");
                    continue;
                }
                removeTree(context.fileSystem(), path, stat);
                if (flags.has('v')) {
                    context.out("rm '" + name + "'\n");
                }
            } catch (PhoneFileException e) {
                if (!(flags.has('f') && e.errno() == org.lifeboat.virtualphone.fs.Errno.ENOENT)) {
                    status = Toys.rawError(context, e, e.path().equals(path) ? name : e.path());
                }
            }
        }
        return status;
    }

    static void removeTree(PhoneFileSystem fs, String path, FileStat stat) throws PhoneFileException {
        if (stat.isDirectory()) {
            for (DirEntry entry : fs.list(path)) {
                removeTree(fs, PhonePaths.child(path, entry.name()), entry.stat());
            }
        }
        fs.delete(path);
    }

    /** mkdir.c: -p makes parents and accepts existing directories; errors are "mkdir: 'x': File exists". */
    static int mkdir(CommandContext context) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), "pvm:Z:", Set.of());
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        if (flags.operands().isEmpty()) {
            return Toys.usage(context, "Need 1 argument");
        }
        int status = 0;
        for (String name : flags.operands()) {
            String path = context.resolve(name);
            try {
                if (flags.has('p')) {
                    context.fileSystem().mkdirs(path);
                } else {
                    context.fileSystem().mkdir(path);
                }
                if (flags.value('m') != null) {
                    context.fileSystem().chmod(path, Integer.parseInt(flags.value('m'), 8));
                }
                if (flags.has('v')) {
                    context.out("mkdir: created directory '" + name + "'\n");
                }
            } catch (PhoneFileException e) {
                status = Toys.quotedError(context, e, name);
            } catch (NumberFormatException e) {
                return Toys.error(context, "bad mode '" + flags.value('m') + "'");
            }
        }
        return status;
    }

    /** mv (cp.c's mv_main): rename(2) each source, into DEST when DEST is a directory. */
    static int mv(CommandContext context) throws IOException {
        return copyOrMove(context, true);
    }

    /** cp.c: copies files, trees with -r/-R/-a, keeping mtimes with -p/-a. */
    static int cp(CommandContext context) throws IOException {
        return copyOrMove(context, false);
    }

    private static int copyOrMove(CommandContext context, boolean move) throws IOException {
        Flags flags;
        try {
            flags = Flags.parse(context.args(), move ? "fivnT" : "rRapfivnPLHdT", Set.of("preserve:"));
        } catch (Flags.UsageException e) {
            return Toys.usage(context, e.getMessage());
        }
        List<String> operands = flags.operands();
        if (operands.size() < 2) {
            return Toys.usage(context, "Need 2 arguments");
        }
        String destName = operands.get(operands.size() - 1);
        String dest = context.resolve(destName);
        boolean destIsDir = isDirectory(context.fileSystem(), dest);
        if (operands.size() > 2 && !destIsDir) {
            return Toys.error(context, "'" + destName + "' not directory");
        }
        boolean recursive = flags.has('r') || flags.has('R') || flags.has('a');
        boolean preserve = flags.has('p') || flags.has('a');
        int status = 0;
        for (String sourceName : operands.subList(0, operands.size() - 1)) {
            String source = context.resolve(sourceName);
            String target = destIsDir ? PhonePaths.child(dest, PhonePaths.name(sourceName)) : dest;
            try {
                FileStat stat = context.fileSystem().lstat(source);
                if (move) {
                    context.fileSystem().rename(source, target);
                } else if (stat.isDirectory() && !recursive) {
                    status = Toys.error(context, "skipped '" + sourceName + "'");
                } else {
                    copyTree(context.fileSystem(), source, target, preserve);
                }
                if (flags.has('v')) {
                    context.out(context.name() + " '" + sourceName + "'\n");
                }
            } catch (PhoneFileException e) {
                status = Toys.error(
                        context, "bad '" + sourceName + "': " + e.errno().text());
            }
        }
        return status;
    }

    private static void copyTree(PhoneFileSystem fs, String source, String target, boolean preserve)
            throws IOException {
        FileStat stat = fs.stat(source);
        if (stat.isDirectory()) {
            if (!isDirectory(fs, target)) {
                fs.mkdir(target);
            }
            for (DirEntry entry : fs.list(source)) {
                copyTree(fs, PhonePaths.child(source, entry.name()), PhonePaths.child(target, entry.name()), preserve);
            }
        } else {
            try (InputStream in = fs.openRead(source);
                    OutputStream out = fs.openWrite(target, false)) {
                in.transferTo(out);
            }
        }
        if (preserve) {
            fs.setLastModified(target, stat.modified());
        }
    }

    private static boolean isDirectory(PhoneFileSystem fs, String path) {
        try {
            return fs.stat(path).isDirectory();
        } catch (PhoneFileException e) {
            return false;
        }
    }
}

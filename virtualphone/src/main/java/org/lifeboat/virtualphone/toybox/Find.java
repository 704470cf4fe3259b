package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.virtualphone.fs.DirEntry;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * toybox find (toys/posix/find.c). Paths come first (up to the first argument starting with '-', '!' or '('),
 * command-line symlinks are not followed without -H/-L (so {@code find /sdcard} does not descend), and
 * {@code -printf} exists only from toybox 0.8.1, i.e. Android 11 (API 30). Entries are visited in name order
 * where the real tool uses readdir order.
 */
final class Find implements ShellCommand {
    /** toybox 0.8.1 (commit 1dbd86ec, 2019-05-24) added -printf; Android 11 ships 0.8.3. */
    static final int PRINTF_API = 30;

    @Override
    public int run(CommandContext context) throws IOException {
        List<String> args = new ArrayList<>(context.args());
        boolean followAll = false;
        boolean followTop = false;
        while (!args.isEmpty() && (args.get(0).equals("-H") || args.get(0).equals("-L"))) {
            followAll |= args.get(0).equals("-L");
            followTop = true;
            args.remove(0);
        }
        int firstTest = 0;
        while (firstTest < args.size()
                && "-!("
                                .indexOf(
                                        args.get(firstTest).isEmpty()
                                                ? 'x'
                                                : args.get(firstTest).charAt(0))
                        < 0) {
            firstTest++;
        }
        List<String> paths = firstTest == 0 ? List.of(".") : args.subList(0, firstTest);
        FindExpression expression;
        try {
            expression = FindExpression.parse(args.subList(firstTest, args.size()), context);
        } catch (IllegalArgumentException e) {
            return Toys.error(context, e.getMessage());
        }
        Walk walk = new Walk(context, expression, followAll);
        for (String path : paths) {
            String absolute = context.resolve(path);
            try {
                FileStat stat = followTop
                        ? context.fileSystem().stat(absolute)
                        : context.fileSystem().lstat(absolute);
                walk.visit(path, absolute, path, stat, 0);
            } catch (PhoneFileException e) {
                walk.status = Toys.quotedError(context, e, path);
            }
        }
        try {
            walk.status |= expression.finish();
        } catch (IllegalArgumentException e) {
            return Toys.error(context, e.getMessage());
        }
        return walk.status;
    }

    private static final class Walk {
        private final CommandContext context;
        private final FindExpression expression;
        private final boolean followAll;
        int status;

        Walk(CommandContext context, FindExpression expression, boolean followAll) {
            this.context = context;
            this.expression = expression;
            this.followAll = followAll;
        }

        void visit(String shown, String absolute, String start, FileStat stat, int depth) throws IOException {
            FindExpression.Candidate candidate = new FindExpression.Candidate(shown, absolute, start, stat, depth);
            boolean descend = stat.isDirectory();
            if (!expression.depthFirst()) {
                descend &= expression.evaluate(candidate);
            }
            if (descend) {
                List<DirEntry> entries;
                try {
                    entries = context.fileSystem().list(absolute);
                } catch (PhoneFileException e) {
                    status = Toys.quotedError(context, e, shown);
                    entries = List.of();
                }
                for (DirEntry entry : entries) {
                    FileStat childStat = entry.stat();
                    String childPath = PhonePaths.child(absolute, entry.name());
                    if (followAll && childStat.isSymlink()) {
                        try {
                            childStat = context.fileSystem().stat(childPath);
                        } catch (PhoneFileException e) {
                            // A dangling link is reported as the link itself, as toybox does.
                        }
                    }
                    visit(PhonePaths.child(shown, entry.name()), childPath, start, childStat, depth + 1);
                }
            }
            if (expression.depthFirst()) {
                expression.evaluate(candidate);
            }
        }
    }
}

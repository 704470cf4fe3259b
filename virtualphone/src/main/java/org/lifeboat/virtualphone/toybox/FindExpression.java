package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.FileType;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.Fnmatch;

/**
 * find's expression: tests, actions, {@code ! ( ) -a -o}, parsed into a tree. Without any action, matching entries
 * are printed. Messages match find.c ("bad arg '%s'", "'%s' needs 1 arg").
 */
final class FindExpression {
    /** One visited entry: its path as printed, its phone path and its lstat (stat with -L). */
    record Candidate(String shown, String absolute, String start, FileStat stat, int depth) {}

    private interface Node {
        boolean test(Candidate c) throws IOException;
    }

    private final CommandContext context;
    private final List<String> tokens;
    private final Instant now;
    private final List<FindExec> execs = new ArrayList<>();
    private int pos;
    private boolean hasAction;
    private boolean depthFirst;
    private int maxDepth = Integer.MAX_VALUE;
    private int minDepth;
    private boolean pruned;
    private Node root;

    private FindExpression(List<String> tokens, CommandContext context) {
        this.tokens = tokens;
        this.context = context;
        this.now = context.device().clock().instant();
    }

    static FindExpression parse(List<String> tokens, CommandContext context) {
        FindExpression expression = new FindExpression(tokens, context);
        expression.root = tokens.isEmpty() ? c -> true : expression.or();
        if (expression.pos < tokens.size()) {
            throw new IllegalArgumentException("bad arg '" + tokens.get(expression.pos) + "'");
        }
        return expression;
    }

    boolean depthFirst() {
        return depthFirst;
    }

    /** Tests one entry, running its actions; returns whether find should descend into it. */
    boolean evaluate(Candidate candidate) throws IOException {
        pruned = false;
        if (candidate.depth() >= minDepth && candidate.depth() <= maxDepth) {
            boolean matched = root.test(candidate);
            if (matched && !hasAction) {
                context.out(candidate.shown() + "\n");
            }
        }
        return !pruned && candidate.depth() < maxDepth;
    }

    /** Runs the collected {@code -exec ... {} +} batches; returns their combined status. */
    int finish() throws IOException {
        int status = 0;
        for (FindExec exec : execs) {
            status |= exec.flush();
        }
        return status;
    }

    private Node or() {
        Node left = and();
        while (pos < tokens.size() && (peek().equals("-o") || peek().equals("-or"))) {
            pos++;
            Node l = left;
            Node r = and();
            left = c -> l.test(c) || r.test(c);
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (pos < tokens.size() && !peek().equals("-o") && !peek().equals("-or") && !peek().equals(")")) {
            if (peek().equals("-a") || peek().equals("-and")) {
                pos++;
            }
            Node l = left;
            Node r = unary();
            left = c -> l.test(c) && r.test(c);
        }
        return left;
    }

    private Node unary() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("bad arg '" + tokens.get(tokens.size() - 1) + "'");
        }
        String token = tokens.get(pos++);
        if (token.equals("!") || token.equals("-not")) {
            Node inner = unary();
            return c -> !inner.test(c);
        }
        if (token.equals("(")) {
            Node inner = or();
            if (pos >= tokens.size() || !tokens.get(pos++).equals(")")) {
                throw new IllegalArgumentException("bad arg '('");
            }
            return inner;
        }
        return primary(token);
    }

    private Node primary(String token) {
        return switch (token) {
            case "-print" -> action(c -> print(c.shown() + "\n"));
            case "-print0" -> action(c -> print(c.shown() + "\0"));
            case "-true" -> c -> true;
            case "-false" -> c -> false;
            case "-depth" -> {
                depthFirst = true;
                yield c -> true;
            }
            case "-xdev", "-noleaf" -> c -> true;
            case "-prune" ->
                c -> {
                    pruned = c.stat().isDirectory() && !depthFirst;
                    return true;
                };
            case "-empty" -> c -> empty(c);
            case "-delete" -> {
                depthFirst = true;
                hasAction = true;
                yield c -> delete(c);
            }
            case "-name", "-iname" -> nameTest(argument(token), token.equals("-iname"), false);
            case "-path", "-ipath", "-wholename", "-iwholename" ->
                nameTest(argument(token), token.startsWith("-i"), true);
            case "-type" -> typeTest(argument(token));
            case "-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin" -> timeTest(token, argument(token));
            case "-newer" -> newerTest(argument(token));
            case "-size" -> {
                String value = argument(token);
                yield c -> compare(c.stat().size(), value.endsWith("c") ? 1 : 512, value.replaceAll("c$", ""), true);
            }
            case "-maxdepth" -> {
                maxDepth = Integer.parseInt(argument(token));
                yield c -> true;
            }
            case "-mindepth" -> {
                minDepth = Integer.parseInt(argument(token));
                yield c -> true;
            }
            case "-printf" -> {
                if (context.device().apiLevel() < Find.PRINTF_API) {
                    throw new IllegalArgumentException("bad arg '-printf'");
                }
                String format = argument(token);
                yield action(
                        c -> print(FindPrintf.format(format, c, context.device().timeZone())));
            }
            case "-exec", "-execdir", "-ok", "-okdir" -> exec(token);
            default -> throw new IllegalArgumentException("bad arg '" + token + "'");
        };
    }

    private Node action(Node body) {
        hasAction = true;
        return body;
    }

    private Node exec(String token) {
        int start = pos;
        int end = start;
        boolean batch = false;
        while (end < tokens.size() && !tokens.get(end).equals(";")) {
            if (tokens.get(end).equals("{}")
                    && end + 1 < tokens.size()
                    && tokens.get(end + 1).equals("+")) {
                batch = true;
                break;
            }
            end++;
        }
        if (start == end || end >= tokens.size()) {
            throw new IllegalArgumentException(
                    start == end
                            ? "'" + token.substring(1) + "' needs 1 arg"
                            : "-exec without " + (tokens.subList(start, end).contains("{}") ? "\\;" : "{}"));
        }
        FindExec exec =
                new FindExec(context, tokens.subList(start, batch ? end + 1 : end), batch, token.contains("dir"));
        pos = batch ? end + 2 : end + 1;
        hasAction = true;
        if (batch) {
            execs.add(exec);
        }
        return exec::accept;
    }

    private String argument(String token) {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("'" + token + "' needs 1 arg");
        }
        return tokens.get(pos++);
    }

    private Node nameTest(String pattern, boolean ignoreCase, boolean wholePath) {
        String effective = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        return c -> {
            String subject = wholePath ? c.shown() : lastComponent(c.shown());
            return Fnmatch.matches(effective, ignoreCase ? subject.toLowerCase(Locale.ROOT) : subject);
        };
    }

    private static String lastComponent(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 || trimmed.equals("/") ? trimmed : trimmed.substring(slash + 1);
    }

    private static Node typeTest(String type) {
        FileType wanted =
                switch (type) {
                    case "f" -> FileType.REGULAR;
                    case "d" -> FileType.DIRECTORY;
                    case "l" -> FileType.SYMLINK;
                    case "b", "c", "p", "s" -> null;
                    default -> throw new IllegalArgumentException("bad -type '" + type + "'");
                };
        return c -> c.stat().type() == wanted;
    }

    /** find.c: the age in seconds against N units, "+N" older, "-N" newer, plain N exactly N units (0.8.x). */
    private Node timeTest(String token, String value) {
        long units = token.endsWith("min") ? 60 : 86400;
        String digits = value;
        if (!digits.isEmpty() && "dhms".indexOf(Character.toLowerCase(digits.charAt(digits.length() - 1))) >= 0) {
            units = switch (Character.toLowerCase(digits.charAt(digits.length() - 1))) {
                case 'd' -> 86400;
                case 'h' -> 3600;
                case 'm' -> 60;
                default -> 1;
            };
            digits = digits.substring(0, digits.length() - 1);
        }
        long unit = units;
        String number = digits;
        compare(0, unit, number, false);
        return c -> {
            Instant time =
                    switch (token.charAt(1)) {
                        case 'a' -> c.stat().accessed();
                        case 'c' -> c.stat().changed();
                        default -> c.stat().modified();
                    };
            return compare(now.getEpochSecond() - time.getEpochSecond(), unit, number, false);
        };
    }

    private static boolean compare(long value, long units, String text, boolean roundUp) {
        char sign = text.isEmpty() ? 0 : text.charAt(0);
        String digits = sign == '+' || sign == '-' ? text.substring(1) : text;
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException(text + " not [+-]N");
        }
        long wanted = Long.parseLong(digits) * units;
        long actual = roundUp ? (value + units - 1) / units * units : value;
        return sign == '+' ? actual > wanted : sign == '-' ? actual < wanted : actual == wanted;
    }

    private Node newerTest(String reference) {
        FileStat stat;
        try {
            stat = context.fileSystem().stat(context.resolve(reference));
        } catch (PhoneFileException e) {
            throw new IllegalArgumentException(
                    "'" + reference + "': " + e.errno().text());
        }
        Instant threshold = stat.modified();
        return c -> c.stat().modified().isAfter(threshold);
    }

    private boolean empty(Candidate c) throws IOException {
        if (c.stat().isDirectory()) {
            return context.fileSystem().list(c.absolute()).isEmpty();
        }
        return c.stat().isRegularFile() && c.stat().size() == 0;
    }

    private boolean delete(Candidate c) throws IOException {
        try {
            context.fileSystem().delete(c.absolute());
            return true;
        } catch (PhoneFileException e) {
            return false;
        }
    }

    private boolean print(String text) throws IOException {
        context.out(text);
        return true;
    }

    private String peek() {
        return tokens.get(pos);
    }
}

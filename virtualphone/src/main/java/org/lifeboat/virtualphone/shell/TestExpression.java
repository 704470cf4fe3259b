package org.lifeboat.virtualphone.shell;

import java.io.IOException;
import java.util.List;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.fs.PhonePaths;

/** mksh's {@code test} / {@code [}: the unary file and string tests and binary comparisons scripts use, with '!'. */
final class TestExpression {
    private TestExpression() {}

    static int evaluate(List<String> args, Session session, PhoneFileSystem fs, Streams io) throws IOException {
        try {
            return holds(args, session, fs) ? 0 : 1;
        } catch (IllegalArgumentException e) {
            Interpreter.write(io.err(), Interpreter.SHELL_NAME + ": test: " + e.getMessage() + "\n");
            return 2;
        }
    }

    private static boolean holds(List<String> args, Session session, PhoneFileSystem fs) {
        if (!args.isEmpty() && args.get(0).equals("!")) {
            return !holds(args.subList(1, args.size()), session, fs);
        }
        return switch (args.size()) {
            case 0 -> false;
            case 1 -> !args.get(0).isEmpty();
            case 2 -> unary(args.get(0), args.get(1), session, fs);
            case 3 -> binary(args.get(0), args.get(1), args.get(2));
            default -> throw new IllegalArgumentException(args.get(3) + ": unexpected operator/operand");
        };
    }

    private static boolean unary(String op, String operand, Session session, PhoneFileSystem fs) {
        if (op.equals("-z")) {
            return operand.isEmpty();
        }
        if (op.equals("-n")) {
            return !operand.isEmpty();
        }
        String path = PhonePaths.absolute(session.workingDirectory(), operand);
        FileStat stat;
        try {
            stat = op.equals("-L") || op.equals("-h") ? fs.lstat(path) : fs.stat(path);
        } catch (PhoneFileException e) {
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
        return switch (op) {
            case "-e", "-r", "-w" -> true;
            case "-f" -> stat.isRegularFile();
            case "-d" -> stat.isDirectory();
            case "-L", "-h" -> stat.isSymlink();
            case "-s" -> stat.size() > 0;
            case "-x" -> (stat.permissions() & 0111) != 0;
            default -> throw new IllegalArgumentException(op + ": unexpected operator");
        };
    }

    private static boolean binary(String left, String op, String right) {
        return switch (op) {
            case "=", "==" -> left.equals(right);
            case "!=" -> !left.equals(right);
            case "-eq" -> number(left) == number(right);
            case "-ne" -> number(left) != number(right);
            case "-lt" -> number(left) < number(right);
            case "-le" -> number(left) <= number(right);
            case "-gt" -> number(left) > number(right);
            case "-ge" -> number(left) >= number(right);
            default -> throw new IllegalArgumentException(op + ": unexpected operator");
        };
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text + ": bad number");
        }
    }
}

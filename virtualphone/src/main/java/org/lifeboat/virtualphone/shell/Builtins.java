package org.lifeboat.virtualphone.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.fs.PhonePaths;

/** mksh's built-in commands that scripts from adb clients use; they act on the shell's own state. */
final class Builtins {
    /** A built-in: runs inside the shell, so it can change the directory or end the shell. */
    @FunctionalInterface
    interface Builtin {
        int run(List<String> args, Streams io, Session session) throws IOException;
    }

    private final Interpreter interpreter;
    private final PhoneFileSystem fileSystem;
    private final Map<String, Builtin> table;

    Builtins(Interpreter interpreter, PhoneFileSystem fileSystem) {
        this.interpreter = interpreter;
        this.fileSystem = fileSystem;
        this.table = Map.ofEntries(
                Map.entry(":", (args, io, session) -> 0),
                Map.entry("true", (args, io, session) -> 0),
                Map.entry("false", (args, io, session) -> 1),
                Map.entry("echo", this::echo),
                Map.entry("cd", this::cd),
                Map.entry("pwd", (args, io, session) -> print(io, session.workingDirectory() + "\n")),
                Map.entry("exit", this::exit),
                Map.entry("export", this::export),
                Map.entry("unset", (args, io, session) -> {
                    args.forEach(session::unset);
                    return 0;
                }),
                Map.entry("test", (args, io, session) -> TestExpression.evaluate(args, session, fileSystem, io)),
                Map.entry("[", this::bracketTest),
                Map.entry("sh", this::sh),
                Map.entry("eval", interpreter::eval),
                Map.entry("command", this::command));
    }

    Optional<Builtin> find(String name) {
        return Optional.ofNullable(table.get(name));
    }

    /**
     * mksh's echo interprets backslash escapes by default ("-e ... a no-op, since this is normally done", mksh(1));
     * {@code -n} drops the newline, {@code -E} turns escapes off and {@code \c} stops output.
     */
    private int echo(List<String> args, Streams io, Session session) throws IOException {
        boolean newline = true;
        boolean escapes = true;
        int first = 0;
        while (first < args.size() && args.get(first).matches("-[neE]+")) {
            for (char flag : args.get(first).substring(1).toCharArray()) {
                switch (flag) {
                    case 'n' -> newline = false;
                    case 'e' -> escapes = true;
                    default -> escapes = false;
                }
            }
            first++;
        }
        String text = String.join(" ", args.subList(first, args.size()));
        StringBuilder out = new StringBuilder();
        boolean stopped = escapes && Escapes.decode(text, out);
        if (!escapes) {
            out.setLength(0);
            out.append(text);
        }
        if (newline && !stopped) {
            out.append('\n');
        }
        return print(io, out.toString());
    }

    private int cd(List<String> args, Streams io, Session session) throws IOException {
        String target = args.isEmpty() ? session.parameter("HOME") : args.get(0);
        if (target.isEmpty()) {
            target = "/";
        }
        if (target.equals("-")) {
            target = session.parameter("OLDPWD");
        }
        String logical = normalize(PhonePaths.absolute(session.workingDirectory(), target));
        try {
            if (!fileSystem.stat(logical).isDirectory()) {
                return error(io, "cd: " + target + ": Not a directory");
            }
        } catch (PhoneFileException e) {
            return error(io, "cd: " + target + ": " + e.errno().text());
        }
        session.set("OLDPWD", session.workingDirectory());
        session.changeDirectory(logical);
        return 0;
    }

    private int exit(List<String> args, Streams io, Session session) throws IOException {
        if (args.isEmpty()) {
            throw new Interpreter.ExitRequest(session.lastStatus());
        }
        try {
            throw new Interpreter.ExitRequest(Integer.parseInt(args.get(0)));
        } catch (NumberFormatException e) {
            return error(io, "exit: " + args.get(0) + ": bad number");
        }
    }

    private int export(List<String> args, Streams io, Session session) {
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals > 0) {
                session.set(arg.substring(0, equals), arg.substring(equals + 1));
                session.export(arg.substring(0, equals));
            } else {
                session.export(arg);
            }
        }
        return 0;
    }

    private int bracketTest(List<String> args, Streams io, Session session) throws IOException {
        if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
            return error(io, "[: missing ]");
        }
        return TestExpression.evaluate(args.subList(0, args.size() - 1), session, fileSystem, io);
    }

    /** {@code sh -c SCRIPT [NAME ARGS...]}, {@code sh FILE [ARGS...]}, or {@code sh} reading the script on stdin. */
    private int sh(List<String> args, Streams io, Session session) throws IOException {
        Map<String, String> env = session.environment(Map.of());
        if (!args.isEmpty() && args.get(0).equals("-c")) {
            if (args.size() < 2) {
                return error(io, "-c: option requires an argument");
            }
            List<String> rest = args.subList(2, args.size());
            return interpreter.runChildScript(args.get(1), rest, io, session.workingDirectory(), env);
        }
        if (args.isEmpty()) {
            // Commands on stdin run as they arrive: a client may keep one sh open and feed it command after command.
            return interpreter.runChildInput(io, session.workingDirectory(), env);
        }
        String script;
        String path = PhonePaths.absolute(session.workingDirectory(), args.get(0));
        try (InputStream in = fileSystem.openRead(path)) {
            script = ShellBytes.decode(in.readAllBytes());
        } catch (PhoneFileException e) {
            error(io, args.get(0) + ": can't open: " + e.errno().text());
            return 127;
        }
        List<String> positional = new ArrayList<>(args.subList(1, args.size()));
        return interpreter.runChildScript(script, positional, io, session.workingDirectory(), env);
    }

    /** {@code command -v NAME}: where a program would be found. */
    private int command(List<String> args, Streams io, Session session) throws IOException {
        if (args.size() == 2 && args.get(0).equals("-v")) {
            String name = args.get(1);
            if (find(name).isPresent()) {
                return print(io, name + "\n");
            }
            return interpreter.isKnownProgram(name) ? print(io, "/system/bin/" + PhonePaths.name(name) + "\n") : 1;
        }
        if (args.isEmpty()) {
            return 0;
        }
        return interpreter.invoke(args, io, session, Map.of());
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : PhonePaths.components(path)) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.equals(".")) {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static int print(Streams io, String text) throws IOException {
        Interpreter.write(io.out(), text);
        return 0;
    }

    private static int error(Streams io, String message) throws IOException {
        Interpreter.write(io.err(), Interpreter.SHELL_NAME + ": " + message + "\n");
        return 1;
    }
}

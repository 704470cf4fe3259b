package org.lifeboat.virtualphone.shell;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lifeboat.virtualphone.device.VirtualDevice;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.pipe.BrokenPipeException;
import org.lifeboat.virtualphone.pipe.Pipe;
import org.lifeboat.virtualphone.shell.Syntax.AndOr;
import org.lifeboat.virtualphone.shell.Syntax.BraceGroup;
import org.lifeboat.virtualphone.shell.Syntax.Command;
import org.lifeboat.virtualphone.shell.Syntax.Link;
import org.lifeboat.virtualphone.shell.Syntax.Pipeline;
import org.lifeboat.virtualphone.shell.Syntax.Script;
import org.lifeboat.virtualphone.shell.Syntax.SimpleCommand;
import org.lifeboat.virtualphone.shell.Syntax.Subshell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs parsed scripts against the device's commands. It has no way to start a host process. */
final class Interpreter {
    /** mksh prefixes its own diagnostics with its argv[0], which adbd's {@code sh -c} sets to this. */
    static final String SHELL_NAME = "/system/bin/sh";

    private static final Logger LOG = LoggerFactory.getLogger(Interpreter.class);
    private static final Set<String> BIN_DIRECTORIES =
            Set.of("/system/bin", "/system/xbin", "/bin", "/vendor/bin", "/product/bin", "/system_ext/bin");

    private final VirtualDevice device;
    private final CommandRegistry registry;
    private final Builtins builtins;
    private final Redirections redirections;

    Interpreter(VirtualDevice device, CommandRegistry registry) {
        this.device = device;
        this.registry = registry;
        this.builtins = new Builtins(this, device.fileSystem());
        this.redirections = new Redirections(device.fileSystem());
    }

    VirtualDevice device() {
        return device;
    }

    CommandRegistry registry() {
        return registry;
    }

    /** Parses and runs a whole script; a syntax error runs nothing, as with {@code sh -c}. */
    int runScript(String script, Session session, Streams io) throws IOException {
        Script parsed;
        try {
            parsed = Parser.parse(script);
        } catch (ShellSyntaxException e) {
            write(io.err(), SHELL_NAME + ": " + e.getMessage() + "\n");
            session.setLastStatus(1);
            return 1;
        }
        try {
            list(parsed, session, io);
        } catch (ExitRequest exit) {
            session.setLastStatus(exit.status);
            session.markExited();
        }
        return session.lastStatus();
    }

    /**
     * Runs commands as they arrive on {@code io.in()}, a line at a time, until end of input or {@code exit}. Commands
     * see the rest of the input as their stdin, which is why mksh reads a pipe unbuffered (shf.c, SHF_UNBUF when the
     * input cannot seek) and why clients put {@code </dev/null} on every command. Output is flushed after each
     * command so a client waiting for it is never stuck behind a buffer.
     *
     * @param prompt printed before each line, or null for none
     * @param interactive whether a syntax error only discards the line; a non-interactive shell exits with 1 on
     *     it (main.c, shell(): LSHELL unwinds unless FTALKING)
     */
    int runInput(Session session, Streams io, Supplier<String> prompt, boolean interactive) throws IOException {
        StringBuilder pending = new StringBuilder();
        while (true) {
            if (prompt != null) {
                write(io.out(), prompt.get());
                io.out().flush();
            }
            String line = readLine(io.in());
            if (line == null) {
                return session.lastStatus();
            }
            pending.append(line).append('\n');
            String script = pending.toString();
            Script parsed;
            try {
                parsed = Parser.parse(script);
            } catch (ShellSyntaxException e) {
                if (e.incomplete()) {
                    continue;
                }
                pending.setLength(0);
                write(io.err(), SHELL_NAME + ": " + e.getMessage() + "\n");
                io.err().flush();
                session.setLastStatus(1);
                if (interactive) {
                    continue;
                }
                return 1;
            }
            pending.setLength(0);
            try {
                list(parsed, session, io);
            } catch (ExitRequest exit) {
                session.setLastStatus(exit.status);
                session.markExited();
            }
            io.out().flush();
            io.err().flush();
            if (session.exited()) {
                return session.lastStatus();
            }
        }
    }

    /** One line without its newline, read a byte at a time so the bytes after it stay in {@code in}. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        return ShellBytes.decode(line.toByteArray());
    }

    /**
     * {@code eval ARGS...}: the arguments joined by spaces, parsed and run in this shell, so {@code cd} and variables
     * stick. A syntax error there is fatal to a non-interactive shell (a subshell around the eval contains it).
     */
    int eval(List<String> args, Streams io, Session session) throws IOException {
        Script parsed;
        try {
            parsed = Parser.parse(String.join(" ", args));
        } catch (ShellSyntaxException e) {
            write(io.err(), SHELL_NAME + ": eval: " + e.getMessage() + "\n");
            throw new ExitRequest(1);
        }
        // eval with nothing to run returns 0, not the previous $? (SUSv4 2.14.5; funcs.c do_evalcmd).
        return parsed.items().isEmpty() ? 0 : list(parsed, session, io);
    }

    private int list(Script script, Session session, Streams io) throws IOException {
        for (AndOr item : script.items()) {
            session.setLastStatus(andOr(item, session, io));
        }
        return session.lastStatus();
    }

    int runArgv(List<String> argv, Streams io, String workingDirectory, Map<String, String> environment)
            throws IOException {
        Session session = new Session(workingDirectory, environment, List.of(SHELL_NAME));
        try {
            return invoke(argv, io, session, Map.of());
        } catch (ExitRequest exit) {
            return exit.status;
        }
    }

    int runChildScript(
            String script,
            List<String> positional,
            Streams io,
            String workingDirectory,
            Map<String, String> environment)
            throws IOException {
        List<String> parameters = new ArrayList<>();
        parameters.add(SHELL_NAME);
        parameters.addAll(positional);
        return runScript(script, new Session(workingDirectory, environment, parameters), io);
    }

    /** {@code sh} with no arguments: a non-interactive child shell reading its commands from stdin. */
    int runChildInput(Streams io, String workingDirectory, Map<String, String> environment) throws IOException {
        return runInput(new Session(workingDirectory, environment, List.of(SHELL_NAME)), io, null, false);
    }

    private int andOr(AndOr item, Session session, Streams io) throws IOException {
        int status = pipeline(item.first(), session, io);
        for (Link link : item.rest()) {
            session.setLastStatus(status);
            if (link.and() == (status == 0)) {
                status = pipeline(link.pipeline(), session, io);
            }
        }
        return status;
    }

    private int pipeline(Pipeline pipeline, Session session, Streams io) throws IOException {
        List<Command> commands = pipeline.commands();
        if (commands.size() == 1) {
            return command(commands.get(0), session, io);
        }
        int[] statuses = new int[commands.size()];
        List<Thread> stages = new ArrayList<>();
        InputStream in = io.in();
        for (int i = 0; i < commands.size() - 1; i++) {
            Pipe pipe = new Pipe();
            int index = i;
            InputStream stageIn = in;
            Streams stageIo = new Streams(stageIn, pipe.output(), io.err());
            Session stageSession = session.copy();
            stages.add(Thread.ofVirtual().name("vphone-pipe-" + i).start(() -> {
                try {
                    statuses[index] = pipelineStage(commands.get(index), stageSession, stageIo);
                } finally {
                    closeQuietly(pipe.output());
                    if (index > 0) {
                        closeQuietly(stageIn);
                    }
                }
            }));
            in = pipe.input();
        }
        try {
            statuses[commands.size() - 1] =
                    command(commands.get(commands.size() - 1), session, new Streams(in, io.out(), io.err()));
        } finally {
            in.close();
            for (Thread stage : stages) {
                joinUninterruptibly(stage);
            }
        }
        return statuses[commands.size() - 1];
    }

    /** A pipeline stage other than the last: its exit ends only itself, and failures never escape the thread. */
    private int pipelineStage(Command command, Session session, Streams io) {
        try {
            return command(command, session, io);
        } catch (ExitRequest exit) {
            return exit.status;
        } catch (IOException e) {
            return 1;
        }
    }

    private int command(Command command, Session session, Streams io) throws IOException {
        return switch (command) {
            case SimpleCommand simple -> simple(simple, session, io);
            case Subshell subshell ->
                redirections.around(
                        subshell.redirections(), session, io, inner -> subshell(subshell.body(), session, inner));
            case BraceGroup group ->
                redirections.around(group.redirections(), session, io, inner -> list(group.body(), session, inner));
        };
    }

    /**
     * {@code ( list )}: runs in a copy of the shell (mksh forks for it, exec.c TPAREN), so {@code cd}, assignments and
     * {@code exit} inside change nothing outside; its status is that of its last command or its exit.
     */
    private int subshell(Script body, Session session, Streams io) throws IOException {
        try {
            return list(body, session.copy(), io);
        } catch (ExitRequest exit) {
            return exit.status;
        }
    }

    private int simple(SimpleCommand command, Session session, Streams io) throws IOException {
        Expander expander = new Expander(session, device.fileSystem());
        List<String> argv = expander.expand(command.words());
        Map<String, String> assignments = new HashMap<>();
        command.assignments().forEach(a -> assignments.put(a.name(), expander.expandToString(a.value())));
        return redirections.around(command.redirections(), session, io, redirected -> {
            if (argv.isEmpty()) {
                assignments.forEach(session::set);
                return 0;
            }
            return invoke(argv, redirected, session, assignments);
        });
    }

    int invoke(List<String> argv, Streams io, Session session, Map<String, String> assignments) throws IOException {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        Optional<Builtins.Builtin> builtin = builtins.find(name);
        if (builtin.isPresent()) {
            return builtin.get().run(args, io, session) & 0xff;
        }
        Optional<ShellCommand> command = programName(name).flatMap(registry::command);
        if (command.isEmpty()) {
            // mksh's exec.c reports a failed PATH search as "%s: inaccessible or not found", status 127.
            write(io.err(), SHELL_NAME + ": " + name + ": inaccessible or not found\n");
            return 127;
        }
        CommandContext context = new CommandContext(
                programName(name).orElseThrow(),
                args,
                io,
                session.environment(assignments),
                session.workingDirectory(),
                device,
                this);
        try {
            return command.get().run(context) & 0xff;
        } catch (BrokenPipeException e) {
            // The reader went away: a real process dies of SIGPIPE, which the shell reports as 128+13.
            return 141;
        } catch (PhoneFileException e) {
            write(io.err(), context.name() + ": " + e.getMessage() + "\n");
            return 1;
        } catch (RuntimeException e) {
            LOG.warn("command '{}' failed inside the virtual phone", String.join(" ", argv), e);
            write(io.err(), context.name() + ": internal error: " + e.getMessage() + "\n");
            return 1;
        }
    }

    /** The program a command word names: a bare name, or a path in one of the bin directories. */
    Optional<String> programName(String word) {
        if (!word.contains("/")) {
            return Optional.of(word);
        }
        return BIN_DIRECTORIES.contains(PhonePaths.parent(word))
                ? Optional.of(PhonePaths.name(word))
                : Optional.empty();
    }

    boolean isKnownProgram(String name) {
        return builtins.find(name).isPresent()
                || programName(name).flatMap(registry::command).isPresent();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(ShellBytes.encode(text));
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("closing a pipe failed", e);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code exit N}: unwinds the current shell. */
    static final class ExitRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        ExitRequest(int status) {
            super(null, null, false, false);
            this.status = status & 0xff;
        }
    }
}

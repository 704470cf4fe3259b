package org.lifeboat.virtualphone.shell;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lifeboat.virtualphone.device.VirtualDevice;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.shell.Syntax.AndOr;
import org.lifeboat.virtualphone.shell.Syntax.Link;
import org.lifeboat.virtualphone.shell.Syntax.Pipeline;
import org.lifeboat.virtualphone.shell.Syntax.Redirection;
import org.lifeboat.virtualphone.shell.Syntax.Script;
import org.lifeboat.virtualphone.shell.Syntax.SimpleCommand;
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

    Interpreter(VirtualDevice device, CommandRegistry registry) {
        this.device = device;
        this.registry = registry;
        this.builtins = new Builtins(this, device.fileSystem());
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
            for (AndOr item : parsed.items()) {
                session.setLastStatus(andOr(item, session, io));
            }
        } catch (ExitRequest exit) {
            session.setLastStatus(exit.status);
            session.markExited();
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
        List<SimpleCommand> commands = pipeline.commands();
        if (commands.size() == 1) {
            return simple(commands.get(0), session, io);
        }
        int[] statuses = new int[commands.size()];
        List<Thread> stages = new ArrayList<>();
        InputStream in = io.in();
        for (int i = 0; i < commands.size() - 1; i++) {
            Pipe pipe = new Pipe();
            int index = i;
            InputStream stageIn = in;
            Streams stageIo = new Streams(stageIn, pipe.output, io.err());
            Session stageSession = session.copy();
            stages.add(Thread.ofVirtual().name("vphone-pipe-" + i).start(() -> {
                try {
                    statuses[index] = subshell(commands.get(index), stageSession, stageIo);
                } finally {
                    closeQuietly(pipe.output);
                    if (index > 0) {
                        closeQuietly(stageIn);
                    }
                }
            }));
            in = pipe.input;
        }
        try {
            statuses[commands.size() - 1] =
                    simple(commands.get(commands.size() - 1), session, new Streams(in, io.out(), io.err()));
        } finally {
            in.close();
            for (Thread stage : stages) {
                joinUninterruptibly(stage);
            }
        }
        return statuses[commands.size() - 1];
    }

    /** A pipeline stage other than the last: its exit ends only itself, and failures never escape the thread. */
    private int subshell(SimpleCommand command, Session session, Streams io) {
        try {
            return simple(command, session, io);
        } catch (ExitRequest exit) {
            return exit.status;
        } catch (IOException e) {
            return 1;
        }
    }

    private int simple(SimpleCommand command, Session session, Streams io) throws IOException {
        Expander expander = new Expander(session, device.fileSystem());
        List<String> argv = expander.expand(command.words());
        Map<String, String> assignments = new HashMap<>();
        command.assignments().forEach(a -> assignments.put(a.name(), expander.expandToString(a.value())));
        List<Closeable> opened = new ArrayList<>();
        try {
            Streams redirected;
            try {
                redirected = redirect(command.redirections(), io, expander, session, opened);
            } catch (RedirectionException e) {
                write(io.err(), SHELL_NAME + ": " + e.getMessage() + "\n");
                return 1;
            }
            if (argv.isEmpty()) {
                assignments.forEach(session::set);
                return 0;
            }
            return invoke(argv, redirected, session, assignments);
        } finally {
            for (Closeable stream : opened) {
                stream.close();
            }
        }
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
        } catch (Pipe.BrokenPipeException e) {
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

    private Streams redirect(
            List<Redirection> redirections, Streams io, Expander expander, Session session, List<Closeable> opened)
            throws RedirectionException, IOException {
        Object[] fds = {io.in(), io.out(), io.err()};
        for (Redirection redirection : redirections) {
            String target = expander.expandToString(redirection.target());
            int fd = redirection.fd();
            Object stream =
                    switch (redirection.kind()) {
                        case READ -> openInput(target, session, opened);
                        case WRITE, APPEND ->
                            openOutput(target, redirection.kind() == Syntax.RedirectKind.APPEND, session, opened);
                        case DUPLICATE -> duplicate(target, fds);
                    };
            if (fd <= 2) {
                fds[fd] = stream;
            }
        }
        return new Streams(asInput(fds[0]), asOutput(fds[1]), asOutput(fds[2]));
    }

    private InputStream openInput(String target, Session session, List<Closeable> opened) throws RedirectionException {
        if (target.equals("/dev/null")) {
            return InputStream.nullInputStream();
        }
        try {
            InputStream in = device.fileSystem().openRead(PhonePaths.absolute(session.workingDirectory(), target));
            opened.add(in);
            return in;
        } catch (PhoneFileException e) {
            throw new RedirectionException(
                    "can't open " + target + ": " + e.errno().text());
        }
    }

    private OutputStream openOutput(String target, boolean append, Session session, List<Closeable> opened)
            throws RedirectionException {
        if (target.equals("/dev/null")) {
            return OutputStream.nullOutputStream();
        }
        try {
            OutputStream out = new BufferedOutputStream(
                    device.fileSystem().openWrite(PhonePaths.absolute(session.workingDirectory(), target), append),
                    64 * 1024);
            opened.add(out);
            return out;
        } catch (PhoneFileException e) {
            throw new RedirectionException(
                    "can't create " + target + ": " + e.errno().text());
        }
    }

    private static Object duplicate(String target, Object[] fds) throws RedirectionException {
        if (target.equals("-")) {
            return OutputStream.nullOutputStream();
        }
        if (target.length() == 1 && target.charAt(0) >= '0' && target.charAt(0) <= '2') {
            return fds[target.charAt(0) - '0'];
        }
        throw new RedirectionException(target + ": bad file descriptor");
    }

    private static InputStream asInput(Object stream) {
        return stream instanceof InputStream in ? in : InputStream.nullInputStream();
    }

    private static OutputStream asOutput(Object stream) {
        return stream instanceof OutputStream out ? out : OutputStream.nullOutputStream();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
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

    private static final class RedirectionException extends Exception {
        private static final long serialVersionUID = 1L;

        RedirectionException(String message) {
            super(message);
        }
    }
}

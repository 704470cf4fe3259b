package org.lifeboat.virtualphone.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.device.VirtualDevice;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.fs.PhonePaths;

/** Everything one run of a {@link ShellCommand} sees: its arguments, streams, environment and device. */
public final class CommandContext {
    private final String name;
    private final List<String> args;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final Map<String, String> environment;
    private final String workingDirectory;
    private final VirtualDevice device;
    private final Interpreter interpreter;

    CommandContext(
            String name,
            List<String> args,
            Streams streams,
            Map<String, String> environment,
            String workingDirectory,
            VirtualDevice device,
            Interpreter interpreter) {
        this.name = name;
        this.args = List.copyOf(args);
        this.stdin = streams.in();
        this.stdout = streams.out();
        this.stderr = streams.err();
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.device = device;
        this.interpreter = interpreter;
    }

    /**
     * The same streams, directory and environment for another program with other arguments, as {@code cmd SERVICE}
     * hands its remaining arguments to the service.
     */
    public CommandContext forProgram(String programName, List<String> programArgs) {
        return new CommandContext(
                programName,
                programArgs,
                new Streams(stdin, stdout, stderr),
                environment,
                workingDirectory,
                device,
                interpreter);
    }

    /** The name the command was invoked by ({@code argv[0]} without a directory). */
    public String name() {
        return name;
    }

    /** The arguments after the name. */
    public List<String> args() {
        return args;
    }

    public InputStream stdin() {
        return stdin;
    }

    public OutputStream stdout() {
        return stdout;
    }

    public OutputStream stderr() {
        return stderr;
    }

    /** The exported variables (PATH, HOME, ...). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The shell's current directory, an absolute phone path. */
    public String workingDirectory() {
        return workingDirectory;
    }

    public VirtualDevice device() {
        return device;
    }

    public PhoneFileSystem fileSystem() {
        return device.fileSystem();
    }

    /** {@code path} made absolute against the working directory. */
    public String resolve(String path) {
        return PhonePaths.absolute(workingDirectory, path);
    }

    /** Writes text to stdout in UTF-8; raw bytes that came in through the shell go out unchanged. */
    public void out(String text) throws IOException {
        stdout.write(ShellBytes.encode(text));
    }

    /** Writes text to stderr in UTF-8; raw bytes that came in through the shell go out unchanged. */
    public void err(String text) throws IOException {
        stderr.write(ShellBytes.encode(text));
    }

    /**
     * Runs another program by argv, as {@code find -exec} and {@code xargs} do, in this command's directory and
     * environment, with the given streams.
     */
    public int runCommand(List<String> argv, InputStream in, OutputStream out, OutputStream err) throws IOException {
        return interpreter.runArgv(argv, new Streams(in, out, err), workingDirectory, environment);
    }

    /** Runs a whole shell script (as {@code sh -c} does) in a child shell that starts in this directory. */
    public int runScript(String script, List<String> positional, InputStream in, OutputStream out, OutputStream err)
            throws IOException {
        return interpreter.runChildScript(script, positional, new Streams(in, out, err), workingDirectory, environment);
    }
}

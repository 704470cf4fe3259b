package org.lifeboat.cli.repo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.lifeboat.cli.Main;

/** One lifeboat command run in-process against a repository: its exit code and everything it printed. */
record CommandOutcome(int exitCode, String out, String err) {
    /** Runs {@code args} with {@code -r repo --password-file passwordFile} appended. */
    static CommandOutcome run(Path repo, Path passwordFile, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = Stream.concat(
                        Stream.of(args), Stream.of("-r", repo.toString(), "--password-file", passwordFile.toString()))
                .toArray(String[]::new);
        int exitCode = Main.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandOutcome(exitCode, out.toString(), err.toString());
    }
}

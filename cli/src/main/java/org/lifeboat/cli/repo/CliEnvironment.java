package org.lifeboat.cli.repo;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the repository options read from the process: environment variables, the terminal, the platform.
 *
 * <p>A parameter rather than static calls so that tests can run commands with their own environment.
 *
 * @param prompt asks for a password on the terminal; empty when there is no interactive console
 */
public record CliEnvironment(Map<String, String> variables, Optional<PasswordPrompt> prompt, String osName, Path home) {
    /** Reads a password without echo; returns null at end of input. */
    @FunctionalInterface
    public interface PasswordPrompt {
        char[] readPassword(String prompt);
    }

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** This process's environment and console. */
    public static CliEnvironment system() {
        Console console = System.console();
        Optional<PasswordPrompt> prompt =
                console == null ? Optional.empty() : Optional.of(text -> console.readPassword("%s", text));
        return new CliEnvironment(
                System.getenv(),
                prompt,
                System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}

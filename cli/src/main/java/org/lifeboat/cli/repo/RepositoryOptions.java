package org.lifeboat.cli.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.Backend;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.lock.LockSettings;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.lock.Locker;
import org.lifeboat.repository.lock.RepositoryLock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The repository and password options every repository command shares; use with {@code @Mixin}.
 *
 * <p>Repository: {@code -r/--repo}, else {@code LIFEBOAT_REPOSITORY}, else a per-user default folder. Password:
 * {@code --password-file}, else {@code LIFEBOAT_PASSWORD_FILE}, else {@code LIFEBOAT_PASSWORD}, else a prompt on an
 * interactive terminal; with none of these the command fails with exit code 1.
 */
public final class RepositoryOptions {
    public static final String REPOSITORY_VARIABLE = "LIFEBOAT_REPOSITORY";
    public static final String PASSWORD_FILE_VARIABLE = "LIFEBOAT_PASSWORD_FILE";
    public static final String PASSWORD_VARIABLE = "LIFEBOAT_PASSWORD";

    @Option(
            names = {"-r", "--repo"},
            paramLabel = "PATH",
            description = "Repository folder (default: $" + REPOSITORY_VARIABLE
                    + ", else $XDG_DATA_HOME/lifeboat/repository or ~/.local/share/lifeboat/repository).")
    private Path repository;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Read the repository password from FILE (default: $" + PASSWORD_FILE_VARIABLE + ", $"
                    + PASSWORD_VARIABLE + ", else ask on the terminal).")
    private Path passwordFile;

    @Option(
            names = "--pack-size",
            paramLabel = "MiB",
            description = "Target size of new pack files in MiB, 4..128 (default: 16, as restic's).")
    private Integer packSizeMiB;

    /** Refreshes held locks; a daemon, so that it never keeps the process alive. */
    private static final ScheduledExecutorService LOCK_REFRESHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "lock-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private CliEnvironment environment = CliEnvironment.system();

    /** The command this mixin is part of; its root may hold the options given before the command's name. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    /** Replaces the process environment, for tests. */
    public RepositoryOptions withEnvironment(CliEnvironment testEnvironment) {
        this.environment = testEnvironment;
        return this;
    }

    public CliEnvironment environment() {
        return environment;
    }

    /** The repository folder chosen by option, variable or platform default. */
    public Path repositoryPath() {
        if (repository != null) {
            return repository;
        }
        Optional<Path> beforeCommand = optionBeforeCommand("--repo");
        if (beforeCommand.isPresent()) {
            return beforeCommand.get();
        }
        return environment.variable(REPOSITORY_VARIABLE).map(Path::of).orElseGet(this::defaultRepositoryPath);
    }

    private Path defaultRepositoryPath() {
        String os = environment.osName().toLowerCase(Locale.ROOT);
        Path home = environment.home();
        if (os.startsWith("windows")) {
            Path localAppData =
                    environment.variable("LOCALAPPDATA").map(Path::of).orElse(home.resolve("AppData/Local"));
            return localAppData.resolve("lifeboat").resolve("repository");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library/Application Support/lifeboat/repository");
        }
        // The XDG spec says to ignore a relative XDG_DATA_HOME.
        Path dataHome = environment
                .variable("XDG_DATA_HOME")
                .map(Path::of)
                .filter(Path::isAbsolute)
                .orElse(home.resolve(".local/share"));
        return dataHome.resolve("lifeboat").resolve("repository");
    }

    public Backend backend() {
        return new LocalBackend(repositoryPath());
    }

    /** Opens the repository with the configured password. */
    public Repository open() throws IOException {
        return open(password());
    }

    /** Opens the repository with {@code password}, for a command that had to ask for it early. */
    public Repository open(Password password) throws IOException {
        return Repository.open(backend(), password, settings());
    }

    /** A shared lock (backup, restore, listing), refreshed until closed. */
    public RepositoryLock lockShared(Repository repository) throws IOException {
        return locker(repository).lockShared();
    }

    /**
     * A shared lock, refreshed until closed, with {@code preparation} (reads only: the snapshot, the index) done while
     * the new lock settles instead of after ({@link Locker#lockShared(Locker.Preparation)}).
     */
    public <T> Locked<T> lockShared(Repository repository, Locker.Preparation<T> preparation) throws IOException {
        return locker(repository).lockShared(preparation);
    }

    /** An exclusive lock (prune, check, forget), refreshed until closed. */
    public RepositoryLock lockExclusive(Repository repository) throws IOException {
        return locker(repository).lockExclusive();
    }

    /** An exclusive lock, with {@code preparation} done while it settles. */
    public <T> Locked<T> lockExclusive(Repository repository, Locker.Preparation<T> preparation) throws IOException {
        return locker(repository).lockExclusive(preparation);
    }

    public Locker locker(Repository repository) {
        return new Locker(repository, LOCK_REFRESHER, LockSettings.RESTIC);
    }

    public RepositorySettings settings() {
        RepositorySettings defaults = RepositorySettings.defaults();
        if (packSizeMiB == null) {
            return defaults;
        }
        long bytes = packSizeMiB * 1024L * 1024L;
        if (bytes < RepositorySettings.MIN_PACK_SIZE || bytes > RepositorySettings.MAX_PACK_SIZE) {
            throw new UserFacingException(
                    ExitCode.USAGE,
                    "--pack-size is " + RepositorySettings.MIN_PACK_SIZE / (1024 * 1024) + ".."
                            + RepositorySettings.MAX_PACK_SIZE / (1024 * 1024) + " MiB, got " + packSizeMiB);
        }
        return defaults.withPackSize((int) bytes);
    }

    /** The password to open the repository with. */
    public Password password() {
        return fromFileOrEnvironment(passwordFile).orElseGet(() -> prompt("enter password for repository: ", false));
    }

    /** The password for a new repository ({@code init}): the usual sources, or a prompt that asks twice. */
    public Password newRepositoryPassword() {
        return fromFileOrEnvironment(passwordFile).orElseGet(() -> prompt("enter password for new repository: ", true));
    }

    /**
     * The password for an additional key ({@code key add}, {@code key passwd}): read from {@code newPasswordFile},
     * else asked twice on the terminal. Never taken from the variables, which hold the current password.
     */
    public Password newKeyPassword(Path newPasswordFile) {
        if (newPasswordFile != null) {
            return readPasswordFile(newPasswordFile);
        }
        if (environment.prompt().isEmpty()) {
            throw new UserFacingException(
                    ExitCode.FATAL, "give the new password with --new-password-file (there is no terminal to ask on)");
        }
        return prompt("enter new password: ", true);
    }

    private Optional<Password> fromFileOrEnvironment(Path optionFile) {
        if (optionFile != null) {
            return Optional.of(readPasswordFile(optionFile));
        }
        Optional<Path> beforeCommand = optionBeforeCommand("--password-file");
        if (beforeCommand.isPresent()) {
            return Optional.of(readPasswordFile(beforeCommand.get()));
        }
        Optional<String> file = environment.variable(PASSWORD_FILE_VARIABLE);
        if (file.isPresent()) {
            return Optional.of(readPasswordFile(Path.of(file.get())));
        }
        return environment.variable(PASSWORD_VARIABLE).map(Password::of);
    }

    /**
     * An option given before the command's name, restic's habit ({@code lifeboat -r PATH snapshots}); the same option
     * after the name wins.
     */
    private Optional<Path> optionBeforeCommand(String name) {
        if (mixee == null) {
            return Optional.empty(); // built by hand, not by picocli (tests, the demo)
        }
        OptionSpec option = mixee.root().findOption(name);
        return option == null ? Optional.empty() : Optional.ofNullable(option.<Path>getValue());
    }

    private static Password readPasswordFile(Path file) {
        try {
            // restic trims surrounding white space, so the same file works with both programs.
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new UserFacingException(ExitCode.FATAL, "the password file " + file + " is empty");
            }
            return Password.of(text);
        } catch (IOException e) {
            throw new UserFacingException(
                    ExitCode.FATAL, "cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    private Password prompt(String text, boolean twice) {
        CliEnvironment.PasswordPrompt prompt = environment
                .prompt()
                .orElseThrow(() -> new UserFacingException(
                        ExitCode.FATAL,
                        "no password given and no terminal to ask on: use --password-file, $" + PASSWORD_FILE_VARIABLE
                                + " or $" + PASSWORD_VARIABLE));
        Password first = read(prompt, text);
        if (twice && !first.sameAs(read(prompt, "enter the password again: "))) {
            throw new UserFacingException(ExitCode.FATAL, "the passwords do not match");
        }
        return first;
    }

    private static Password read(CliEnvironment.PasswordPrompt prompt, String text) {
        char[] entered = prompt.readPassword(text);
        if (entered == null || entered.length == 0) {
            throw new UserFacingException(ExitCode.FATAL, "no password entered");
        }
        return Password.of(entered);
    }
}

package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.crypto.ScryptParams;
import org.lifeboat.repository.key.KeyInfo;
import org.lifeboat.repository.key.KeyStore;
import org.lifeboat.repository.key.OpenedKey;
import org.lifeboat.repository.lock.RepositoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifeboat key list|add|remove|passwd}: several passwords for one repository. */
@Command(
        name = "key",
        description = "Manage the repository's passwords (key files).",
        mixinStandardHelpOptions = true,
        subcommands = {KeyCommand.List.class, KeyCommand.Add.class, KeyCommand.Remove.class, KeyCommand.Passwd.class})
public final class KeyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static KeyStore keyStore(Repository repository) {
        return new KeyStore(
                repository.backend(),
                repository.settings().random(),
                repository.settings().clock(),
                repository.settings().identity());
    }

    @Command(name = "list", description = "List the key files; * marks the one the password opened.")
    static final class List implements Callable<Integer> {
        private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        @Mixin
        RepositoryOptions repositoryOptions;

        @Spec
        CommandSpec spec;

        @Override
        @SuppressWarnings("try") // the lock is held for the duration of the block
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (Repository repository = repositoryOptions.open();
                    RepositoryLock lock = repositoryOptions.lockShared(repository)) {
                out.printf(" %-10s %-12s %-20s %s%n", "ID", "User", "Host", "Created");
                out.println("-".repeat(64));
                for (KeyInfo key : keyStore(repository).list()) {
                    out.printf(
                            "%s%-10s %-12s %-20s %s%n",
                            key.id().equals(repository.keyId()) ? "*" : " ",
                            key.id().toShortString(),
                            key.username(),
                            key.hostname(),
                            CREATED.format(key.created().atZone(ZoneId.systemDefault())));
                }
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add a password; the new key opens the same data.")
    static final class Add implements Callable<Integer> {
        @Mixin
        RepositoryOptions repositoryOptions;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new password from FILE.")
        Path newPasswordFile;

        @Spec
        CommandSpec spec;

        @Override
        @SuppressWarnings("try") // the lock is held for the duration of the block
        public Integer call() throws IOException {
            try (Repository repository = repositoryOptions.open();
                    RepositoryLock lock = repositoryOptions.lockShared(repository)) {
                var password = repositoryOptions.newKeyPassword(newPasswordFile);
                Id id = keyStore(repository).add(repository.masterKey(), password, calibrated());
                spec.commandLine().getOut().printf("saved new key as %s%n", id.toShortString());
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a key file by ID (or unique ID prefix).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        RepositoryOptions repositoryOptions;

        @Parameters(paramLabel = "ID", description = "The key to remove.")
        String keyId;

        @Spec
        CommandSpec spec;

        @Override
        @SuppressWarnings("try") // the lock is held for the duration of the block
        public Integer call() throws IOException {
            try (Repository repository = repositoryOptions.open();
                    RepositoryLock lock = repositoryOptions.lockExclusive(repository)) {
                KeyStore keys = keyStore(repository);
                Id id = resolve(keys, keyId);
                if (id.equals(repository.keyId())) {
                    throw new UserFacingException(
                            ExitCode.FATAL,
                            "key " + id.toShortString() + " is the one your password opened; refusing to remove it");
                }
                keys.remove(id);
                spec.commandLine().getOut().printf("removed key %s%n", id.toShortString());
            }
            return 0;
        }

        private static Id resolve(KeyStore keys, String prefix) throws IOException {
            java.util.List<Id> matches = keys.list().stream()
                    .map(KeyInfo::id)
                    .filter(id -> id.toString().startsWith(prefix.toLowerCase(java.util.Locale.ROOT)))
                    .toList();
            if (matches.size() != 1) {
                throw new UserFacingException(
                        ExitCode.FATAL,
                        matches.isEmpty()
                                ? "no key matches '" + prefix + "'"
                                : "'" + prefix + "' matches " + matches.size() + " keys; give more digits");
            }
            return matches.getFirst();
        }
    }

    @Command(name = "passwd", description = "Change the password: add a key for the new one, remove the old key.")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        RepositoryOptions repositoryOptions;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new password from FILE.")
        Path newPasswordFile;

        @Spec
        CommandSpec spec;

        @Override
        @SuppressWarnings("try") // the lock is held for the duration of the block
        public Integer call() throws IOException {
            try (Repository repository = repositoryOptions.open();
                    RepositoryLock lock = repositoryOptions.lockExclusive(repository)) {
                var password = repositoryOptions.newKeyPassword(newPasswordFile);
                Id id = keyStore(repository)
                        .changePassword(
                                new OpenedKey(repository.keyId(), repository.masterKey()), password, calibrated());
                spec.commandLine()
                        .getOut()
                        .printf("saved new key as %s; the old password no longer works%n", id.toShortString());
            }
            return 0;
        }
    }

    private static ScryptParams calibrated() {
        return ScryptParams.calibrate(InitCommand.KDF_TARGET, System::nanoTime);
    }
}

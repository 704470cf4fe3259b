package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.walker.TreeLoader;
import org.lifeboat.repository.walker.TreeWalker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifeboat dump SNAPSHOT PATH}: one file's bytes to standard output. */
@Command(
        name = "dump",
        description = "Write one file from a snapshot to standard output.",
        mixinStandardHelpOptions = true)
public final class DumpCommand implements Callable<Integer> {
    @Mixin
    RepositoryOptions repositoryOptions;

    @Mixin
    NoLockOption noLock;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "Snapshot ID, unique ID prefix, or 'latest'.")
    String snapshot;

    @Parameters(index = "1", paramLabel = "PATH", description = "The file's path in the snapshot.")
    String path;

    @Option(names = "--host", paramLabel = "HOST", description = "For 'latest': the latest snapshot of this host.")
    String host;

    @Spec
    CommandSpec spec;

    /** Raw bytes go to the process's standard output, not through picocli's character writer. */
    private PrintStream stdout = System.out;

    /** Replaces standard output, for tests. */
    public DumpCommand withOutput(PrintStream output) {
        this.stdout = output;
        return this;
    }

    @Override
    public Integer call() throws IOException {
        try (Repository repository = repositoryOptions.open();
                Locked<SnapshotAndIndex> locked = noLock.lockShared(
                        repositoryOptions,
                        repository,
                        () -> SnapshotAndIndex.load(
                                repository, snapshot, host, spec.commandLine().getErr()))) {
            SavedSnapshot saved = locked.prepared().snapshot();
            Node node = new TreeWalker(new TreeLoader(repository))
                    .find(saved.snapshot().tree(), LsCommand.parse(path))
                    .orElseThrow(() -> new UserFacingException(
                            ExitCode.FATAL,
                            "'" + path + "' is not in snapshot " + saved.id().toShortString()));
            if (node.type() != NodeType.FILE) {
                throw new UserFacingException(
                        ExitCode.FATAL,
                        "'" + path + "' is a " + node.type().jsonName() + ", not a file; dump takes a file");
            }
            write(repository, node, stdout);
        }
        return 0;
    }

    private static void write(Repository repository, Node node, OutputStream output) throws IOException {
        if (node.size() == 0) {
            return; // as restic restores it: size 0 means empty
        }
        for (Id id : node.content()) {
            output.write(repository.loadBlob(new BlobHandle(id, BlobType.DATA)));
        }
        output.flush();
    }
}

package org.lifeboat.cli.repo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.tree.FileMode;
import org.lifeboat.repository.tree.GoTime;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.walker.SnapshotPath;
import org.lifeboat.repository.walker.TreeLoader;
import org.lifeboat.repository.walker.TreeWalker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lifeboat ls SNAPSHOT [PATH]}: everything in a snapshot, or below one of its folders. */
@Command(name = "ls", description = "List the files in a snapshot.", mixinStandardHelpOptions = true)
public final class LsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin
    RepositoryOptions repositoryOptions;

    @Mixin
    NoLockOption noLock;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "Snapshot ID, unique ID prefix, or 'latest'.")
    String snapshot;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "Only list below this folder.")
    String path;

    @Option(names = "--host", paramLabel = "HOST", description = "For 'latest': the latest snapshot of this host.")
    String host;

    @Option(
            names = {"-l", "--long"},
            description = "Show mode, owner, size and time.")
    boolean longFormat;

    @Option(names = "--json", description = "Print one JSON object per line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        try (Repository repository = repositoryOptions.open();
                Locked<SnapshotAndIndex> locked = noLock.lockShared(
                        repositoryOptions,
                        repository,
                        () -> SnapshotAndIndex.load(
                                repository, snapshot, host, spec.commandLine().getErr()))) {
            SavedSnapshot saved = locked.prepared().snapshot();
            TreeWalker walker = new TreeWalker(new TreeLoader(repository));
            SnapshotPath start = path == null ? SnapshotPath.ROOT : parse(path);
            Id tree = saved.snapshot().tree();
            if (!start.isRoot()) {
                Node node = walker.find(tree, start)
                        .orElseThrow(() -> new UserFacingException(
                                ExitCode.FATAL,
                                "'" + path + "' is not in snapshot "
                                        + saved.id().toShortString()));
                print(out, mapper, start, node);
                if (node.type() != NodeType.DIR) {
                    return 0;
                }
                tree = node.subtree();
            }
            walker.walk(start, tree, (nodePath, node) -> print(out, mapper, nodePath, node));
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, ObjectMapper mapper, SnapshotPath path, Node node) {
        if (json) {
            ObjectNode line = mapper.createObjectNode()
                    .put("name", node.name().toStringLossy())
                    .put("type", node.type().jsonName())
                    .put("path", path.toString())
                    .put("uid", Integer.toUnsignedLong(node.uid()))
                    .put("gid", Integer.toUnsignedLong(node.gid()))
                    .put("size", node.size())
                    .put("mode", Integer.toUnsignedLong(node.mode().bits()))
                    .put("mtime", GoTime.format(node.mtime()))
                    .put("struct_type", "node");
            out.println(line);
        } else if (longFormat) {
            out.printf(
                    "%s %5s %5s %12d %s %s%s%n",
                    modeString(node),
                    owner(node.user(), node.uid()),
                    owner(node.group(), node.gid()),
                    node.size(),
                    TIME.format(node.mtime()),
                    path,
                    node.type() == NodeType.SYMLINK ? " -> " + node.linkTarget().toStringLossy() : "");
        } else {
            out.println(path);
        }
    }

    private static String owner(String name, int id) {
        return name.isEmpty() ? Integer.toUnsignedString(id) : name;
    }

    private static String modeString(Node node) {
        char type =
                switch (node.type()) {
                    case DIR -> 'd';
                    case SYMLINK -> 'L';
                    case DEV -> 'D';
                    case CHARDEV -> 'c';
                    case FIFO -> 'p';
                    case SOCKET -> 'S';
                    default -> '-';
                };
        int permissions = node.mode().bits() & FileMode.PERMISSIONS;
        StringBuilder text = new StringBuilder().append(type);
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            text.append((permissions & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return text.toString();
    }

    static SnapshotPath parse(String text) {
        try {
            return SnapshotPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
        }
    }
}

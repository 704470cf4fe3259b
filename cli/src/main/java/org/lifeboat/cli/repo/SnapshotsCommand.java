package org.lifeboat.cli.repo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.snapshot.Snapshot;
import org.lifeboat.repository.tree.GoTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifeboat snapshots}: lists snapshots, oldest first, like {@code restic snapshots}. */
@Command(name = "snapshots", description = "List snapshots.", mixinStandardHelpOptions = true)
public final class SnapshotsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin
    RepositoryOptions repositoryOptions;

    @Mixin
    NoLockOption noLock;

    @Option(names = "--host", paramLabel = "HOST", description = "Only snapshots of this host.")
    String host;

    @Option(
            names = "--tag",
            paramLabel = "TAG[,TAG...]",
            description = "Only snapshots with all these tags (repeatable: any).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--json", description = "Print a JSON array, as restic does.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<SavedSnapshot> snapshots;
        try (Repository repository = repositoryOptions.open();
                Locked<List<SavedSnapshot>> locked =
                        noLock.lockShared(repositoryOptions, repository, () -> SnapshotSelection.filter(host, tags)
                                .apply(SnapshotSelection.readable(
                                        repository, spec.commandLine().getErr())))) {
            snapshots = locked.prepared();
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (SavedSnapshot saved : snapshots) {
                Snapshot s = saved.snapshot();
                ObjectNode node = array.addObject()
                        .put("time", GoTime.format(s.time()))
                        .put("tree", s.tree().toString())
                        .put("hostname", s.hostname())
                        .put("username", s.username())
                        .put("id", saved.id().toString())
                        .put("short_id", saved.id().toShortString());
                if (s.parent() != null) {
                    node.put("parent", s.parent().toString());
                }
                s.paths().forEach(node.putArray("paths")::add);
                s.tags().forEach(node.putArray("tags")::add);
            }
            out.println(array);
        } else {
            out.printf("%-8s  %-19s  %-16s  %-20s  %s%n", "ID", "Time", "Host", "Tags", "Paths");
            out.println("-".repeat(79));
            for (SavedSnapshot saved : snapshots) {
                Snapshot s = saved.snapshot();
                out.printf(
                        "%-8s  %-19s  %-16s  %-20s  %s%n",
                        saved.id().toShortString(),
                        TIME.format(s.time()),
                        s.hostname(),
                        String.join(",", s.tags()),
                        String.join(", ", s.paths()));
            }
            out.println("-".repeat(79));
            out.println(snapshots.size() + " snapshot" + (snapshots.size() == 1 ? "" : "s"));
        }
        out.flush();
        return 0;
    }
}

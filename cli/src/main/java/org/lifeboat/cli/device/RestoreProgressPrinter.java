package org.lifeboat.cli.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.restore.RestoreType;
import org.lifeboat.backup.restore.PhoneRestoreProgress;
import org.lifeboat.backup.restore.TypeRestore;

/** Shows a running restore: each type as it starts and ends, as lines of text or JSON status lines. */
final class RestoreProgressPrinter implements PhoneRestoreProgress {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;
    private final boolean dryRun;
    private final InstantSource clock;
    private Instant typeStarted;

    RestoreProgressPrinter(PrintWriter out, boolean json, boolean dryRun, InstantSource clock) {
        this.out = out;
        this.json = json;
        this.dryRun = dryRun;
        this.clock = clock;
    }

    @Override
    public void starting(DataType type) {
        typeStarted = clock.instant();
        if (json) {
            out.println(JSON.createObjectNode()
                    .put("message_type", "status")
                    .put("phase", "restoring")
                    .put("type", type.folder()));
        } else {
            out.printf("%s %s…%n", dryRun ? "planning" : "restoring", type.folder());
        }
        out.flush();
    }

    @Override
    public void advanced(RestoreType type, int itemsDone, int itemsTotal, long bytesDone) {
        if (json && (itemsDone == itemsTotal || itemsDone % 100 == 0)) {
            out.println(JSON.createObjectNode()
                    .put("message_type", "status")
                    .put("phase", "restoring")
                    .put("type", type.name().toLowerCase(java.util.Locale.ROOT))
                    .put("items_done", itemsDone)
                    .put("total_items", itemsTotal)
                    .put("bytes_done", bytesDone));
            out.flush();
        }
    }

    @Override
    public void finished(TypeRestore result) {
        if (!json && result.inBackup()) {
            out.printf(
                    "  %s: %d %s, %d already there (%.1f s)%n",
                    result.type().folder(),
                    result.restored().size(),
                    dryRun ? "to restore" : "restored",
                    result.alreadyPresent().size(),
                    Duration.between(typeStarted, clock.instant()).toMillis() / 1000.0);
            out.flush();
        }
    }
}

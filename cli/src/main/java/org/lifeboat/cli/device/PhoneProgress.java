package org.lifeboat.cli.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.TypeReport;
import org.lifeboat.backup.BackupProgress;
import org.lifeboat.cli.Sizes;
import org.lifeboat.repository.archiver.BackupError;
import org.lifeboat.repository.archiver.FileStatus;

/**
 * Shows a running phone backup: the phase and each type as it is collected, then a status line with items, bytes/s
 * and ETA while files are stored; or the same as JSON lines with {@code --json}.
 */
final class PhoneProgress implements BackupProgress, AutoCloseable {
    enum Style {
        TERMINAL,
        JSON,
        QUIET;

        /** JSON lines when asked for, a live bar on a terminal, else nothing until the report. */
        static Style forOutput(boolean json) {
            return json ? JSON : System.console() != null ? TERMINAL : QUIET;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Style style;
    private final PrintWriter out;
    private final Clock clock;
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong itemsDone = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "phone-backup-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long totalBytes;
    private volatile long totalItems;
    private volatile Instant storingSince;

    PhoneProgress(Style style, PrintWriter out, Clock clock) {
        this.style = style;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void collecting(DataType type) {
        if (style == Style.JSON) {
            line(JSON.createObjectNode().put("phase", "collecting").put("type", type.folder()));
        } else if (style == Style.TERMINAL) {
            out.printf("collecting %s…%n", type.folder());
            out.flush();
        }
    }

    @Override
    public void collected(TypeReport report) {
        if (style == Style.JSON) {
            line(JSON.createObjectNode()
                    .put("phase", "collected")
                    .put("type", report.type().folder())
                    .put("found", report.found())
                    .put("bytes", report.bytes()));
        }
    }

    @Override
    public void storing(long bytes, long items) {
        totalBytes = bytes;
        totalItems = items;
        storingSince = clock.instant();
        if (style != Style.QUIET) {
            ticker.scheduleAtFixedRate(this::show, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public void bytesProcessed(long bytes) {
        bytesDone.addAndGet(bytes);
    }

    @Override
    public void fileDone(Path path, FileStatus status, long size) {
        itemsDone.incrementAndGet();
    }

    @Override
    public void error(BackupError error) {
        if (style == Style.TERMINAL) {
            out.printf("%ncould not read %s%n", error);
            out.flush();
        }
    }

    private synchronized void show() {
        Duration elapsed = Duration.between(storingSince, clock.instant());
        long done = bytesDone.get();
        double perSecond = elapsed.toMillis() == 0 ? 0 : done * 1000.0 / elapsed.toMillis();
        long remaining = Math.max(0, totalBytes - done);
        long etaSeconds = perSecond <= 0 ? -1 : (long) (remaining / perSecond);
        if (style == Style.JSON) {
            line(JSON.createObjectNode()
                    .put("phase", "storing")
                    .put("items_done", itemsDone.get())
                    .put("total_items", totalItems)
                    .put("bytes_done", done)
                    .put("total_bytes", totalBytes)
                    .put("bytes_per_second", (long) perSecond)
                    .put("seconds_remaining", etaSeconds));
            return;
        }
        out.printf(
                "\rstoring: %d/%d items, %s of %s, %s/s, ETA %s   ",
                itemsDone.get(),
                totalItems,
                Sizes.bytes(done),
                Sizes.bytes(totalBytes),
                Sizes.bytes((long) perSecond),
                etaSeconds < 0 ? "?" : String.format("%d:%02d", etaSeconds / 60, etaSeconds % 60));
        out.flush();
    }

    private void line(ObjectNode node) {
        synchronized (this) {
            out.println(node.put("message_type", "status"));
            out.flush();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (style == Style.TERMINAL && storingSince != null) {
            show();
            out.println();
            out.flush();
        }
    }
}

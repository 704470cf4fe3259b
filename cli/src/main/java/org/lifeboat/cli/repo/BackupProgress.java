package org.lifeboat.cli.repo;

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
import org.lifeboat.cli.Sizes;
import org.lifeboat.repository.archiver.BackupError;
import org.lifeboat.repository.archiver.BackupListener;
import org.lifeboat.repository.archiver.FileStatus;

/**
 * Shows a running backup: a one-line bar with percentage, bytes/s and ETA on a terminal, or restic-style
 * {@code "message_type":"status"} JSON lines with {@code --json}. Errors are printed as they happen.
 */
final class BackupProgress implements BackupListener, AutoCloseable {
    enum Style {
        BAR,
        JSON,
        QUIET
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Style style;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final Instant start;
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicLong totalFiles = new AtomicLong();
    private volatile boolean scanFinished;
    private final ScheduledExecutorService ticker;

    BackupProgress(Style style, PrintWriter out, PrintWriter err, Clock clock) {
        this.style = style;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.start = clock.instant();
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "backup-progress");
            thread.setDaemon(true);
            return thread;
        });
        if (style != Style.QUIET) {
            ticker.scheduleAtFixedRate(this::show, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public void scanned(long files, long bytes, boolean finished) {
        totalFiles.set(files);
        totalBytes.set(bytes);
        scanFinished = finished;
    }

    @Override
    public void bytesProcessed(long bytes) {
        bytesDone.addAndGet(bytes);
    }

    @Override
    public void fileDone(Path path, FileStatus status, long size) {
        filesDone.incrementAndGet();
    }

    @Override
    public synchronized void error(BackupError error) {
        if (style == Style.JSON) {
            ObjectNode line = JSON.createObjectNode()
                    .put("message_type", "error")
                    .put("item", error.path().toString())
                    .put("error", error.reason());
            out.println(line);
            out.flush();
        } else {
            clearBar();
            err.println("error: " + error);
            err.flush();
        }
    }

    private synchronized void show() {
        double seconds =
                Math.max(0.001, Duration.between(start, clock.instant()).toMillis() / 1000.0);
        long done = bytesDone.get();
        long total = Math.max(totalBytes.get(), done);
        double fraction = total == 0 ? 0 : done / (double) total;
        long rate = (long) (done / seconds);
        String eta = scanFinished && rate > 0 ? Sizes.duration(Duration.ofSeconds((total - done) / rate)) : "?";
        if (style == Style.JSON) {
            ObjectNode line = JSON.createObjectNode()
                    .put("message_type", "status")
                    .put("seconds_elapsed", (long) seconds)
                    .put("percent_done", fraction)
                    .put("total_files", totalFiles.get())
                    .put("files_done", filesDone.get())
                    .put("total_bytes", total)
                    .put("bytes_done", done)
                    .put("bytes_per_second", rate);
            out.println(line);
            out.flush();
            return;
        }
        int width = 24;
        int filled = (int) Math.round(fraction * width);
        err.printf(
                "\r[%s%s] %5.1f%%  %s / %s  %s/s  ETA %s   ",
                "=".repeat(filled),
                " ".repeat(width - filled),
                fraction * 100,
                Sizes.bytes(done),
                Sizes.bytes(total),
                Sizes.bytes(rate),
                eta);
        err.flush();
    }

    private void clearBar() {
        if (style == Style.BAR) {
            err.print("\r" + " ".repeat(79) + "\r");
        }
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        clearBar();
        err.flush();
    }
}

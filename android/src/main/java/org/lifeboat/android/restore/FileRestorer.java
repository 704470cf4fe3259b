package org.lifeboat.android.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteFileException;
import org.lifeboat.adb.client.RemoteFileStat;

/**
 * Pushes files back with their original mtimes (the sync {@code DONE} packet carries it and adbd applies it with
 * {@code lutimes}, android-data.md §5, so no {@code touch} is needed), skips files already there with the same size
 * and mtime, checks each push, and then has the media scanner index what changed.
 *
 * <p>Per-file round trips are what make a restore of many small photos slower than {@code adb push}, so the phone's
 * state is read one folder listing at a time, before and after the pushes, and the pushes go over {@link
 * #PUSH_STREAMS} sync streams at once, so that one file's wait for the phone's OKAY overlaps the next one's bytes.
 */
public final class FileRestorer
        implements Restorer<Map<DevicePath, Optional<RemoteFileStat>>, List<FileToRestore>, FileToRestore> {
    /** Enough streams to hide the per-file reply latency; more only add contention on the phone's storage. */
    static final int PUSH_STREAMS = 4;

    /**
     * How long a failed restore waits for pushes still running; a push stuck longer (a phone that stopped reading)
     * is left to fail on its own, and its session is then closed by {@link AdbTargetPhone}.
     */
    static final Duration RUNNING_PUSHES_WAIT = Duration.ofSeconds(30);

    private static final ThreadFactory PUSHERS =
            Thread.ofPlatform().daemon().name("lifeboat-push-", 0).factory();

    private final PhoneShell shell;

    public FileRestorer(TargetPhone phone) {
        this.shell = new PhoneShell(phone);
    }

    @Override
    public RestoreType type() {
        return RestoreType.FILES;
    }

    /** The phone's stat of every path in {@code desired}: one sync listing per folder, no shell process. */
    @Override
    public Map<DevicePath, Optional<RemoteFileStat>> inspect(List<FileToRestore> desired) throws IOException {
        List<DevicePath> pushable = desired.stream()
                .filter(file -> SharedStorageNames.refusal(file.path().toString(), shell.apiLevel())
                        .isEmpty())
                .map(FileToRestore::path)
                .toList();
        return PhoneFolders.stat(shell.phone(), pushable);
    }

    @Override
    public RestorePlan<FileToRestore> plan(
            Map<DevicePath, Optional<RemoteFileStat>> current, List<FileToRestore> desired) {
        List<FileToRestore> changes = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<ItemFailure> impossible = new ArrayList<>();
        for (FileToRestore file : desired) {
            Optional<String> refusal = SharedStorageNames.refusal(file.path().toString(), shell.apiLevel());
            Optional<RemoteFileStat> there = current.getOrDefault(file.path(), Optional.empty());
            if (refusal.isPresent()) {
                impossible.add(new ItemFailure(file.label(), refusal.get()));
            } else if (there.isPresent() && there.get().isDirectory()) {
                impossible.add(new ItemFailure(file.label(), "the phone has a folder of this name"));
            } else if (there.isPresent() && sameFile(there.get(), file)) {
                present.add(file.label());
            } else {
                changes.add(file);
            }
        }
        return new RestorePlan<>(RestoreType.FILES, changes, present, impossible);
    }

    @Override
    public RestoreResult apply(RestorePlan<FileToRestore> plan, RestoreProgress progress) throws IOException {
        List<FileToRestore> files = plan.changes();
        List<Optional<String>> refusals = pushAll(files, progress);
        List<DevicePath> accepted = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (refusals.get(i).isEmpty()) {
                accepted.add(files.get(i).path());
            }
        }
        Map<DevicePath, Optional<RemoteFileStat>> written = PhoneFolders.stat(shell.phone(), accepted);
        List<String> restored = new ArrayList<>();
        List<ItemFailure> failed = new ArrayList<>(plan.notRestorable());
        for (int i = 0; i < files.size(); i++) {
            FileToRestore file = files.get(i);
            Optional<String> problem = refusals.get(i).or(() -> check(written.get(file.path()), file));
            if (problem.isEmpty()) {
                restored.add(file.label());
            } else {
                failed.add(new ItemFailure(file.label(), problem.get()));
            }
        }
        List<String> scanned =
                restored.stream().filter(SharedStorageNames::isSharedStorage).toList();
        MediaScan.run(shell, scanned)
                .ifPresent(error -> failed.add(new ItemFailure(
                        "media scan of " + scanned.size() + " restored files",
                        "the files are restored but galleries may not show them until the phone rescans: " + error)));
        return new RestoreResult(RestoreType.FILES, restored, plan.alreadyPresent(), failed, shell.count());
    }

    /**
     * Pushes {@code files} and returns, in their order, the phone's refusal of each, or empty where it took the file.
     * Any other error (a lost phone) ends all pushes and is thrown.
     *
     * <p>The first file of each folder goes alone, so that the phone creates each missing folder once: parallel
     * pushes into a folder that does not exist yet race to create it, and adbd may refuse the loser. The rest go
     * over {@link #PUSH_STREAMS} streams.
     */
    private List<Optional<String>> pushAll(List<FileToRestore> files, RestoreProgress progress) throws IOException {
        List<Optional<String>> refusals = new ArrayList<>(Collections.nCopies(files.size(), Optional.empty()));
        Set<DevicePath> folders = new HashSet<>();
        List<Integer> rest = new ArrayList<>();
        Progress done = new Progress(files, progress);
        for (int i = 0; i < files.size(); i++) {
            if (folders.add(PhoneFolders.parent(files.get(i).path()))) {
                refusals.set(i, push(files.get(i)));
                done.advanced(i, refusals.get(i));
            } else {
                rest.add(i);
            }
        }
        ExecutorService pushers = Executors.newFixedThreadPool(PUSH_STREAMS, PUSHERS);
        try {
            List<Future<Optional<String>>> pushes = new ArrayList<>(rest.size());
            for (int i : rest) {
                pushes.add(pushers.submit(() -> push(files.get(i))));
            }
            for (int j = 0; j < rest.size(); j++) {
                refusals.set(rest.get(j), await(pushes.get(j)));
                done.advanced(rest.get(j), refusals.get(rest.get(j)));
            }
            return refusals;
        } finally {
            stop(pushers);
        }
    }

    /**
     * Cancels the pushes not started yet and waits a while for the running ones. After a failure some may still be
     * writing, and an interrupt does not stop a blocking socket write: without the wait they would go on sending files
     * to the phone after the error was reported.
     */
    private static void stop(ExecutorService pushers) {
        pushers.shutdownNow();
        try {
            pushers.awaitTermination(RUNNING_PUSHES_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reports pushed files and bytes as the pushes complete. */
    private static final class Progress {
        private final List<FileToRestore> files;
        private final RestoreProgress progress;
        private int done;
        private long bytes;

        Progress(List<FileToRestore> files, RestoreProgress progress) {
            this.files = files;
            this.progress = progress;
        }

        void advanced(int index, Optional<String> refusal) {
            bytes += refusal.isEmpty() ? files.get(index).size() : 0;
            progress.advanced(RestoreType.FILES, ++done, files.size(), bytes);
        }
    }

    private Optional<String> push(FileToRestore file) throws IOException {
        try (InputStream content = file.content().open()) {
            shell.phone().push(content, file.path(), file.mode(), file.mtime());
            return Optional.empty();
        } catch (RemoteFileException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    private static Optional<String> await(Future<Optional<String>> push) throws IOException {
        try {
            return push.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pushing files to the phone");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Whether the phone holds what was pushed: the same size and mtime, read back from a listing. */
    private static Optional<String> check(Optional<RemoteFileStat> written, FileToRestore file) {
        if (written == null || written.isEmpty()) {
            return Optional.of("the phone accepted the file but it is not there afterwards");
        }
        if (!sameFile(written.get(), file)) {
            return Optional.of("the phone stored " + written.get().size() + " bytes dated "
                    + written.get().mtime() + ", expected " + file.size() + " bytes dated " + truncated(file.mtime()));
        }
        return Optional.empty();
    }

    /** Same size and same mtime in whole seconds; legacy stat reports sizes modulo 2^32. */
    static boolean sameFile(RemoteFileStat stat, FileToRestore file) {
        boolean sameSize = stat.sizeExact() ? stat.size() == file.size() : stat.size() == (file.size() & 0xFFFFFFFFL);
        return stat.isRegularFile() && sameSize && stat.mtime().equals(truncated(file.mtime()));
    }

    private static Instant truncated(Instant mtime) {
        return Instant.ofEpochSecond(mtime.getEpochSecond());
    }
}

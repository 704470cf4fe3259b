package org.lifeboat.android.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteFileException;
import org.lifeboat.adb.client.RemoteFileStat;

/**
 * Pushes files back with their original mtimes (the sync {@code DONE} packet carries it and adbd applies it with
 * {@code lutimes}, android-data.md §5), skips files already there with the same size and mtime, checks each push with
 * a stat, and then has the media scanner index what changed.
 */
public final class FileRestorer
        implements Restorer<Map<DevicePath, Optional<RemoteFileStat>>, List<FileToRestore>, FileToRestore> {

    private final PhoneShell shell;

    public FileRestorer(TargetPhone phone) {
        this.shell = new PhoneShell(phone);
    }

    @Override
    public RestoreType type() {
        return RestoreType.FILES;
    }

    /** The phone's stat of every path in {@code desired}; one sync round trip each, no shell process. */
    @Override
    public Map<DevicePath, Optional<RemoteFileStat>> inspect(List<FileToRestore> desired) throws IOException {
        Map<DevicePath, Optional<RemoteFileStat>> current = new LinkedHashMap<>();
        for (FileToRestore file : desired) {
            if (SharedStorageNames.refusal(file.path().toString(), shell.apiLevel())
                    .isEmpty()) {
                current.put(file.path(), shell.phone().stat(file.path()));
            }
        }
        return current;
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
        List<String> restored = new ArrayList<>();
        List<ItemFailure> failed = new ArrayList<>(plan.notRestorable());
        long bytes = 0;
        int done = 0;
        for (FileToRestore file : plan.changes()) {
            Optional<String> problem = push(file);
            if (problem.isEmpty()) {
                restored.add(file.label());
                bytes += file.size();
            } else {
                failed.add(new ItemFailure(file.label(), problem.get()));
            }
            progress.advanced(RestoreType.FILES, ++done, plan.changes().size(), bytes);
        }
        List<String> scanned =
                restored.stream().filter(SharedStorageNames::isSharedStorage).toList();
        MediaScan.run(shell, scanned)
                .ifPresent(error -> failed.add(new ItemFailure(
                        "media scan of " + scanned.size() + " restored files",
                        "the files are restored but galleries may not show them until the phone rescans: " + error)));
        return new RestoreResult(RestoreType.FILES, restored, plan.alreadyPresent(), failed, shell.count());
    }

    /** Pushes one file and checks size and mtime on the phone; the phone's refusal is a problem, not an error. */
    private Optional<String> push(FileToRestore file) throws IOException {
        try (InputStream content = file.content().open()) {
            shell.phone().push(content, file.path(), file.mode(), file.mtime());
        } catch (RemoteFileException refused) {
            return Optional.of(refused.getMessage());
        }
        Optional<RemoteFileStat> written = shell.phone().stat(file.path());
        if (written.isEmpty()) {
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

package org.lifeboat.backup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.restore.AppRestorer;
import org.lifeboat.android.restore.CalendarRestorer;
import org.lifeboat.android.restore.CallLogRestorer;
import org.lifeboat.android.restore.CommandCount;
import org.lifeboat.android.restore.ContactRestorer;
import org.lifeboat.android.restore.FileRestorer;
import org.lifeboat.android.restore.FileToRestore;
import org.lifeboat.android.restore.ItemFailure;
import org.lifeboat.android.restore.MessageRestorer;
import org.lifeboat.android.restore.MessagesToRestore;
import org.lifeboat.android.restore.PlannedItem;
import org.lifeboat.android.restore.RestorePlan;
import org.lifeboat.android.restore.RestoreResult;
import org.lifeboat.android.restore.Restorer;
import org.lifeboat.android.restore.SettingsRestorer;
import org.lifeboat.android.restore.TargetPhone;

/**
 * Restores a phone snapshot onto a phone, type by type, with the per-type restorers of
 * {@code org.lifeboat.android.restore}: inspect the phone, plan, and (unless a dry run) apply. Idempotent: what the
 * phone already has is left alone, so running it again after an interruption completes the job.
 *
 * <p>A damaged backup costs only what it damaged: a type whose export cannot be read fails on its own, a file whose
 * blob is damaged fails on its own, and everything else is restored. A phone that goes away ends the run with a
 * report of what was done.
 */
public final class PhoneRestore {
    /** Small, quick types first, so an interrupted run has done as much as possible; files last. */
    private static final List<DataType> ORDER = List.of(
            DataType.SETTINGS,
            DataType.CONTACTS,
            DataType.CALENDAR,
            DataType.CALLS,
            DataType.MESSAGES,
            DataType.APPS,
            DataType.FILES,
            DataType.WIFI);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TargetPhone phone;
    private final String serial;
    private final PhoneSnapshot snapshot;
    private final RestoreInputs inputs;
    private final PhoneRestoreProgress progress;

    /** The files step's input if {@link #prepare} read it ahead, with the options it was read for; else null. */
    private PreparedFiles prepared;

    /** @param serial how the user knows the target phone, for the report */
    public PhoneRestore(TargetPhone phone, String serial, PhoneSnapshot snapshot, PhoneRestoreProgress progress) {
        this.phone = new DamageTolerantPhone(phone);
        this.serial = serial;
        this.snapshot = snapshot;
        this.inputs = new RestoreInputs(snapshot);
        this.progress = progress;
    }

    /**
     * Reads from the repository, ahead of {@link #run}, what only the repository holds and the files step needs: the
     * snapshot's file listing (for a phone with many photos, one tree per folder to fetch and decode). It touches
     * neither the phone nor the repository's files, so a command can run it while its new lock settles. A failure is
     * kept and reported by the files step, as it would be without this.
     */
    public void prepare(PhoneRestoreOptions options) {
        if (options.selects(DataType.FILES)) {
            prepared = new PreparedFiles(options, readFiles(options));
        }
    }

    public PhoneRestoreReport run(PhoneRestoreOptions options) throws IOException {
        List<TypeRestore> done = new ArrayList<>();
        Optional<DataType> interrupted = Optional.empty();
        for (DataType type : ORDER) {
            if (!options.selects(type)) {
                continue;
            }
            progress.starting(type);
            TypeRestore result;
            try {
                result = restore(type, options);
            } catch (UnreadableBackupException e) {
                result = TypeRestore.failed(type, new ItemFailure(e.item(), e.getMessage()));
            } catch (IOException e) {
                if (PhoneLoss.isLoss(e)) {
                    interrupted = Optional.of(type);
                    break;
                }
                result = TypeRestore.failed(type, new ItemFailure(type.folder(), describe(e)));
            }
            progress.finished(result);
            done.add(result);
        }
        return new PhoneRestoreReport(
                snapshot.saved().id().toString(),
                snapshot.saved().snapshot().hostname(),
                serial,
                phone.apiLevel(),
                options.dryRun(),
                done,
                interrupted);
    }

    private TypeRestore restore(DataType type, PhoneRestoreOptions options) throws IOException {
        boolean dryRun = options.dryRun();
        return switch (type) {
            case SETTINGS -> restore(type, new SettingsRestorer(phone), inputs.settings(), dryRun);
            case CONTACTS -> restore(type, new ContactRestorer(phone), inputs.contacts(), dryRun);
            case CALENDAR -> restore(type, new CalendarRestorer(phone), inputs.calendar(), dryRun);
            case CALLS -> restore(type, new CallLogRestorer(phone), inputs.calls(), dryRun);
            case APPS -> restore(type, new AppRestorer(phone), inputs.apps(options), dryRun);
            case MESSAGES -> {
                List<ItemFailure> damaged = new ArrayList<>();
                Optional<MessagesToRestore> messages = inputs.messages(e -> damaged.add(failure(e)));
                yield restore(type, new MessageRestorer(phone), messages, dryRun)
                        .withFailures(damaged);
            }
            case FILES -> {
                FilesInput input =
                        prepared != null && prepared.options() == options ? prepared.input() : readFiles(options);
                List<FileToRestore> files = input.filesOrThrow();
                Optional<List<FileToRestore>> desired =
                        files.isEmpty() && input.damaged().isEmpty() && !hasFolder("/files")
                                ? Optional.empty()
                                : Optional.of(files);
                yield restore(type, new FileRestorer(phone), desired, dryRun).withFailures(input.damaged());
            }
            case WIFI -> wifi();
        };
    }

    /**
     * The snapshot's files that {@code options} select and the damaged parts of its listing, or the failure that
     * stopped reading it.
     */
    private record FilesInput(List<FileToRestore> files, List<ItemFailure> damaged, IOException failure) {
        List<FileToRestore> filesOrThrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
            return files;
        }
    }

    private record PreparedFiles(PhoneRestoreOptions options, FilesInput input) {}

    /** Reads the file listing; a failure is kept, to be thrown where the files step meets it. */
    private FilesInput readFiles(PhoneRestoreOptions options) {
        List<ItemFailure> damaged = new ArrayList<>();
        try {
            return new FilesInput(inputs.files(options, e -> damaged.add(failure(e))), damaged, null);
        } catch (IOException e) {
            return new FilesInput(List.of(), damaged, e);
        }
    }

    /** One restorer's three steps; the plan's known limits are kept apart from what failed. */
    private <S, D, I extends PlannedItem> TypeRestore restore(
            DataType type, Restorer<S, D, I> restorer, Optional<D> desired, boolean dryRun) throws IOException {
        if (desired.isEmpty()) {
            return TypeRestore.absent(type);
        }
        RestorePlan<I> plan = restorer.plan(restorer.inspect(desired.get()), desired.get());
        List<String> changes = plan.changes().stream().map(PlannedItem::label).toList();
        if (dryRun) {
            return new TypeRestore(
                    type, true, changes, plan.alreadyPresent(), plan.notRestorable(), List.of(), CommandCount.NONE);
        }
        RestoreResult result = restorer.apply(plan, progress);
        List<ItemFailure> failed = new ArrayList<>(result.failed());
        failed.removeAll(plan.notRestorable());
        return new TypeRestore(
                type,
                true,
                result.restored(),
                result.alreadyPresent(),
                plan.notRestorable(),
                failed,
                result.commands());
    }

    /** Saved networks are listed in the backup for the user, but adb cannot add them (android-data.md §4.10). */
    private TypeRestore wifi() throws UnreadableBackupException {
        Optional<byte[]> listing = snapshot.read("/wifi/networks.json");
        if (listing.isEmpty()) {
            return TypeRestore.absent(DataType.WIFI);
        }
        JsonNode networks;
        try {
            networks = JSON.readTree(listing.get()).path("networks");
        } catch (IOException e) {
            throw new UnreadableBackupException("/wifi/networks.json", e);
        }
        List<ItemFailure> limits = new ArrayList<>();
        for (JsonNode network : networks) {
            limits.add(new ItemFailure(
                    "Wi-Fi network '" + network.path("ssid").asText() + "'",
                    "only root may add saved networks over adb, and Android never gave the backup its password;"
                            + " join it on the phone (the list is in /wifi/networks.json)"));
        }
        return new TypeRestore(DataType.WIFI, true, List.of(), List.of(), limits, List.of(), CommandCount.NONE);
    }

    private boolean hasFolder(String path) throws UnreadableBackupException {
        return snapshot.find(path).isPresent();
    }

    private static ItemFailure failure(UnreadableBackupException e) {
        return new ItemFailure(e.item(), e.getMessage());
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

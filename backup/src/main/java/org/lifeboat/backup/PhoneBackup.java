package org.lifeboat.backup;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.lifeboat.android.collect.CollectedItem;
import org.lifeboat.android.collect.Collection;
import org.lifeboat.android.collect.Collector;
import org.lifeboat.android.collect.Collectors;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.DeviceDescription;
import org.lifeboat.android.collect.NotSaved;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.android.collect.TypeReport;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.archiver.ArchiverOptions;
import org.lifeboat.repository.archiver.BackupError;
import org.lifeboat.repository.archiver.BackupResult;
import org.lifeboat.repository.archiver.SourceDirectory;
import org.lifeboat.repository.archiver.SourceFile;
import org.lifeboat.repository.archiver.TreeBackup;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.tree.Node;

/**
 * Backs up a phone into a repository: every selected type is collected into open formats, phone files stream from
 * sync into the archiver (unchanged ones are not read at all), and {@code /lifeboat/report.json} says what was and
 * was not saved. The caller holds a shared repository lock.
 *
 * <p>If the phone goes away while files are being read, what was read is kept in a snapshot tagged
 * {@value PhoneSnapshots#INCOMPLETE_TAG}, so the next run does not transfer it again; the outcome says so.
 */
public final class PhoneBackup {
    private static final String LIFEBOAT_FOLDER = "lifeboat";

    private final Phone phone;
    private final Clock clock;
    private final Executor workers;
    private final BackupProgress progress;

    /** @param workers hash, compress and encrypt blobs */
    public PhoneBackup(Phone phone, Clock clock, Executor workers, BackupProgress progress) {
        this.phone = phone;
        this.clock = clock;
        this.workers = workers;
        this.progress = progress;
    }

    /** The snapshot host naming this phone. */
    public String hostname() {
        return PhoneSnapshots.hostname(phone.model(), phone.hardwareSerial());
    }

    /** Collects everything and lists what would be saved, without writing anything. */
    public PhoneBackupReport preview(PhoneBackupOptions options) throws IOException {
        Instant start = clock.instant();
        List<Collection> collections = collect(options);
        return report(start, collections, PhoneBackupReport.Outcome.COMPLETE, true, Optional.empty(), 0);
    }

    /**
     * Backs the phone up into {@code repository}.
     *
     * @throws PhoneLostException if the phone went away before anything could be stored
     */
    public PhoneBackupReport run(Repository repository, PhoneBackupOptions options) throws IOException {
        if (options.dryRun()) {
            return preview(options);
        }
        return run(repository, inventory(options));
    }

    /**
     * Takes the phone's inventory: lists its files and reads its collected types, without a repository. It mostly
     * waits on the phone, so a caller may take it while the repository opens (the key derivation and the lock's
     * settling only use this computer), then pass it to {@link #run(Repository, Inventory)}.
     */
    public Inventory inventory(PhoneBackupOptions options) throws IOException {
        Instant start = clock.instant();
        return new Inventory(start, collect(options), options.parallelReads());
    }

    /** What {@link #inventory} found on the phone, when it started (the snapshot's time), and how to read it. */
    public static final class Inventory {
        private final Instant start;
        private final List<Collection> collections;
        private final int parallelReads;

        private Inventory(Instant start, List<Collection> collections, int parallelReads) {
            this.start = start;
            this.collections = List.copyOf(collections);
            this.parallelReads = parallelReads;
        }
    }

    /**
     * Backs up what {@code inventory} found into {@code repository}.
     *
     * @throws PhoneLostException if the phone went away before anything could be stored
     */
    public PhoneBackupReport run(Repository repository, Inventory inventory) throws IOException {
        Instant start = inventory.start;
        List<Collection> collections = inventory.collections;
        List<String> paths = new ArrayList<>();
        collections.stream()
                .filter(c -> !c.items().isEmpty())
                .forEach(c -> paths.add("/" + c.type().folder()));
        paths.add("/" + LIFEBOAT_FOLDER);
        Optional<SavedSnapshot> parent = PhoneSnapshots.parent(PhoneSnapshots.of(repository, hostname()), paths);
        ArchiverOptions archiverOptions = new ArchiverOptions(
                PathFilter.NONE,
                List.of(),
                hostname(),
                List.of(PhoneSnapshots.TAG, PhoneSnapshots.sdkTag(phone.sdk())),
                clock.getZone(),
                clock,
                workers,
                ArchiverOptions.defaultMaxBytesInFlight());
        TreeBackup backup = TreeBackup.start(repository, archiverOptions, parent, progress, inventory.parallelReads);
        PhoneLossWatch watch = new PhoneLossWatch();
        SnapshotLayout layout = new SnapshotLayout(start, file -> watch.content(phone.files(), file.source()));
        progress.storing(
                collections.stream().mapToLong(c -> c.report().bytes()).sum(),
                collections.stream().mapToLong(c -> c.items().size()).sum());
        List<Node> nodes = new ArrayList<>();
        List<Collection> stored = new ArrayList<>();
        for (Collection collection : collections) {
            if (watch.loss().isPresent()) {
                stored.add(notReached(collection));
                continue;
            }
            if (!collection.items().isEmpty()) {
                String folder = collection.type().folder();
                backup.save(layout.folder(folder, collection.items())).ifPresent(nodes::add);
            }
            stored.add(collection);
        }
        boolean lost = watch.loss().isPresent();
        List<Collection> finished = withStoreErrors(stored, backup.errors(), lost);
        PhoneBackupReport.Outcome outcome = lost
                ? PhoneBackupReport.Outcome.PHONE_LOST
                : finished.stream().anyMatch(c -> c.report().hasFailures())
                        ? PhoneBackupReport.Outcome.INCOMPLETE
                        : PhoneBackupReport.Outcome.COMPLETE;
        PhoneBackupReport report =
                report(start, finished, outcome, false, parent.map(p -> p.id().toString()), watch.bytesTransferred());
        SourceDirectory lifeboat = SourceDirectory.generated(
                LIFEBOAT_FOLDER,
                start,
                List.of(
                        SourceFile.ofBytes("device.json", DeviceDescription.json(phone, start), start),
                        SourceFile.ofBytes("report.json", ReportJson.toBytes(report), start)));
        backup.save(lifeboat).ifPresent(nodes::add);
        BackupResult result = backup.commit(nodes, paths, lost ? List.of(PhoneSnapshots.INCOMPLETE_TAG) : List.of());
        return report.committed(result.snapshot().id().toString(), result.summary());
    }

    private List<Collection> collect(PhoneBackupOptions options) throws IOException {
        ItemFilter filter = new ItemFilter(options.includes(), options.excludes());
        List<Collection> collections = new ArrayList<>();
        for (Collector collector : Collectors.forTypes(options.types())) {
            progress.collecting(collector.type());
            Collection collection = collectOne(collector);
            ItemFilter.Result filtered = filter.apply(collection.items());
            TypeReport report = collection.report();
            if (filtered.filesLeftOut() > 0) {
                long keptBytes = filtered.kept().stream()
                        .mapToLong(item -> item instanceof CollectedItem.PhoneFile f ? f.size() : 0)
                        .sum();
                long allBytes = collection.items().stream()
                        .mapToLong(item -> item instanceof CollectedItem.PhoneFile f ? f.size() : 0)
                        .sum();
                report = report.without(
                        List.of(NotSaved.unreachable(
                                "files left out by --include/--exclude",
                                OptionalLong.of(filtered.filesLeftOut()),
                                "you asked to leave them out",
                                "change the patterns to save them")),
                        collection.type() == DataType.FILES ? filtered.filesLeftOut() : 0,
                        allBytes - keptBytes);
            }
            Collection kept = new Collection(collection.type(), filtered.kept(), report);
            progress.collected(kept.report());
            collections.add(kept);
        }
        return collections;
    }

    /** A collection the phone disconnected before: none of it is in the snapshot. */
    private static Collection notReached(Collection collection) {
        TypeReport report = collection.report();
        NotSaved lost = new NotSaved(
                collection.type().folder(),
                OptionalLong.of(report.saved()),
                "the phone disconnected before these were stored",
                "reconnect it and run the backup again",
                true);
        return new Collection(
                collection.type(), List.of(), report.without(List.of(lost), report.saved(), report.bytes()));
    }

    private Collection collectOne(Collector collector) throws IOException {
        try {
            return collector.collect(phone);
        } catch (IOException e) {
            if (PhoneLossWatch.isLoss(e)) {
                throw new PhoneLostException(phone.serial(), e);
            }
            NotSaved failed = NotSaved.failed(
                    collector.type().folder(), e.getMessage(), "run the backup again; if it keeps failing, report it");
            return new Collection(
                    collector.type(), List.of(), new TypeReport(collector.type(), 0, 0, 0, List.of(failed)));
        }
    }

    /** The collections' reports with the files that could not be read (or were not reached) counted out. */
    private static List<Collection> withStoreErrors(
            List<Collection> collections, List<BackupError> errors, boolean lost) {
        Map<String, List<BackupError>> byFolder = new HashMap<>();
        for (BackupError error : errors) {
            byFolder.computeIfAbsent(error.path().getName(0).toString(), k -> new ArrayList<>())
                    .add(error);
        }
        List<Collection> result = new ArrayList<>();
        for (Collection collection : collections) {
            List<BackupError> failed = byFolder.getOrDefault(collection.type().folder(), List.of());
            Map<String, Long> sizes = new LinkedHashMap<>();
            collection.items().forEach(item -> {
                if (item instanceof CollectedItem.PhoneFile file) {
                    sizes.put("/" + String.join("/", file.path()), file.size());
                }
            });
            long bytes = failed.stream()
                    .mapToLong(e -> sizes.getOrDefault(e.path().toString(), 0L))
                    .sum();
            List<NotSaved> reasons = lost && !failed.isEmpty()
                    ? List.of(new NotSaved(
                            "files not read before the phone disconnected",
                            OptionalLong.of(failed.size()),
                            "the phone disconnected",
                            "reconnect it and run the backup again; what was stored is not transferred again",
                            true))
                    : failed.stream()
                            .map(e -> NotSaved.failed(e.path().toString(), e.reason(), "run the backup again"))
                            .toList();
            long items = collection.type() == DataType.FILES
                    ? failed.size()
                    : failed.stream()
                            .map(e -> e.path().getName(1).toString())
                            .distinct()
                            .count();
            TypeReport report =
                    failed.isEmpty() ? collection.report() : collection.report().without(reasons, items, bytes);
            result.add(new Collection(collection.type(), collection.items(), report));
        }
        return result;
    }

    private PhoneBackupReport report(
            Instant start,
            List<Collection> collections,
            PhoneBackupReport.Outcome outcome,
            boolean dryRun,
            Optional<String> parentId,
            long bytesTransferred) {
        return new PhoneBackupReport(
                hostname(),
                phone.model(),
                phone.sdk(),
                start,
                outcome,
                dryRun,
                Optional.empty(),
                parentId,
                collections.stream().map(Collection::report).toList(),
                Optional.empty(),
                bytesTransferred);
    }
}

package org.lifeboat.repository.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.lifeboat.repository.CorruptBlobException;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileInfo;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.pack.PackBlob;
import org.lifeboat.repository.pack.PackFile;
import org.lifeboat.repository.pack.PackHeader;

/**
 * restic's {@code check} for the storage layer: index files decode, every indexed pack exists with the size the index
 * implies, index entries are contiguous, pack headers match the index, and optionally every blob decrypts,
 * decompresses and hashes to its ID. Snapshot and tree checks belong to the layer that understands trees; it can
 * combine its findings with {@link CheckReport#damagedBlobs()}.
 *
 * <p>Reading the data is hashing, decrypting and decompressing every byte, so packs are read on the given workers;
 * each running read holds one whole pack, so give it a bounded pool (one thread per core). The problems are still
 * reported in pack order.
 */
public final class Checker {
    private final Repository repository;
    private final Executor workers;

    /** A checker that reads packs on the calling thread. */
    public Checker(Repository repository) {
        this(repository, Runnable::run);
    }

    public Checker(Repository repository, Executor workers) {
        this.repository = repository;
        this.workers = workers;
    }

    /** What to read beyond the structure. */
    public sealed interface DataCheck {
        /** Only structure and pack headers. */
        record None() implements DataCheck {}

        /** Read every pack ({@code --read-data}). */
        record All() implements DataCheck {}

        /** Read a random share of the packs ({@code --read-data-subset N%}), at least one when there are any. */
        record Subset(double fraction, RandomGenerator random) implements DataCheck {
            public Subset {
                if (!(fraction > 0 && fraction <= 1)) {
                    throw new IllegalArgumentException("the subset is a fraction in (0, 1], got " + fraction);
                }
            }
        }
    }

    public CheckReport check(DataCheck dataCheck) throws IOException {
        return check(dataCheck, repository.loadIndexSkippingDamaged());
    }

    /**
     * Checks a repository whose index the caller has loaded already with {@link Repository#loadIndexSkippingDamaged()}
     * (for instance while its lock settled); {@code damagedIndexFiles} is what that returned.
     */
    public CheckReport check(DataCheck dataCheck, List<CorruptFileException> damagedIndexFiles) throws IOException {
        List<CheckProblem> problems = new ArrayList<>();
        for (CorruptFileException damaged : damagedIndexFiles) {
            problems.add(CheckProblem.fileError(damaged.file(), damaged.getMessage()));
        }
        Map<Id, List<PackBlob>> indexed = repository.index().blobsByPack();
        Map<Id, Long> stored = new HashMap<>();
        for (FileInfo file : repository.backend().list(FileType.PACK)) {
            stored.put(file.handle().id(), file.size());
        }
        Map<Id, List<PackBlob>> readable = new LinkedHashMap<>();
        for (Map.Entry<Id, List<PackBlob>> pack : indexed.entrySet()) {
            Id packId = pack.getKey();
            Long size = stored.get(packId);
            if (size == null) {
                problems.add(CheckProblem.packError(packId, "pack " + packId + " is in the index but missing"));
                pack.getValue()
                        .forEach(blob -> problems.add(CheckProblem.blobError(
                                packId,
                                blob.handle(),
                                "blob " + blob.handle() + " is lost with missing pack " + packId)));
                continue;
            }
            if (checkStructure(packId, pack.getValue(), size, problems)) {
                readable.put(packId, pack.getValue());
            }
        }
        for (Id orphan : stored.keySet()) {
            if (!indexed.containsKey(orphan)) {
                problems.add(CheckProblem.packWarning(
                        orphan,
                        "pack " + orphan + " is not referenced in any index" + " (orphaned; prune removes it)"));
            }
        }
        List<Id> toRead = choosePacks(new ArrayList<>(readable.keySet()), dataCheck);
        List<CompletableFuture<PackReading>> readings = new ArrayList<>(toRead.size());
        for (Id packId : toRead) {
            readings.add(CompletableFuture.supplyAsync(() -> readPack(packId, readable.get(packId)), workers));
        }
        long blobsRead = 0;
        for (CompletableFuture<PackReading> reading : readings) {
            PackReading done = join(reading);
            problems.addAll(done.problems());
            blobsRead += done.blobsRead();
        }
        return new CheckReport(problems, indexed.size(), toRead.size(), blobsRead);
    }

    /** What reading one pack found. */
    private record PackReading(List<CheckProblem> problems, int blobsRead) {}

    private static PackReading join(CompletableFuture<PackReading> reading) throws IOException {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Size, contiguity, type mix and header agreement; returns whether the pack is worth reading. */
    private boolean checkStructure(Id packId, List<PackBlob> blobs, long size, List<CheckProblem> problems)
            throws IOException {
        long expectedSize = PackHeader.packSize(blobs);
        if (expectedSize != size) {
            problems.add(CheckProblem.packError(
                    packId, "pack " + packId + ": the index implies " + expectedSize + " bytes, the file has " + size));
            return false;
        }
        long offset = 0;
        for (PackBlob blob : blobs) {
            if (blob.offset() != offset) {
                problems.add(CheckProblem.packError(
                        packId,
                        "pack " + packId + ": index entries have gaps or overlap at" + " offset " + blob.offset()
                                + " (expected " + offset + ")"));
                return false;
            }
            offset = blob.end();
        }
        if (blobs.stream().map(b -> b.handle().type()).distinct().count() > 1) {
            problems.add(CheckProblem.packWarning(
                    packId,
                    "pack " + packId + " mixes data and tree blobs" + " (allowed in v1 only; prune separates them)"));
        }
        try {
            List<PackBlob> header = PackFile.readHeader(repository.backend(), repository.masterKey(), packId, size);
            if (!header.equals(blobs)) {
                problems.add(
                        CheckProblem.packError(packId, "pack " + packId + ": the header does not match the index"));
                return false;
            }
        } catch (CorruptPackException e) {
            problems.add(CheckProblem.packError(packId, e.getMessage()));
            return false;
        }
        return true;
    }

    private PackReading readPack(Id packId, List<PackBlob> blobs) {
        List<CheckProblem> problems = new ArrayList<>();
        byte[] pack;
        try {
            pack = repository.backend().loadAll(FileHandle.of(FileType.PACK, packId));
        } catch (NoSuchFileException e) {
            problems.add(CheckProblem.packError(packId, "pack " + packId + " disappeared during the check"));
            return new PackReading(problems, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Id actual = Id.hash(pack);
        if (!actual.equals(packId)) {
            problems.add(CheckProblem.packError(
                    packId, "pack " + packId + ": the content hashes to " + actual + " (the file is damaged)"));
        }
        int read = 0;
        for (PackBlob blob : blobs) {
            try {
                PackFile.decodeBlob(repository.masterKey(), packId, blob, pack, (int) blob.offset());
            } catch (CorruptBlobException e) {
                problems.add(CheckProblem.blobError(packId, blob.handle(), e.getMessage()));
            }
            read++;
        }
        return new PackReading(problems, read);
    }

    private static List<Id> choosePacks(List<Id> packs, DataCheck dataCheck) {
        return switch (dataCheck) {
            case DataCheck.None none -> List.of();
            case DataCheck.All all -> packs;
            case DataCheck.Subset subset -> {
                int wanted = packs.isEmpty() ? 0 : (int) Math.max(1, Math.round(packs.size() * subset.fraction()));
                packs.sort(null); // a stable starting order, so that only the generator decides
                for (int i = packs.size() - 1; i > 0; i--) {
                    int j = subset.random().nextInt(i + 1);
                    Id swap = packs.get(i);
                    packs.set(i, packs.get(j));
                    packs.set(j, swap);
                }
                yield List.copyOf(packs.subList(0, wanted));
            }
        };
    }
}

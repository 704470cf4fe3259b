package org.lifeboat.repository;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.lifeboat.repository.compression.Compression;

/**
 * Everything a {@link Repository} takes from outside: randomness, time, identity, the upload executor and sizes.
 *
 * @param uploadExecutor runs pack uploads so that chunking, compression and encryption continue meanwhile
 * @param packSize a pack is closed once it reaches this many bytes (restic's default is 16 MiB)
 * @param compressionLevel the zstd level for blobs and unpacked files
 * @param maxPacksInFlight finished packs held in memory while uploading; bounds memory to about
 *     {@code (maxPacksInFlight + 2) * packSize}
 * @param indexRotation when a long write stores an index file before {@link Repository#flush}, for crash safety
 */
public record RepositorySettings(
        SecureRandom random,
        Clock clock,
        HostIdentity identity,
        Executor uploadExecutor,
        int packSize,
        int compressionLevel,
        int maxPacksInFlight,
        IndexRotation indexRotation) {
    public static final int DEFAULT_PACK_SIZE = 16 * 1024 * 1024;
    /** restic's {@code --pack-size} range. */
    public static final int MIN_PACK_SIZE = 4 * 1024 * 1024;

    public static final int MAX_PACK_SIZE = 128 * 1024 * 1024;

    /** Uploads are I/O-bound; a virtual thread per upload costs nothing to keep around. */
    private static final Executor VIRTUAL_THREADS =
            task -> Thread.ofVirtual().name("pack-upload").start(task);

    public RepositorySettings {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(uploadExecutor, "uploadExecutor");
        Objects.requireNonNull(indexRotation, "indexRotation");
        if (packSize < 1 || packSize > MAX_PACK_SIZE) {
            throw new IllegalArgumentException("pack size is 1.." + MAX_PACK_SIZE + " bytes, got " + packSize);
        }
        if (maxPacksInFlight < 1) {
            throw new IllegalArgumentException("at least one pack must be allowed in flight, got " + maxPacksInFlight);
        }
    }

    /** A fresh {@link SecureRandom}, the UTC system clock, this process's identity, 16 MiB packs, zstd level 3. */
    public static RepositorySettings defaults() {
        return new RepositorySettings(
                new SecureRandom(),
                Clock.systemUTC(),
                HostIdentity.current(),
                VIRTUAL_THREADS,
                DEFAULT_PACK_SIZE,
                Compression.DEFAULT_LEVEL,
                2,
                IndexRotation.DEFAULT);
    }

    public RepositorySettings withPackSize(int bytes) {
        return new RepositorySettings(
                random, clock, identity, uploadExecutor, bytes, compressionLevel, maxPacksInFlight, indexRotation);
    }

    public RepositorySettings withUploadExecutor(Executor executor) {
        return new RepositorySettings(
                random, clock, identity, executor, packSize, compressionLevel, maxPacksInFlight, indexRotation);
    }

    public RepositorySettings withClock(Clock newClock) {
        return new RepositorySettings(
                random,
                newClock,
                identity,
                uploadExecutor,
                packSize,
                compressionLevel,
                maxPacksInFlight,
                indexRotation);
    }

    public RepositorySettings withIdentity(HostIdentity newIdentity) {
        return new RepositorySettings(
                random,
                clock,
                newIdentity,
                uploadExecutor,
                packSize,
                compressionLevel,
                maxPacksInFlight,
                indexRotation);
    }

    public RepositorySettings withRandom(SecureRandom newRandom) {
        return new RepositorySettings(
                newRandom,
                clock,
                identity,
                uploadExecutor,
                packSize,
                compressionLevel,
                maxPacksInFlight,
                indexRotation);
    }

    public RepositorySettings withIndexRotation(IndexRotation rotation) {
        return new RepositorySettings(
                random, clock, identity, uploadExecutor, packSize, compressionLevel, maxPacksInFlight, rotation);
    }
}

package org.lifeboat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The storage half of the backup pipeline: {@code Repository.saveBlob} of new 1 MiB chunks (SHA-256, zstd, seal,
 * pack, fsynced pack files) into a temporary local repository, from two threads as the archiver's workers do on a
 * two-core machine. Every call stores a distinct blob. MB/s = score (ops/s, all threads) * 1 MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SaveBlobBenchmark {
    static final int CHUNK_SIZE = 1 << 20;

    @Param({"RANDOM", "TEXT"})
    BenchData data;

    private final AtomicLong blobCounter = new AtomicLong();
    private Path folder;
    private Repository repository;

    /** Each thread's chunk; its first 8 bytes are overwritten with a counter so that no blob is deduplicated. */
    @State(Scope.Thread)
    public static class Chunk {
        byte[] bytes;

        @Setup
        public void setUp(SaveBlobBenchmark benchmark) {
            bytes = benchmark.data.generate(CHUNK_SIZE, Thread.currentThread().threadId());
        }
    }

    @Setup(Level.Trial)
    public void createRepository() throws IOException {
        folder = Files.createTempDirectory("lifeboat-bench-repo");
        repository = TempRepository.create(folder.resolve("repo"));
    }

    /** Stores the packs of the iteration outside the measured time, so memory does not pile up across iterations. */
    @TearDown(Level.Iteration)
    public void flush() throws IOException {
        repository.flush();
    }

    @TearDown(Level.Trial)
    public void deleteRepository() throws IOException {
        repository.close();
        TempRepository.deleteTree(folder);
    }

    @Benchmark
    public Id saveBlob(Chunk chunk) throws IOException {
        long unique = blobCounter.incrementAndGet();
        for (int i = 0; i < Long.BYTES; i++) {
            chunk.bytes[i] = (byte) (unique >>> (8 * i));
        }
        return repository.saveBlob(BlobType.DATA, chunk.bytes);
    }
}

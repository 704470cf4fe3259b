package org.lifeboat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.archiver.Archiver;
import org.lifeboat.repository.archiver.ArchiverOptions;
import org.lifeboat.repository.archiver.BackupListener;
import org.lifeboat.repository.archiver.BackupResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole first-backup pipeline (read → chunk → SHA-256 → zstd → seal → pack → fsync) of a 96 MiB folder shaped like
 * issue 3's corpus (60% incompressible 1–8 MiB files, 30% text, 10% small files) into a fresh repository, with one
 * worker per core. Each measured backup starts from an empty repository. MB/s = 96 MiB / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class BackupBenchmark {
    static final int CORPUS_MIB = 96;
    private static final int MIB = 1 << 20;

    private Path corpus;
    private Path repositories;
    private ExecutorService workers;
    private Repository repository;

    @Setup(Level.Trial)
    public void createCorpus() throws IOException {
        corpus = Files.createTempDirectory("lifeboat-bench-corpus");
        repositories = Files.createTempDirectory("lifeboat-bench-repos");
        workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        SplittableRandom random = new SplittableRandom(3);
        long media = CORPUS_MIB * 6L / 10 * MIB;
        for (int file = 0; media > 0; file++) {
            int size = (int) Math.min(media, (1 + random.nextInt(8)) * (long) MIB);
            Files.write(corpus.resolve("media-" + file + ".bin"), BenchData.RANDOM.generate(size, file));
            media -= size;
        }
        long text = CORPUS_MIB * 3L / 10 * MIB;
        for (int file = 0; text > 0; file++) {
            int size = (int) Math.min(text, (64 + random.nextInt(4 * 1024)) * 1024L);
            Files.write(corpus.resolve("text-" + file + ".json"), BenchData.TEXT.generate(size, file));
            text -= size;
        }
        Path small = Files.createDirectory(corpus.resolve("small"));
        int smallSize = 4 * 1024;
        for (int file = 0; file < CORPUS_MIB * MIB / 10 / smallSize; file++) {
            Files.write(small.resolve("note-" + file + ".txt"), BenchData.TEXT.generate(smallSize, -file));
        }
    }

    @Setup(Level.Invocation)
    public void createRepository() throws IOException {
        repository = TempRepository.create(
                Files.createTempDirectory(repositories, "repo").resolve("repo"));
    }

    @TearDown(Level.Invocation)
    public void deleteRepository() throws IOException {
        repository.close();
        TempRepository.deleteTree(repositories);
        Files.createDirectories(repositories);
    }

    @TearDown(Level.Trial)
    public void deleteCorpus() throws IOException {
        workers.shutdownNow();
        TempRepository.deleteTree(corpus);
        TempRepository.deleteTree(repositories);
    }

    @Benchmark
    public BackupResult firstBackup() throws IOException {
        Archiver archiver = new Archiver(repository, ArchiverOptions.of(List.of(), List.of(), "bench", workers));
        return archiver.backup(List.of(corpus), Optional.empty(), BackupListener.NONE);
    }
}

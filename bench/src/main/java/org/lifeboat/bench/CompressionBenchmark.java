package org.lifeboat.bench;

import java.util.concurrent.TimeUnit;
import org.lifeboat.repository.compression.Compression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * zstd compression of a 1 MiB chunk on one core, at restic's "auto" level (3) by default ({@code -p level=1} for
 * "fastest"), for incompressible and text-like data. MB/s = score (ops/s) * 1 MiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompressionBenchmark {
    @Param({"RANDOM", "TEXT"})
    BenchData data;

    @Param({"3"})
    int level;

    private byte[] chunk;

    @Setup
    public void setUp() {
        chunk = data.generate(1 << 20, 2);
    }

    @Benchmark
    public byte[] compress() {
        return Compression.compress(chunk, 0, chunk.length, level);
    }
}

package org.lifeboat.bench;

import java.util.concurrent.TimeUnit;
import org.lifeboat.repository.Id;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SHA-256 of a 1 MiB chunk (a blob ID) on one core: the floor every other stage is compared with. The JDK uses the
 * SHA-NI instructions where the CPU has them. MB/s = score (ops/s) * 1 MiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Sha256Benchmark {
    private byte[] chunk;

    @Setup
    public void setUp() {
        chunk = BenchData.RANDOM.generate(1 << 20, 1);
    }

    @Benchmark
    public Id blobId() {
        return Id.hash(chunk);
    }
}

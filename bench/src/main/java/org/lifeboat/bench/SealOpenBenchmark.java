package org.lifeboat.bench;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.lifeboat.repository.crypto.CiphertextVerificationException;
import org.lifeboat.repository.crypto.MasterKey;
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
 * Throughput of restic's AES-256-CTR + Poly1305-AES on one core, for blob-sized inputs (a chunk averages 1 MiB) and
 * small tree blobs. Divide bytes by the score to get MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SealOpenBenchmark {
    @Param({"4096", "1048576"})
    int size;

    private MasterKey key;
    private SecureRandom random;
    private byte[] plaintext;
    private byte[] sealed;

    @Setup
    public void setUp() {
        random = new SecureRandom();
        key = MasterKey.generate(random);
        plaintext = new byte[size];
        new Random(1).nextBytes(plaintext);
        sealed = key.seal(plaintext, random);
    }

    @Benchmark
    public byte[] seal() {
        return key.seal(plaintext, random);
    }

    @Benchmark
    public byte[] open() throws CiphertextVerificationException {
        return key.open(sealed);
    }
}

package org.lifeboat.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyDerivationTest {
    @Test
    void derivesGoldenScryptKey() throws UnsupportedKeyParametersException {
        MasterKey userKey =
                KeyDerivation.derive(Password.of("golden-password"), goldenSalt(), new ScryptParams(1024, 8, 1));

        ByteArrayOutputStream derived = new ByteArrayOutputStream();
        derived.writeBytes(userKey.encryptionKey());
        derived.writeBytes(userKey.macK());
        derived.writeBytes(userKey.macR());
        assertThat(HexFormat.of().formatHex(derived.toByteArray()))
                .isEqualTo("5a032f6fbf7d53b96ccffb5011b489e94601d65f89fecbe2fa3095ea77ee1b3a"
                        + "61cabd1485ea73be0c29a2264b42dd68ad412055d369341700476f2e9b6d7321");
    }

    @Test
    void refusesSaltOfWrongLength() {
        assertThatThrownBy(() -> KeyDerivation.derive(Password.of("x"), new byte[16], new ScryptParams(2, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 bytes, got 16");
    }

    @Test
    void validatesParametersLikeRestic() {
        assertThatThrownBy(() -> new ScryptParams(1000, 8, 1)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new ScryptParams(1, 8, 1)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new ScryptParams(1024, 0, 1)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ScryptParams(1024, 1 << 15, 1 << 15)).hasMessageContaining("2^30");
    }

    @Test
    void calibrationKeepsResticsMemoryParametersAndScalesP() {
        // A fake clock in which every derivation takes 100 ms: p = 500 ms / 100 ms.
        AtomicLong now = new AtomicLong();
        ScryptParams params = ScryptParams.calibrate(
                Duration.ofMillis(500),
                () -> now.getAndAdd(Duration.ofMillis(100).toNanos()));

        assertThat(params).isEqualTo(new ScryptParams(32768, 8, 5));
    }

    @Test
    void calibrationTimesTheCompiledSpeedNotTheSlowFirstDerivation() {
        // The first derivation (cold, interpreted) takes 400 ms, the later ones 100 ms each.
        long[] durations = {400, 100, 100, 100};
        AtomicLong now = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        ScryptParams params = ScryptParams.calibrate(Duration.ofMillis(500), () -> {
            long call = calls.getAndIncrement();
            // Even calls start a derivation, odd calls end it.
            return call % 2 == 0
                    ? now.get()
                    : now.addAndGet(
                            Duration.ofMillis(durations[(int) (call / 2)]).toNanos());
        });

        assertThat(params).isEqualTo(new ScryptParams(32768, 8, 5));
    }

    static byte[] goldenSalt() {
        byte[] salt = new byte[64];
        System.arraycopy(MasterKeyTest.sha256("salt0"), 0, salt, 0, 32);
        System.arraycopy(MasterKeyTest.sha256("salt1"), 0, salt, 32, 32);
        return salt;
    }
}

package org.lifeboat.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScryptTest {
    /** RFC 7914 §12; the second has p = 16, so its lanes run in parallel. */
    @ParameterizedTest
    @CsvSource({
        "'', '', 16, 1, 1, 77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906",
        "password, NaCl, 1024, 8, 16, fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
        "pleaseletmein, SodiumChloride, 16384, 8, 1, 7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"
    })
    void matchesRfc7914Vectors(String password, String salt, int n, int r, int p, String expected)
            throws UnsupportedKeyParametersException {
        byte[] derived = Scrypt.derive(utf8(password), utf8(salt), new ScryptParams(n, r, p), 64);

        assertThat(HexFormat.of().formatHex(derived)).isEqualTo(expected);
    }

    @Test
    void agreesWithBouncyCastleOnRandomInputs() throws UnsupportedKeyParametersException {
        Random random = new Random(7914);
        for (int i = 0; i < 40; i++) {
            byte[] password = new byte[random.nextInt(0, 80)];
            byte[] salt = new byte[random.nextInt(0, 80)];
            random.nextBytes(password);
            random.nextBytes(salt);
            ScryptParams params =
                    new ScryptParams(2 << random.nextInt(0, 8), random.nextInt(1, 5), random.nextInt(1, 5));
            int length = random.nextInt(1, 130);

            assertThat(Scrypt.derive(password, salt, params, length))
                    .as("password %s, salt %s, %s, length %d", hex(password), hex(salt), params, length)
                    .isEqualTo(SCrypt.generate(password, salt, params.n(), params.r(), params.p(), length));
        }
    }

    @Test
    void refusesParametersBeyondJavasArrayLimitWithoutAllocating() {
        // V would be 128 GiB: asking the JVM for it would end in an OutOfMemoryError, not a message.
        assertThatThrownBy(() -> Scrypt.derive(new byte[1], new byte[64], new ScryptParams(1 << 30, 8, 1), 64))
                .isInstanceOf(UnsupportedKeyParametersException.class)
                .hasMessageContaining("N=1073741824, r=8, p=1 needs 1024.0 GiB of memory");
    }

    @Test
    void refusesALaneThatDoesNotFitTheMemoryBudget() {
        // One lane of N = 1024, r = 8 holds a 1 MiB V.
        assertThatThrownBy(() -> Scrypt.derive(new byte[1], new byte[64], new ScryptParams(1024, 8, 2), 64, 1 << 19))
                .isInstanceOf(UnsupportedKeyParametersException.class)
                .hasMessage("scrypt N=1024, r=8, p=2 needs 1.0 MiB of memory, but only 0.5 MiB is available")
                .satisfies(e -> assertThat(((UnsupportedKeyParametersException) e).params())
                        .isEqualTo(new ScryptParams(1024, 8, 2)));
    }

    @Test
    void runsTheLanesOneAtATimeWhenTheBudgetHoldsOnlyOne() throws UnsupportedKeyParametersException {
        byte[] password = utf8("password");
        byte[] salt = utf8("NaCl");
        ScryptParams params = new ScryptParams(1024, 8, 16);
        long oneLane = 128L * 8 * 1024 + 2 * 128 * 8 + 128L * 8 * 16;

        assertThat(Scrypt.derive(password, salt, params, 64, oneLane))
                .isEqualTo(SCrypt.generate(password, salt, 1024, 8, 16, 64));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

package org.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.crypto.MasterKey;

/** The reference's golden repository: its config, sealed with a fixed IV, decodes to a valid v2 config. */
class GoldenVectorsTest {
    private static final String SEALED_CONFIG = "1112131415161718191a1b1c1d1e1f202294afbcae187629e0afcdba8602127f"
            + "2ba8e5e5fbdb92d8e35638f7581d991e3937a07334740d1947b50773369ebabd22b50613dbd3127b728e2b507ada5dae7"
            + "cea36da1824c36fc062da433a0cb1eb37a92019545ff1f44097d3377da23017d7181201dc33b2de0eead48f697cb6c612"
            + "d7566b5aa3e6d445c4f203ee0c46471fcfacc49164f6a39246c5";

    @Test
    void goldenConfigDecodesToVersion2WithIrreduciblePolynomial() throws Exception {
        MasterKey key =
                MasterKey.of(sha256("enc"), Arrays.copyOf(sha256("mack"), 16), Arrays.copyOf(sha256("macr"), 16));

        Config config = Config.fromJson(key.open(HexFormat.of().parseHex(SEALED_CONFIG)));

        assertThat(config.version()).isEqualTo(2);
        assertThat(config.chunkerPolynomial().isIrreducible()).isTrue();
        assertThat(Config.fromJson(config.toJson())).isEqualTo(config);
    }

    private static byte[] sha256(String text) {
        return Id.hash(text.getBytes(StandardCharsets.UTF_8)).toByteArray();
    }
}

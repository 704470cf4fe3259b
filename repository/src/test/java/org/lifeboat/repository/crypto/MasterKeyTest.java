package org.lifeboat.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.Id;

/** Vectors from restic's {@code crypto_int_test.go} and the reference's golden repository. */
class MasterKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void opensResticsSealVectorWithUnclampedR() throws Exception {
        MasterKey key = MasterKey.of(
                HEX.parseHex("303e8687b1d7db18421bdc6bb8588ccadac4d59ee87b8ff70c44e635790cafef"),
                HEX.parseHex("ef4d8824cb80b2bcc5fbff8a9b12a42c"),
                HEX.parseHex("cc8d4b948ee0ebfe1d415de921d10353"));
        byte[] sealed = HEX.parseHex("69fb41c62d12def4593bd71757138606338f621aeaeb39da0fe4f99233f8037a"
                + "54ea63338a813bcf3f75d8c3cc75dddf8750");

        assertThat(new String(key.open(sealed), StandardCharsets.UTF_8)).isEqualTo("Dies ist ein Test!");
    }

    @Test
    void verifiesDjbPoly1305AesVector() throws Exception {
        byte[] k = HEX.parseHex("ec074c835580741701425b623235add6");
        byte[] r = HEX.parseHex("851fc40c3467ac0be05cc20404f3f700");
        // The MAC does not involve the encryption key, so any valid one will do.
        byte[] anyEncryptionKey = new byte[32];
        Arrays.fill(anyEncryptionKey, (byte) 7);
        MasterKey key = MasterKey.of(anyEncryptionKey, k, r);
        byte[] sealed = HEX.parseHex("fb447350c4e868c52ac3275cf9d4327e" + "f3f6" + "f4c633c3044fc145f84f335cb81953de");

        assertThat(key.open(sealed)).hasSize(2);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> key.open(sealed)).isInstanceOf(CiphertextVerificationException.class);
    }

    @Test
    void sealsGoldenVectorWithFixedIv() throws Exception {
        MasterKey key = goldenMasterKey();
        byte[] iv = new byte[16];
        for (int i = 0; i < 16; i++) {
            iv[i] = (byte) (0x21 + i);
        }
        byte[] plaintext = "hello restic\n".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = key.sealWithIv(plaintext, 0, plaintext.length, iv);

        assertThat(HEX.formatHex(sealed))
                .isEqualTo(
                        "2122232425262728292a2b2c2d2e2f3052d84c233688ff14f308d7ff1c361418c9772b710c941049314ed1290f");
        assertThat(key.open(sealed)).isEqualTo(plaintext);
    }

    @Test
    void roundTripsWithRandomIvAndRejectsEveryFlippedByte() throws Exception {
        MasterKey key = MasterKey.generate(new SecureRandom());
        byte[] plaintext = "some plaintext of moderate length".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = key.seal(plaintext, new SecureRandom());

        assertThat(sealed).hasSize(plaintext.length + MasterKey.OVERHEAD);
        assertThat(key.open(sealed)).isEqualTo(plaintext);
        for (int i = 0; i < sealed.length; i++) {
            byte[] damaged = sealed.clone();
            damaged[i] ^= 0x40;
            assertThatThrownBy(() -> key.open(damaged))
                    .as("flipped byte %d", i)
                    .isInstanceOf(CiphertextVerificationException.class);
        }
    }

    @Test
    void refusesShortInputAndZeroIv() {
        MasterKey key = MasterKey.generate(new SecureRandom());

        assertThatThrownBy(() -> key.open(new byte[31]))
                .isInstanceOf(CiphertextVerificationException.class)
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> key.open(new byte[40]))
                .isInstanceOf(CiphertextVerificationException.class)
                .hasMessageContaining("IV is all zeros");
    }

    @Test
    void generatedKeysStoreRClamped() {
        byte[] r = MasterKey.generate(new SecureRandom()).macR();

        assertThat(MasterKey.clamp(r)).isEqualTo(r);
    }

    @Test
    void refusesAllZeroKeyParts() {
        assertThatThrownBy(() -> MasterKey.of(new byte[32], new byte[16], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all zeros");
    }

    static MasterKey goldenMasterKey() {
        return MasterKey.of(sha256("enc"), Arrays.copyOf(sha256("mack"), 16), Arrays.copyOf(sha256("macr"), 16));
    }

    static byte[] sha256(String text) {
        return Id.hash(text.getBytes(StandardCharsets.UTF_8)).toByteArray();
    }
}

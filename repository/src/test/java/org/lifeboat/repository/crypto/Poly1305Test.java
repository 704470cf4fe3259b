package org.lifeboat.repository.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written Poly1305 against published vectors and against Bouncy Castle's independent implementation. */
class Poly1305Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesRfc8439Vector() {
        byte[] r = HEX.parseHex("85d6be7857556d337f4452fe42d506a8");
        byte[] s = HEX.parseHex("0103808afb0db2fd4abff6af4149f51b");
        byte[] message = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);

        assertThat(HEX.formatHex(tag(r, s, message))).isEqualTo("a8061dc1305136c6c22b8baf0c0127a9");
    }

    /** DJB's Poly1305-AES vectors, which restic's {@code crypto_int_test.go} uses: s = AES-128(k, nonce). */
    @ParameterizedTest
    @CsvSource({
        "f3f6, 851fc40c3467ac0be05cc20404f3f700, ec074c835580741701425b623235add6,"
                + " fb447350c4e868c52ac3275cf9d4327e, f4c633c3044fc145f84f335cb81953de",
        "'', a0f3080000f46400d0c7e9076c834403, 75deaa25c09f208e1dc4ce6b5cad3fbf,"
                + " 61ee09218d29b0aaed7e154a2c5509cc, dd3fab2251f11ac759f0887129cc2ee7",
        "663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136, 48443d0bb0d21109c89a100b5ce2c208,"
                + " 6acb5f61a7176dd320c5c1eb2edcdc74, ae212a55399729595dea458bc621ff0e,"
                + " 0ee1c16bb73f0f4fd19881753c01cdbe",
    })
    void matchesPoly1305AesVectors(String message, String r, String k, String nonce, String expected) throws Exception {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(HEX.parseHex(k), "AES"));
        byte[] s = aes.doFinal(HEX.parseHex(nonce));

        assertThat(HEX.formatHex(tag(HEX.parseHex(r), s, HEX.parseHex(message))))
                .isEqualTo(expected);
    }

    @Test
    void agreesWithBouncyCastleOnRandomKeysAndLengths() {
        SplittableRandom random = new SplittableRandom(1305);
        for (int round = 0; round < 2000; round++) {
            int length = round < 600 ? round : random.nextInt(70_000);
            byte[] message = bytes(random, length);
            byte[] r = bytes(random, 16);
            byte[] s = bytes(random, 16);

            assertThat(tag(r, s, message))
                    .as("length %d, r %s", length, HEX.formatHex(r))
                    .isEqualTo(bouncyCastleTag(r, s, message));
        }
    }

    /** All-ones inputs drive every limb and carry to its maximum, where a lost carry would show. */
    @Test
    void agreesWithBouncyCastleOnExtremeValues() {
        for (int length : new int[] {1, 15, 16, 17, 31, 32, 33, 1000, 65_536}) {
            byte[] ones = new byte[length];
            Arrays.fill(ones, (byte) 0xff);
            byte[] zeros = new byte[length];
            for (byte[] message : new byte[][] {ones, zeros}) {
                for (byte[] r : new byte[][] {filled((byte) 0xff), filled((byte) 0), filled((byte) 1)}) {
                    for (byte[] s : new byte[][] {filled((byte) 0xff), filled((byte) 0)}) {
                        assertThat(tag(r, s, message))
                                .as("length %d of %02x, r %s, s %s", length, message[0], HEX.formatHex(r), s[0])
                                .isEqualTo(bouncyCastleTag(r, s, message));
                    }
                }
            }
        }
    }

    @Test
    void tagsASliceAndWritesAtTheOffset() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] buffer = bytes(random, 100);
        byte[] r = bytes(random, 16);
        byte[] s = bytes(random, 16);
        byte[] out = new byte[40];

        new org.lifeboat.repository.crypto.Poly1305(r).tag(buffer, 10, 50, s, out, 20);

        assertThat(Arrays.copyOfRange(out, 20, 36))
                .isEqualTo(bouncyCastleTag(r, s, Arrays.copyOfRange(buffer, 10, 60)));
        assertThat(Arrays.copyOfRange(out, 0, 20)).containsOnly(0);
    }

    private static byte[] tag(byte[] r, byte[] s, byte[] message) {
        byte[] out = new byte[16];
        new org.lifeboat.repository.crypto.Poly1305(r).tag(message, 0, message.length, s, out, 0);
        return out;
    }

    private static byte[] bouncyCastleTag(byte[] r, byte[] s, byte[] message) {
        byte[] key = new byte[32];
        System.arraycopy(r, 0, key, 0, 16);
        System.arraycopy(s, 0, key, 16, 16);
        Poly1305 mac = new Poly1305(); // without a cipher, Bouncy Castle's key is r || s and it clamps r itself
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[16];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, value);
        return bytes;
    }
}

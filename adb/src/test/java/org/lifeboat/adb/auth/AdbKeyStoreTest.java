package org.lifeboat.adb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdbKeyStoreTest {
    @TempDir
    Path directory;

    private AdbKeyStore store() {
        return new AdbKeyStore(directory.resolve(".android"), new SecureRandom(), "alice@laptop");
    }

    @Test
    void createsAPrivatePkcs8KeyAndAPublicKeyLineWhenNoneExist() throws Exception {
        AdbKey key = store().loadOrCreate();

        String pem = Files.readString(store().privateKeyFile());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(pem.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
        assertThat(Files.getPosixFilePermissions(store().privateKeyFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String pub = Files.readString(store().publicKeyFile());
        assertThat(pub).endsWith(" alice@laptop").doesNotContain("\n");
        assertThat(AndroidPublicKey.parse(pub)).isEqualTo(key.publicKey());
    }

    @Test
    void loadsTheSameKeyAgainAndRewritesAMissingPublicKey() throws Exception {
        AdbKey first = store().loadOrCreate();
        Files.delete(store().publicKeyFile());

        AdbKey second = store().loadOrCreate();

        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(AndroidPublicKey.parse(Files.readString(store().publicKeyFile())))
                .isEqualTo(first.publicKey());
    }

    @Test
    void signatureIsPkcs1OverASha1DigestInfoHoldingTheRawToken() throws Exception {
        AdbKey key = store().loadOrCreate();
        byte[] token = new byte[AdbKey.TOKEN_SIZE];
        new SecureRandom().nextBytes(token);

        byte[] signature = key.signToken(token);

        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, key.publicKey().rsaKey());
        byte[] digestInfo = rsa.doFinal(signature);
        assertThat(signature).hasSize(256);
        assertThat(digestInfo).hasSize(35);
        assertThat(java.util.Arrays.copyOfRange(digestInfo, 0, 15))
                .containsExactly(
                        0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14);
        assertThat(java.util.Arrays.copyOfRange(digestInfo, 15, 35)).isEqualTo(token);
    }

    @Test
    void publicKeyPayloadIsTheTextFormAndANul() throws Exception {
        AdbKey key = store().loadOrCreate();

        byte[] payload = key.publicKeyAuthPayload();

        assertThat(payload[payload.length - 1]).isZero();
        assertThat(new String(payload, 0, payload.length - 1, StandardCharsets.US_ASCII))
                .isEqualTo(Files.readString(store().publicKeyFile()));
    }

    @Test
    void rejectsATokenOfTheWrongSize() throws Exception {
        AdbKey key = store().loadOrCreate();

        assertThatThrownBy(() -> key.signToken(new byte[19])).hasMessageContaining("20 bytes");
    }

    @Test
    void reportsAGarbledPrivateKeyWithItsFileName() throws IOException {
        Files.createDirectories(store().privateKeyFile().getParent());
        Files.writeString(store().privateKeyFile(), "not a key");

        assertThatThrownBy(() -> store().loadOrCreate())
                .isInstanceOf(AdbKeyException.class)
                .hasMessageContaining("adbkey")
                .hasMessageContaining("PEM");
    }

    @Test
    void readsAnOldStylePkcs1PrivateKey() throws Exception {
        AdbKey key = store().loadOrCreate();
        String pkcs1 = pkcs1Pem(key);
        Files.writeString(store().privateKeyFile(), pkcs1);

        assertThat(store().loadOrCreate().publicKey()).isEqualTo(key.publicKey());
    }

    /** Strips the PKCS#8 wrapper: the RSA key is the OCTET STRING at the end of PrivateKeyInfo. */
    private static String pkcs1Pem(AdbKey key) {
        byte[] pkcs8 = key.privateKey().getEncoded();
        // PrivateKeyInfo: 30 82 LL LL | 02 01 00 | 30 0d ...(15) | 04 82 LL LL | pkcs1
        int offset = 4 + 3 + 15 + 4;
        byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, offset, pkcs8.length);
        return "-----BEGIN RSA PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
    }
}

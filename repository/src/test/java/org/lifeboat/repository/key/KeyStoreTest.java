package org.lifeboat.repository.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.HostIdentity;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.RepositoryException;
import org.lifeboat.repository.WrongPasswordException;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.KeyDerivation;
import org.lifeboat.repository.crypto.MasterKey;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;
import org.lifeboat.repository.crypto.UnsupportedKeyParametersException;

class KeyStoreTest {
    private static final ScryptParams FAST = new ScryptParams(1024, 8, 1);
    private static final Instant NOW = Instant.parse("2026-11-22T01:48:42.232375017Z");

    @TempDir
    Path dir;

    private LocalBackend backend;
    private KeyStore keys;
    private final SecureRandom random = new SecureRandom();

    @org.junit.jupiter.api.BeforeEach
    void createBackend() throws IOException {
        backend = new LocalBackend(dir);
        backend.create();
        keys = new KeyStore(
                backend,
                random,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new HostIdentity("vm", "root", 1, java.util.OptionalLong.empty(), java.util.OptionalLong.empty()));
    }

    @Test
    void decodesKeyFileBuiltFromGoldenVectors() throws IOException {
        byte[] salt = new byte[64];
        System.arraycopy(sha256("salt0"), 0, salt, 0, 32);
        System.arraycopy(sha256("salt1"), 0, salt, 32, 32);
        MasterKey golden =
                MasterKey.of(sha256("enc"), Arrays.copyOf(sha256("mack"), 16), Arrays.copyOf(sha256("macr"), 16));
        MasterKey userKey = KeyDerivation.derive(Password.of("golden-password"), salt, new ScryptParams(1024, 8, 1));
        String json = "{\"created\":\"2026-11-22T02:48:42.232375017+01:00\",\"username\":\"root\",\"hostname\":\"vm\","
                + "\"kdf\":\"scrypt\",\"N\":1024,\"r\":8,\"p\":1,\"salt\":\""
                + Base64.getEncoder().encodeToString(salt)
                + "\",\"data\":\""
                + Base64.getEncoder().encodeToString(userKey.seal(KeyFile.encodeMasterKey(golden), random))
                + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        backend.save(FileHandle.of(FileType.KEY, Id.hash(bytes)), bytes);

        OpenedKey opened = keys.open(Password.of("golden-password"));

        assertThat(opened.keyId()).isEqualTo(Id.hash(bytes));
        assertThat(opened.masterKey().encryptionKey()).isEqualTo(golden.encryptionKey());
        assertThat(opened.masterKey().macK()).isEqualTo(golden.macK());
        assertThat(opened.masterKey().macR()).isEqualTo(golden.macR());
        assertThat(keys.list()).singleElement().satisfies(info -> {
            assertThat(info.created()).isEqualTo(NOW);
            assertThat(info.params()).isEqualTo(new ScryptParams(1024, 8, 1));
        });
    }

    @Test
    void severalPasswordsOpenTheSameMasterKey() throws IOException {
        MasterKey master = MasterKey.generate(random);
        Id first = keys.add(master, Password.of("one"), FAST);
        Id second = keys.add(master, Password.of("two"), FAST);

        assertThat(keys.open(Password.of("one")).keyId()).isEqualTo(first);
        assertThat(keys.open(Password.of("two")).keyId()).isEqualTo(second);
        assertThat(keys.open(Password.of("two")).masterKey().encryptionKey()).isEqualTo(master.encryptionKey());
        assertThatThrownBy(() -> keys.open(Password.of("three")))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("2 key(s)");
    }

    @Test
    void writesResticsKeyFileFields() throws IOException {
        Id id = keys.add(MasterKey.generate(random), Password.of("pw"), FAST);

        String json = Files.readString(dir.resolve("keys/" + id));
        assertThat(json)
                .startsWith("{\"created\":\"2026-11-22T01:48:42.232375017Z\",\"username\":\"root\",\"hostname\":\"vm\","
                        + "\"kdf\":\"scrypt\",\"N\":1024,\"r\":8,\"p\":1,\"salt\":\"");
        assertThat(Id.hash(Files.readAllBytes(dir.resolve("keys/" + id)))).isEqualTo(id);
    }

    @Test
    void aMalformedKeyFileDoesNotLockOthersOut() throws IOException {
        byte[] badSalt = ("{\"kdf\":\"scrypt\",\"N\":1024,\"r\":8,\"p\":1,\"salt\":\"AAAA\",\"data\":\"AAAA\"}")
                .getBytes(StandardCharsets.UTF_8);
        backend.save(FileHandle.of(FileType.KEY, Id.hash(badSalt)), badSalt);
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
        backend.save(FileHandle.of(FileType.KEY, Id.hash(garbage)), garbage);
        Id good = keys.add(MasterKey.generate(random), Password.of("pw"), FAST);

        assertThat(keys.open(Password.of("pw")).keyId()).isEqualTo(good);
        assertThat(keys.list()).extracting(KeyInfo::id).containsExactly(good);
    }

    @Test
    void aKeyFileDemandingMoreMemoryThanTheHeapFailsWithAClearMessage() throws IOException {
        Id hostile = saveKeyFileClaimingN(1 << 30);

        assertThatThrownBy(() -> keys.open(Password.of("pw")))
                .isInstanceOf(UnsupportedKeyParametersException.class)
                .hasMessageStartingWith("cannot try key file keys/" + hostile
                        + ": scrypt N=1073741824, r=8, p=1 needs 1024.0 GiB of memory, but only ")
                .hasMessageEndingWith("is available; the password opens none of the other 0 key(s)");
    }

    @Test
    void aHostileKeyFileDoesNotLockOthersOut() throws IOException {
        saveKeyFileClaimingN(1 << 30);
        Id good = keys.add(MasterKey.generate(random), Password.of("pw"), FAST);

        assertThat(keys.open(Password.of("pw")).keyId()).isEqualTo(good);
        assertThatThrownBy(() -> keys.open(Password.of("other")))
                .isInstanceOf(UnsupportedKeyParametersException.class)
                .hasMessageEndingWith("the password opens none of the other 1 key(s)");
    }

    /** A well-formed key file whose scrypt parameters ask for {@code 128 * 8 * n} bytes. */
    private Id saveKeyFileClaimingN(int n) throws IOException {
        byte[] sealed = new byte[96];
        random.nextBytes(sealed);
        byte[] json = ("{\"kdf\":\"scrypt\",\"N\":" + n + ",\"r\":8,\"p\":1,\"salt\":\""
                        + Base64.getEncoder().encodeToString(new byte[64]) + "\",\"data\":\""
                        + Base64.getEncoder().encodeToString(sealed) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Id id = Id.hash(json);
        backend.save(FileHandle.of(FileType.KEY, id), json);
        return id;
    }

    @Test
    void changePasswordReplacesTheKeyAndRemoveKeepsTheLast() throws IOException {
        MasterKey master = MasterKey.generate(random);
        keys.add(master, Password.of("old"), FAST);
        OpenedKey opened = keys.open(Password.of("old"));

        Id replaced = keys.changePassword(opened, Password.of("new"), FAST);

        assertThat(keys.open(Password.of("new")).keyId()).isEqualTo(replaced);
        assertThatThrownBy(() -> keys.open(Password.of("old"))).isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> keys.remove(replaced))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("only key");
    }

    private static byte[] sha256(String text) {
        return Id.hash(text.getBytes(StandardCharsets.UTF_8)).toByteArray();
    }
}

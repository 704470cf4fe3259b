package org.lifeboat.virtualphone.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.auth.AdbKey;
import org.lifeboat.adb.auth.AdbKeyException;
import org.lifeboat.adb.auth.AdbKeyStore;
import org.lifeboat.adb.protocol.AdbCommand;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.adb.protocol.AuthType;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;

class AuthenticationTest {
    @TempDir
    Path temp;

    AdbKey trusted;
    AdbKey stranger;
    Path adbKeys;
    AdbDaemon daemon;

    @BeforeEach
    void start() throws IOException {
        trusted = new AdbKeyStore(temp.resolve("trusted"), new SecureRandom(), "trusted@host").loadOrCreate();
        stranger = new AdbKeyStore(temp.resolve("stranger"), new SecureRandom(), "stranger@host").loadOrCreate();
        adbKeys = temp.resolve("adb_keys");
        Files.writeString(adbKeys, "\n" + trusted.publicKey().toText("trusted@host") + "\n");
        daemon = startDaemon(AuthorizedKeys.load(adbKeys));
    }

    private AdbDaemon startDaemon(AuthorizedKeys keys) throws IOException {
        return AdbDaemon.start(
                InetAddress.getLoopbackAddress(),
                0,
                new DaemonSettings(AdbDaemonTest.BANNER, Optional.of(keys), new SecureRandom()),
                new PhoneFileSystem(temp.resolve("phone"), 34),
                new FakeShell());
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
    }

    @Test
    void connectsAHostThatSignsWithAnAuthorizedKey() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            AdbMessage token = host.connect(AdbProtocol.VERSION);
            assertThat(token.command()).isEqualTo(AdbCommand.AUTH);
            assertThat(token.arg0()).isEqualTo(AuthType.TOKEN.code());
            assertThat(token.payloadLength()).isEqualTo(20);

            host.writer.write(AdbMessage.auth(AuthType.SIGNATURE, trusted.signToken(token.payloadBytes())));

            AdbMessage connected = host.next();
            assertThat(connected.command()).isEqualTo(AdbCommand.CNXN);
            assertThat(host.open("exec:echo in")).isPresent();
        }
    }

    @Test
    void keepsAnUnknownKeyUnauthorized() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            AdbMessage token = host.connect(AdbProtocol.VERSION);
            host.writer.write(AdbMessage.auth(AuthType.SIGNATURE, stranger.signToken(token.payloadBytes())));

            AdbMessage retry = host.next();
            assertThat(retry.command()).isEqualTo(AdbCommand.AUTH);
            assertThat(retry.payloadBytes()).isNotEqualTo(token.payloadBytes());

            // Offering the key gets no answer: nobody is there to accept the dialog. OPENs are ignored too.
            host.writer.write(AdbMessage.auth(AuthType.RSA_PUBLIC_KEY, stranger.publicKeyAuthPayload()));
            host.writer.write(AdbMessage.open(1, "exec:echo sneaky"));
            host.writer.write(AdbMessage.auth(AuthType.SIGNATURE, new byte[256]));
            assertThat(host.next().command()).isEqualTo(AdbCommand.AUTH);
        }
    }

    @Test
    void namesTheLineOfABrokenKeyFile() throws IOException {
        Files.writeString(adbKeys, trusted.publicKey().toText("ok@host") + "\nnot-a-key user@host\n");

        assertThatThrownBy(() -> AuthorizedKeys.load(adbKeys))
                .isInstanceOf(AdbKeyException.class)
                .hasMessageContaining("adb_keys line 2");
    }

    @Test
    @RequiresTool("adb")
    void realAdbGetsInOnlyWithAnAuthorizedKey() throws Exception {
        try (AdbTool adb = new AdbTool(Files.createDirectories(temp.resolve("home")))) {
            adb.run("start-server");
            Path hostKey = temp.resolve("home/.android/adbkey.pub");
            try (AdbDaemon strict = startDaemon(new AuthorizedKeys(java.util.List.of()))) {
                String refused =
                        adb.run("connect", "127.0.0.1:" + strict.port()).stdout();
                assertThat(refused).contains("failed to authenticate to 127.0.0.1:" + strict.port());
            }
            Files.writeString(adbKeys, Files.readString(hostKey));
            try (AdbDaemon welcoming = startDaemon(AuthorizedKeys.load(adbKeys))) {
                String serial = adb.connect(welcoming.port());
                assertThat(adb.run("-s", serial, "shell", "echo", "authorized").stdout())
                        .isEqualTo("authorized\n");
            }
        }
    }
}

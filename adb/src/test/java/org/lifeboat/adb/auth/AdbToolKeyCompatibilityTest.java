package org.lifeboat.adb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.testkit.ExternalTools;
import org.lifeboat.testkit.RequiresTool;

/** Our key files and adb's are interchangeable in both directions. */
@RequiresTool("adb")
class AdbToolKeyCompatibilityTest {
    @TempDir
    Path directory;

    @Test
    void weReadAKeyPairThatAdbGenerated() throws Exception {
        Path adbDirectory = directory.resolve("adb");
        Files.createDirectories(adbDirectory);
        run("keygen", adbDirectory.resolve("adbkey").toString());

        AdbKey key = new AdbKeyStore(adbDirectory, new SecureRandom(), "unused").loadOrCreate();

        String adbPublicKey = Files.readString(adbDirectory.resolve("adbkey.pub"), StandardCharsets.US_ASCII);
        assertThat(AndroidPublicKey.parse(adbPublicKey)).isEqualTo(key.publicKey());
        assertThat(key.publicKey().toText("x").split(" ")[0])
                .isEqualTo(adbPublicKey.split(" ")[0]);
    }

    @Test
    void adbReadsAKeyWeGeneratedAndDerivesTheSamePublicKey() throws Exception {
        AdbKeyStore store = new AdbKeyStore(directory.resolve("ours"), new SecureRandom(), "lifeboat@test");
        AdbKey key = store.loadOrCreate();

        // "adb pubkey FILE" loads the private key with OpenSSL and prints adb's encoding of its public half.
        String derivedByAdb = run("pubkey", store.privateKeyFile().toString());

        assertThat(derivedByAdb.strip().split(" ")[0])
                .isEqualTo(key.publicKey().toText("x").split(" ")[0]);
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new java.util.ArrayList<>(List.of(ExternalTools.path("adb").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor()).as("exit code of adb %s", arguments[0]).isZero();
        return output;
    }
}

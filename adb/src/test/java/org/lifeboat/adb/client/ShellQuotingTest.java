package org.lifeboat.adb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellQuotingTest {
    @TempDir
    Path temp;

    @Test
    void wrapsInSingleQuotesAndSplicesEachQuote() {
        assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
        assertThat(ShellQuoting.quote("$HOME `id` \\n")).isEqualTo("'$HOME `id` \\n'");
    }

    @Test
    void refusesNulBecauseNoShellArgumentCanHoldIt() {
        assertThatThrownBy(() -> ShellQuoting.quote("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void aPosixShellGetsBackEveryByteExceptNul() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int b = 1; b < 256; b++) {
            all.write(b);
        }
        byte[] random = new byte[2000];
        new Random(42).nextBytes(random);
        for (int i = 0; i < random.length; i++) {
            random[i] = random[i] == 0 ? (byte) '\'' : random[i];
        }
        for (byte[] word : List.of(
                all.toByteArray(),
                random,
                "'".getBytes(StandardCharsets.UTF_8),
                "''\n'\\''".getBytes(StandardCharsets.UTF_8),
                "Grüße 👋\r\n$(rm -rf /)".getBytes(StandardCharsets.UTF_8))) {
            assertThat(echoedByShell(word)).isEqualTo(word);
        }
    }

    @Test
    void commandsKeepVerbatimWordsAndQuoteArguments() {
        ShellCommand command = ShellCommand.builder()
                .word("ls")
                .word("-la")
                .arg(DevicePath.of("/sdcard/it's here"))
                .word("2>/dev/null")
                .build();

        assertThat(command.toString()).isEqualTo("ls -la '/sdcard/it'\\''s here' 2>/dev/null");
        assertThat(ShellCommand.of("echo", "a b", "c")).hasToString("echo 'a b' 'c'");
    }

    /**
     * Runs {@code printf %s QUOTED} in the local POSIX shell, which has the same quoting rules as the phone's mksh. It
     * runs in a temporary folder and only prints; nothing else ever reaches the host's shell.
     */
    private byte[] echoedByShell(byte[] word) throws Exception {
        byte[] script = ShellCommand.builder()
                .word("printf")
                .word("%s")
                .arg(DevicePath.ofBytes(word))
                .build()
                .toBytes();
        Process sh = new ProcessBuilder("/bin/sh").directory(temp.toFile()).start();
        sh.getOutputStream().write(script);
        sh.getOutputStream().close();
        byte[] output = sh.getInputStream().readAllBytes();
        assertThat(sh.waitFor()).isZero();
        return output;
    }
}

package org.lifeboat.virtualphone.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.virtualphone.testing.TestPhone;
import org.lifeboat.virtualphone.testing.TestPhone.Result;

/** Subshells, brace groups, eval, dup redirections and {@code sh} on stdin: what adb clients wrap commands in. */
class ShellGroupingTest {
    @TempDir
    Path state;

    private TestPhone phone;

    @BeforeEach
    void openPhone() {
        phone = TestPhone.open(state, 34);
    }

    @Test
    void aSubshellKeepsItsDirectoryAndVariablesToItself() {
        Result r = phone.run("cd /sdcard; X=1; (cd /data/local/tmp; X=2; pwd; echo $X); pwd; echo $X");
        assertThat(r.out()).isEqualTo("/data/local/tmp\n2\n/sdcard\n1\n");
    }

    @Test
    void exitInsideASubshellEndsOnlyTheSubshell() {
        Result r = phone.run("(exit 3); echo $?; (echo a; exit 4; echo b); echo $?; (false) || echo failed");
        assertThat(r.out()).isEqualTo("3\na\n4\nfailed\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void redirectionsApplyToTheWholeGroupLeftToRight() {
        Result both = phone.run("(echo out; cat /nope) >/data/local/tmp/f 2>&1; cat /data/local/tmp/f");
        assertThat(both.out()).isEqualTo("out\ncat: /nope: No such file or directory\n");
        assertThat(both.err()).isEmpty();

        Result swapped = phone.run("(echo out; echo err >&2) 2>&1 >/data/local/tmp/g; cat /data/local/tmp/g");
        assertThat(swapped.out()).isEqualTo("err\nout\n");
        assertThat(swapped.err()).isEmpty();
    }

    @Test
    void stdinFromDevNullCoversEveryCommandInTheGroup() {
        Result r = phone.run("(cat; cat; echo done) </dev/null", "leftover".getBytes(StandardCharsets.UTF_8));
        assertThat(r.out()).isEqualTo("done\n");
    }

    @Test
    void duplicationsToStderrWorkInAnyOrderAndSpelling() {
        assertThat(phone.run("echo a >&2").err()).isEqualTo("a\n");
        assertThat(phone.run("echo b 1>&2").err()).isEqualTo("b\n");
        Result r = phone.run("echo c >&2 2>&1");
        assertThat(r.err()).isEqualTo("c\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void braceGroupsRunInTheCurrentShell() {
        Result r = phone.run("{ cd /sdcard; X=9; }; pwd; echo $X; { echo a; echo b >&2; } 2>&1 | wc -l");
        assertThat(r.out()).isEqualTo("/sdcard\n9\n2\n");
        Result exited = phone.run("{ exit 5; }; echo never");
        assertThat(exited.status()).isEqualTo(5);
        assertThat(exited.out()).isEmpty();
        assertThat(phone.run("echo } {x").out()).isEqualTo("} {x\n");
    }

    @Test
    void emptyOrUnclosedGroupsAreSyntaxErrors() {
        assertThat(phone.run("( )").err()).isEqualTo("/system/bin/sh: syntax error: ')' unexpected\n");
        assertThat(phone.run("(echo a").err()).isEqualTo("/system/bin/sh: syntax error: unexpected end of input\n");
        assertThat(phone.run("{ echo a }").status()).isEqualTo(1);
        assertThat(phone.run("echo a )").err()).isEqualTo("/system/bin/sh: syntax error: ')' unexpected\n");
    }

    @Test
    void evalJoinsItsArgumentsAndRunsThemInThisShell() {
        Result r = phone.run("eval 'X=5; cd /sdcard'; echo $X; pwd; eval echo 'a  b' '$X'");
        assertThat(r.out()).isEqualTo("5\n/sdcard\na b 5\n");
        assertThat(phone.run("eval 'false'; echo $?").out()).isEqualTo("1\n");
        assertThat(phone.run("false; eval ''; echo $?").out()).isEqualTo("0\n");
    }

    @Test
    void aSyntaxErrorInEvalEndsTheShellUnlessASubshellHoldsIt() {
        Result contained = phone.run("(eval \"echo 'x\"); echo status $?");
        assertThat(contained.out()).isEqualTo("status 1\n");
        assertThat(contained.err()).isEqualTo("/system/bin/sh: eval: no closing quote\n");

        Result fatal = phone.run("eval \"echo 'x\"; echo never");
        assertThat(fatal.status()).isEqualTo(1);
        assertThat(fatal.out()).isEmpty();
    }

    @Test
    void theSentinelWrapperOfAdbClientsFramesOutputAndStatus() {
        String command = "'echo hi; cd /sdcard; echo oops >&2; exit 7'";
        Result separate = phone.run("(eval " + command + ") </dev/null; echo END$?; echo END >&2; pwd");
        assertThat(separate.out()).isEqualTo("hi\nEND7\n/\n");
        assertThat(separate.err()).isEqualTo("oops\nEND\n");

        Result merged = phone.run("(eval " + command + ") </dev/null 2>&1; echo END$?");
        assertThat(merged.out()).isEqualTo("hi\noops\nEND7\n");
        assertThat(merged.err()).isEmpty();
    }

    @Test
    void shOnStdinRunsEachCommandAsItArrives() throws Exception {
        PipedOutputStream commands = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(commands);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        OutputStream stdout = new LineCollector(lines);
        Future<Integer> shell;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            shell = threads.submit(
                    () -> phone.device().shell().execute("sh", stdin, stdout, OutputStream.nullOutputStream()));
            for (int i = 0; i < 3; i++) {
                commands.write(
                        ("(eval 'echo round " + i + "') </dev/null; echo END$?\n").getBytes(StandardCharsets.UTF_8));
                commands.flush();
                // The answer must come before the next command is even written.
                assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("round " + i);
                assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("END0");
            }
            commands.write("exit 6\n".getBytes(StandardCharsets.UTF_8));
            commands.close();
            assertThat(shell.get(10, TimeUnit.SECONDS)).isEqualTo(6);
        }
    }

    @Test
    void aSyntaxErrorEndsAShellReadingStdin() {
        byte[] script = "echo one\necho 'a' )\necho never\n".getBytes(StandardCharsets.UTF_8);

        Result r = phone.run("sh", script);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("one\n");
        assertThat(r.err()).isEqualTo("/system/bin/sh: syntax error: ')' unexpected\n");
    }

    @Test
    void bytesThatAreNotUtf8PassThroughQuotingUnchanged() {
        byte[] hostile = {(byte) 0xff, (byte) 0xc3, '(', '\n', '$', '`', (byte) 0xe2, (byte) 0x82};
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes("(eval 'echo -nE '\\''".getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(hostile);
        line.writeBytes("'\\'''); echo -n '\\0377'\n".getBytes(StandardCharsets.US_ASCII));

        Result r = phone.run("sh", line.toByteArray());

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(hostile);
        expected.write(0xff);
        assertThat(r.outBytes()).isEqualTo(expected.toByteArray());
    }

    /** Hands each complete line written to it to a queue, so a test can wait for one answer at a time. */
    private static final class LineCollector extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineCollector(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}

package org.lifeboat.virtualphone.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.virtualphone.testing.TestPhone;
import org.lifeboat.virtualphone.testing.TestPhone.Result;

class ShellInterpreterTest {
    @TempDir
    Path state;

    private TestPhone phone;

    @BeforeEach
    void openPhone() {
        phone = TestPhone.open(state, 34);
    }

    @Test
    void quotingKeepsSpacesAndSpecialCharacters() {
        Result r = phone.run("echo 'a  b' \"c  $HOME\" d\\ e 'it'\\''s' \"x\\\"y\"");
        assertThat(r.out()).isEqualTo("a  b c  / d e it's x\"y\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void singleQuotesKeepDollarAndNewlines() {
        assertThat(phone.run("echo '$HOME\nnext'").out()).isEqualTo("$HOME\nnext\n");
    }

    @Test
    void mkshEchoInterpretsBackslashEscapesUnlessDashCapitalE() {
        assertThat(phone.run("echo 'a\\tb'").out()).isEqualTo("a\tb\n");
        assertThat(phone.run("echo -E 'a\\tb'").out()).isEqualTo("a\\tb\n");
        assertThat(phone.run("echo -n x").out()).isEqualTo("x");
    }

    @Test
    void sequencesAndConditionalsFollowExitStatuses() {
        assertThat(phone.run("false; echo $?").out()).isEqualTo("1\n");
        assertThat(phone.run("true && echo yes || echo no").out()).isEqualTo("yes\n");
        assertThat(phone.run("false && echo yes || echo no").out()).isEqualTo("no\n");
        assertThat(phone.run("false || false; echo $?").out()).isEqualTo("1\n");
    }

    @Test
    void exitStopsTheScriptWithItsStatus() {
        Result r = phone.run("echo before; exit 7; echo after");
        assertThat(r.status()).isEqualTo(7);
        assertThat(r.out()).isEqualTo("before\n");
        assertThat(phone.run("exit 300").status()).isEqualTo(300 & 0xff);
    }

    @Test
    void unknownCommandsAnswerLikeMksh() {
        Result r = phone.run("frobnicate --now");
        assertThat(r.status()).isEqualTo(127);
        assertThat(r.err()).isEqualTo("/system/bin/sh: frobnicate: inaccessible or not found\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void neverRunsHostProgramsEvenByPath() {
        Result r = phone.run("/bin/uname -a; /usr/bin/id");
        assertThat(r.err()).contains("/system/bin/sh: /usr/bin/id: inaccessible or not found");
        assertThat(r.out()).doesNotContain("Linux");
    }

    @Test
    void redirectionsWriteAppendAndRead() {
        phone.run("echo one > /data/local/tmp/f; echo two >>/data/local/tmp/f");
        assertThat(phone.run("cat < /data/local/tmp/f").out()).isEqualTo("one\ntwo\n");
        assertThat(phone.run("cat /data/local/tmp/missing 2>/dev/null; echo $?").out())
                .isEqualTo("1\n");
    }

    @Test
    void stderrCanJoinStdoutInEitherOrder() {
        Result joined = phone.run("cat /nope >/data/local/tmp/log 2>&1; cat /data/local/tmp/log");
        assertThat(joined.out()).isEqualTo("cat: /nope: No such file or directory\n");
        Result swapped = phone.run("cat /nope 2>&1 >/dev/null");
        assertThat(swapped.out()).isEqualTo("cat: /nope: No such file or directory\n");
    }

    @Test
    void devNullStdinStopsACommandFromReadingTheRest() {
        Result r = phone.run("cat </dev/null; echo done", "leftover".getBytes(StandardCharsets.UTF_8));
        assertThat(r.out()).isEqualTo("done\n");
    }

    @Test
    void pipesConnectCommands() {
        assertThat(phone.run("echo hello world | wc -w").out()).isEqualTo("2\n");
        assertThat(phone.run("echo abc | cat | cat").out()).isEqualTo("abc\n");
    }

    @Test
    void variablesAssignmentsAndFieldSplitting() {
        assertThat(phone.run("X='a b'; echo [$X] \"[$X]\"").out()).isEqualTo("[a b] [a b]\n");
        assertThat(phone.run("A=1; B=${A}2; echo $B$UNSET.").out()).isEqualTo("12.\n");
        assertThat(phone.run("echo \"\" | wc -c").out()).isEqualTo("1\n");
    }

    @Test
    void cdChangesTheDirectoryForRelativePaths() {
        Result r =
                phone.run("cd /sdcard && mkdir Notes && cd Notes && pwd && echo hi > a.txt && cat /sdcard/Notes/a.txt");
        assertThat(r.out()).isEqualTo("/sdcard/Notes\nhi\n");
        assertThat(phone.run("cd /nope").err()).isEqualTo("/system/bin/sh: cd: /nope: No such file or directory\n");
    }

    @Test
    void redirectionFailuresAreReportedAndSkipTheCommand() {
        Result r = phone.run("echo x > /system/x; echo $?");
        assertThat(r.err()).isEqualTo("/system/bin/sh: can't create /system/x: Read-only file system\n");
        assertThat(r.out()).isEqualTo("1\n");
    }

    @Test
    void syntaxErrorsRunNothing() {
        Result r = phone.run("echo first; echo 'unterminated");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("/system/bin/sh: no closing quote\n");
    }

    @Test
    void unsupportedConstructsSaySo() {
        Result r = phone.run("echo $(id)");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("/system/bin/sh: command substitution ('$(') not supported by the virtual"
                        + " phone's shell\n");
        assertThat(phone.run("f() { :; }").err()).contains("not supported");
        assertThat(phone.run("sleep 1 &").err()).contains("background jobs");
    }

    @Test
    void testBuiltinChecksFiles() {
        phone.run("touch /sdcard/here");
        assertThat(phone.run("[ -f /sdcard/here ] && echo file; test -d /sdcard && echo dir")
                        .out())
                .isEqualTo("file\ndir\n");
        assertThat(phone.run("[ -e /sdcard/gone ]").status()).isEqualTo(1);
    }

    @Test
    void globsMatchPhoneFilesAndStayLiteralWithoutMatches() {
        phone.run("touch /data/local/tmp/a.apk /data/local/tmp/b.apk /data/local/tmp/c.txt");
        assertThat(phone.run("echo /data/local/tmp/*.apk").out())
                .isEqualTo("/data/local/tmp/a.apk /data/local/tmp/b.apk\n");
        assertThat(phone.run("echo /data/local/tmp/*.zip '*'").out()).isEqualTo("/data/local/tmp/*.zip *\n");
    }

    @Test
    void shRunsScriptsFromFilesAndDashC() {
        phone.run("echo 'echo from script $1; exit 3' > /data/local/tmp/x.sh");
        Result r = phone.run("sh /data/local/tmp/x.sh arg; echo status $?");
        assertThat(r.out()).isEqualTo("from script arg\nstatus 3\n");
        assertThat(phone.run("sh -c 'echo inner'").out()).isEqualTo("inner\n");
    }

    @Test
    void interactiveShellRunsLinesAsTheyArriveAndStopsAtExit() throws Exception {
        byte[] input = "echo one\necho 'two\nlines'\nexit 4\necho never\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = phone.device()
                .shell()
                .interactive(new ByteArrayInputStream(input), out, OutputStream.nullOutputStream(), false);
        assertThat(status).isEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\nlines\n");
    }

    @Test
    void argvExecutionSkipsShellParsing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = phone.device()
                .shell()
                .executeArgv(
                        List.of("echo", "$HOME; exit 3"),
                        InputStream.nullInputStream(),
                        out,
                        OutputStream.nullOutputStream());
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("$HOME; exit 3\n");
    }
}

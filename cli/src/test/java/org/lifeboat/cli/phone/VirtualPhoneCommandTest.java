package org.lifeboat.cli.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.cli.Main;
import org.lifeboat.testkit.ExternalTools;
import org.lifeboat.testkit.RequiresTool;

/** {@code lifeboat virtual-phone} run as a user would, on a free port, reached by Debian's adb, then stopped. */
class VirtualPhoneCommandTest {
    private static final String CACHE_PROPERTY = "lifeboat.profile.cache";

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String previousCache;

    @BeforeEach
    void privateProfileCache() {
        previousCache = System.getProperty(CACHE_PROPERTY);
        System.setProperty(CACHE_PROPERTY, temp.resolve("profiles").toString());
    }

    @AfterEach
    void restoreProfileCache() {
        if (previousCache == null) {
            System.clearProperty(CACHE_PROPERTY);
        } else {
            System.setProperty(CACHE_PROPERTY, previousCache);
        }
    }

    @Test
    @RequiresTool("adb")
    void printsTheConnectLineAndSummaryServesAdbAndStopsWhenInterrupted() throws Exception {
        AtomicInteger exitCode = new AtomicInteger(-1);
        String[] args = {
            "virtual-phone",
            "--profile",
            "blank",
            "--port",
            "0",
            "--state",
            temp.resolve("state").toString(),
            "--api",
            "31",
            "--model",
            "CLI Phone"
        };
        Thread command = new Thread(() -> exitCode.set(run(args)), "virtual-phone");
        command.start();
        try {
            String banner = awaitOutput("Press Ctrl-C to stop.");

            Matcher connect = Pattern.compile("(?m)^  adb connect (127\\.0\\.0\\.1:(\\d+))$")
                    .matcher(banner);
            assertThat(connect.find()).as(banner).isTrue();
            assertThat(banner)
                    .contains("Virtual phone 'CLI Phone' (Android API 31) is listening.")
                    .contains("Holds 0 photos, 0 videos, 0 contacts, 0 SMS, 0 MMS, 0 calls, 0 events, 0 apps.\n")
                    .contains("State: " + temp.resolve("state"));
            Path home = Files.createDirectories(temp.resolve("home"));
            int server = freePort();
            try {
                assertThat(adb(home, server, "connect", connect.group(1))).contains("connected to " + connect.group(1));
                assertThat(adb(home, server, "devices", "-l")).contains("model:CLI_Phone");
                assertThat(adb(home, server, "-s", connect.group(1), "shell", "getprop ro.build.version.sdk"))
                        .isEqualTo("31\n");
            } finally {
                adb(home, server, "kill-server");
            }

            command.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(command.isAlive()).isFalse();
            assertThat(exitCode.get()).isEqualTo(130);
            assertThat(out.toString()).endsWith("Virtual phone stopped.\n");
            assertThat(err.toString()).isEmpty();
            int port = Integer.parseInt(connect.group(2));
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
        } finally {
            command.interrupt();
            command.join();
        }
    }

    @Test
    void passesTheScaleToTheProfilesWhichAllowItForDemoOnly() {
        int code = run(
                "virtual-phone",
                "--profile",
                "blank",
                "--scale",
                "3",
                "--state",
                temp.resolve("s").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("lifeboat: scale must be at least 1 (and exactly 1 for blank), got 3 for blank\n");
    }

    @Test
    void rejectsAScaleBelowOne() {
        int code = run(
                "virtual-phone",
                "--profile",
                "demo",
                "--scale",
                "0",
                "--state",
                temp.resolve("s").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("lifeboat: scale must be at least 1, got 0\n");
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private String awaitOutput(String marker) throws InterruptedException {
        for (int i = 0; i < 1200 && !out.toString().contains(marker); i++) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).as("stdout; stderr: %s", err).contains(marker);
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** adb with its own server port and HOME, so it never meets another test's server or keys. */
    private static String adb(Path home, int serverPort, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ExternalTools.path("adb").toString(), "-P", "" + serverPort));
        command.addAll(List.of(args));
        // A file, not a pipe: the adb server that `connect` forks could otherwise hold the pipe open.
        Path output = Files.createTempFile(home, "adb", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("ANDROID_SERIAL");
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}

package org.lifeboat.cli.phone;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lifeboat.adb.auth.AdbKeyException;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;
import org.lifeboat.virtualphone.profile.InvalidProfileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifeboat virtual-phone}: runs a simulated phone that the real adb can connect to, until Ctrl-C. */
@Command(
        name = "virtual-phone",
        description = {
            "Run a simulated Android phone that speaks adbd's protocol on 127.0.0.1, until Ctrl-C.",
            "Connect with the printed 'adb connect' line; its state persists in --state."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
public final class VirtualPhoneCommand implements Callable<Integer> {
    @Option(
            names = "--profile",
            paramLabel = "demo|blank|DIR",
            defaultValue = "demo",
            description = "Profile that fills an empty state folder (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(
            names = "--scale",
            paramLabel = "N",
            defaultValue = "1",
            description = "Multiply the demo profile's photos, videos, messages and calls by N, for benchmarks"
                    + " (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            description = "The phone's state folder; created from the profile when empty (default: a new temporary"
                    + " folder).")
    Path state;

    @Option(names = "--port", paramLabel = "N", description = "TCP port to listen on (default: any free port).")
    int port;

    @Option(names = "--api", paramLabel = "26..35", description = "Android API level (default: the profile's).")
    Integer api;

    @Option(names = "--serial", paramLabel = "S", description = "ro.serialno of the phone.")
    String serial;

    @Option(names = "--model", paramLabel = "M", description = "ro.product.model of the phone.")
    String model;

    @Option(
            names = "--features",
            paramLabel = "LIST",
            description = "adbd features to advertise, comma-separated, or 'none' to force adb's oldest paths"
                    + " (default: shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,abb_exec).")
    String features;

    @Option(
            names = "--auth",
            description = "Require adb authentication (ro.adb.secure=1): only keys listed in STATE/adb_keys get in.")
    boolean auth;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        VirtualPhoneConfig config = config();
        VirtualPhone phone = startPhone(config);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs the shutdown hooks while call() still waits; the hook closes the phone so adb sees it go.
        Thread shutdownHook = new Thread(() -> {
            closeQuietly(phone);
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            printBanner(out, phone, config);
            stopped.await();
            return 0;
        } catch (InterruptedException e) {
            // An embedding program (or a test) stops the phone by interrupting the command's thread.
            Thread.currentThread().interrupt();
            out.println("Virtual phone stopped.");
            out.flush();
            return ExitCode.INTERRUPTED.code();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running and closes the phone itself.
            }
            phone.close();
        }
    }

    private static void printBanner(PrintWriter out, VirtualPhone phone, VirtualPhoneConfig config) {
        out.println(
                "Virtual phone '" + phone.device().property("ro.product.model").orElse("?") + "' (Android API "
                        + phone.device().apiLevel() + ") is listening. Connect with:");
        out.println("  adb connect " + phone.serial());
        out.println((phone.startedFromProfile() ? "Holds " : "Reopened from its state; its profile held ")
                + phone.profileSummary().oneLine() + ".");
        out.println("State: " + config.stateDir());
        if (config.requireAuth()) {
            out.println("Authentication is on: add a host's ~/.android/adbkey.pub to " + config.adbKeysFile());
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void closeQuietly(VirtualPhone phone) {
        try {
            phone.close();
        } catch (IOException e) {
            // The process is ending; nothing is left to report to.
        }
    }

    private VirtualPhoneConfig config() throws IOException {
        Path stateDir = state != null ? state : Files.createTempDirectory("lifeboat-phone-");
        try {
            VirtualPhoneConfig config = VirtualPhoneConfig.of(profile, stateDir)
                    .withScale(scale)
                    .withPort(port)
                    .withAuth(auth);
            if (api != null) {
                config = config.withApiLevel(api);
            }
            if (serial != null) {
                config = config.withSerial(serial);
            }
            if (model != null) {
                config = config.withModel(model);
            }
            if (features != null) {
                config = config.withFeatures(
                        features.equalsIgnoreCase("none") ? AdbFeatures.NONE : AdbFeatures.parse(features));
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.USAGE, e.getMessage());
        }
    }

    private static VirtualPhone startPhone(VirtualPhoneConfig config) throws IOException {
        try {
            return VirtualPhone.start(config);
        } catch (BindException e) {
            throw new UserFacingException(
                    ExitCode.FATAL, "cannot listen on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
        } catch (AdbKeyException e) {
            throw new UserFacingException(ExitCode.FATAL, "cannot read the phone's adb_keys: " + e.getMessage(), e);
        } catch (InvalidProfileException | IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
        }
    }
}

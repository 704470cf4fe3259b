package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.adb.protocol.AdbFeatures;

/**
 * Installs APKs the way adb 29.0.6 does (AOSP client/adb_install.cpp, adb-protocol.md §4.6): streamed through
 * {@code abb_exec:package install -S N} or {@code exec:cmd package install -S N} when the phone has them, otherwise
 * pushed to {@code /data/local/tmp} and installed with {@code pm install}. Split APKs use a package-manager session.
 */
final class Installer {
    /** adb reads at most this much of the package manager's reply. */
    private static final int REPLY_LIMIT = 8 * 1024;

    private static final DevicePath STAGING = DevicePath.of("/data/local/tmp");
    private static final Pattern SESSION_ID = Pattern.compile("\\[(\\d+)]");

    private final Device device;
    private final DeviceConnection connection;

    Installer(Device device, DeviceConnection connection) {
        this.device = device;
        this.connection = connection;
    }

    void install(ApkFile apk, List<String> options) throws IOException {
        if (device.has(AdbFeatures.CMD) && device.has(AdbFeatures.ABB_EXEC)) {
            List<String> arguments = new ArrayList<>(List.of("package", "install"));
            arguments.addAll(options);
            arguments.addAll(List.of("-S", Long.toString(apk.size())));
            streamInstall(DeviceService.abbExec(arguments), apk);
        } else if (device.has(AdbFeatures.CMD)) {
            ShellCommand.Builder command =
                    ShellCommand.builder().word("cmd package").arg("install");
            options.forEach(command::arg);
            streamInstall(
                    DeviceService.exec(
                            command.word("-S").word(Long.toString(apk.size())).build()),
                    apk);
        } else {
            pushInstall(apk, options);
        }
    }

    private void streamInstall(DeviceService service, ApkFile apk) throws IOException {
        String reply = sendAndReadReply(service, apk);
        if (!reply.startsWith("Success")) {
            throw new InstallFailedException("the phone refused to install " + apk.name() + ": " + reply.strip());
        }
    }

    /** Push install: the only way on phones without {@code cmd} (before Android 7). */
    private void pushInstall(ApkFile apk, List<String> options) throws IOException {
        DevicePath staged = STAGING.resolve(apk.name());
        try (SyncSession sync = device.sync();
                InputStream content = apk.opener().open()) {
            sync.push(content, staged, 0100644, Instant.EPOCH);
        }
        try {
            ShellCommand.Builder command = ShellCommand.builder().word("pm").arg("install");
            options.forEach(command::arg);
            ShellResult result = device.shell(command.arg(staged).build());
            String output = (result.stdoutText() + result.stderrText()).strip();
            if (!result.succeeded() || !output.contains("Success")) {
                throw new InstallFailedException("the phone refused to install " + apk.name() + ": " + output);
            }
        } finally {
            device.shell(
                    ShellCommand.builder().word("rm").word("-f").arg(staged).build());
        }
    }

    void installMultiple(List<ApkFile> apks, List<String> options) throws IOException {
        if (apks.isEmpty()) {
            throw new IllegalArgumentException("install-multiple needs at least one APK");
        }
        String pm = device.has(AdbFeatures.CMD) ? "cmd package" : "pm";
        long total = apks.stream().mapToLong(ApkFile::size).sum();
        ShellCommand.Builder create = ShellCommand.builder().word(pm).word("install-create");
        create.word("-S").word(Long.toString(total));
        options.forEach(create::arg);
        String created = readReply(DeviceService.exec(create.build()));
        Matcher id = SESSION_ID.matcher(created);
        if (!created.startsWith("Success") || !id.find()) {
            throw new InstallFailedException("the phone refused to start an install session: " + created.strip());
        }
        String session = id.group(1);
        boolean committed = false;
        try {
            for (ApkFile apk : apks) {
                ShellCommand write = ShellCommand.builder()
                        .word(pm)
                        .word("install-write")
                        .word("-S")
                        .word(Long.toString(apk.size()))
                        .word(session)
                        .arg(apk.name())
                        .word("-")
                        .build();
                String reply = sendAndReadReply(DeviceService.exec(write), apk);
                if (!reply.startsWith("Success")) {
                    throw new InstallFailedException("the phone refused split " + apk.name() + ": " + reply.strip());
                }
            }
            String commit = readReply(DeviceService.exec(ShellCommand.builder()
                    .word(pm)
                    .word("install-commit")
                    .word(session)
                    .build()));
            if (!commit.startsWith("Success")) {
                throw new InstallFailedException("the phone refused to install the app: " + commit.strip());
            }
            committed = true;
        } finally {
            if (!committed) {
                readReply(DeviceService.exec(ShellCommand.builder()
                        .word(pm)
                        .word("install-abandon")
                        .word(session)
                        .build()));
            }
        }
    }

    /** Streams exactly {@code apk.size()} bytes into the service, then reads the reply until EOF. */
    private String sendAndReadReply(DeviceService service, ApkFile apk) throws IOException {
        try (AdbStream stream = connection.open(service);
                InputStream content = apk.opener().open()) {
            OutputStream out = stream.output();
            long copied = content.transferTo(out);
            out.flush();
            if (copied != apk.size()) {
                throw new InstallFailedException(apk.name() + " has " + copied + " bytes, not the announced "
                        + apk.size() + "; the package manager would wait for the rest");
            }
            return readUpToLimit(stream.input());
        }
    }

    private String readReply(DeviceService service) throws IOException {
        try (AdbStream stream = connection.open(service)) {
            return readUpToLimit(stream.input());
        }
    }

    private static String readUpToLimit(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.writeBytes(in.readNBytes(REPLY_LIMIT));
        return reply.toString(StandardCharsets.UTF_8);
    }
}

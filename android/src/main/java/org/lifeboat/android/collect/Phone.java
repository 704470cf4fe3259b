package org.lifeboat.android.collect;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DeviceDisconnectedException;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellResult;
import org.lifeboat.adb.client.ShellSession;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentOutput;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;

/**
 * One phone opened for collecting: its long-lived shell (android-data.md §1: one {@code sh} for many small commands),
 * its {@code getprop} properties read once, and parallel file reads through {@link PhoneFiles}.
 */
public final class Phone implements Closeable {
    /** {@code getprop} without arguments prints {@code [key]: [value]} lines (android-data.md §8). */
    private static final Pattern PROPERTY = Pattern.compile("^\\[(.+?)\\]: \\[(.*)\\]$", Pattern.MULTILINE);
    /** Where a shell without the shell protocol parks a command's stderr, which it would otherwise merge. */
    private static final String STDERR_FILE = "/data/local/tmp/.lifeboat-stderr";

    private final Device device;
    private final ShellSession shell;
    private final Map<String, String> properties;
    private final AdbFeatures features;
    private final PhoneFiles files;

    private Phone(Device device, ShellSession shell, Map<String, String> properties, AdbFeatures features) {
        this.device = device;
        this.shell = shell;
        this.properties = properties;
        this.features = features;
        this.files = new PhoneFiles(device);
    }

    /** Opens the long-lived shell and reads the phone's properties. */
    public static Phone open(Device device) throws IOException {
        ShellSession shell = device.openShellSession();
        try {
            ShellCommand getprop = ShellCommand.of("getprop");
            String listing = shell.run(getprop).requireSuccess(getprop).stdoutText();
            Map<String, String> properties = new LinkedHashMap<>();
            Matcher matcher = PROPERTY.matcher(listing);
            while (matcher.find()) {
                properties.put(matcher.group(1), matcher.group(2));
            }
            return new Phone(device, shell, Map.copyOf(properties), device.features());
        } catch (IOException | RuntimeException e) {
            shell.close();
            throw e;
        }
    }

    /** The serial adb knows the phone by (a USB serial, or {@code host:port} over Wi-Fi). */
    public String serial() {
        return device.serial();
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key)).filter(value -> !value.isEmpty());
    }

    /** The Android API level ({@code ro.build.version.sdk}). */
    public int sdk() {
        String sdk = property("ro.build.version.sdk").orElse("0");
        try {
            return Integer.parseInt(sdk.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The serial of the hardware, the same over USB and Wi-Fi: {@code ro.serialno}, else the adb serial. */
    public String hardwareSerial() {
        return property("ro.serialno").or(() -> property("ro.boot.serialno")).orElse(device.serial());
    }

    public String model() {
        return property("ro.product.model").orElse("unknown model");
    }

    /** The adb features both the phone and this client use. */
    public AdbFeatures features() {
        return features;
    }

    Map<String, String> properties() {
        return properties;
    }

    /** Runs one command in the long-lived shell. */
    public ShellResult run(ShellCommand command) throws IOException {
        return shell.run(command);
    }

    /** Runs a command that must succeed and returns its standard output as UTF-8 text. */
    public String runText(ShellCommand command) throws IOException {
        return shell.run(command).requireSuccess(command).stdoutText();
    }

    /**
     * Runs a {@code content query} and parses its rows. {@code content} exits 0 whatever happens, so failures are read
     * from its output; without the shell protocol its stderr is captured in a file, so it cannot mix with the rows.
     */
    public List<ProviderRow> query(ContentQuery query) throws IOException, ContentCommandException {
        ShellCommand.Builder command = ShellCommand.builder();
        query.arguments().forEach(command::arg);
        if (!features.has(AdbFeatures.SHELL_V2)) {
            ShellResult result = shell.run(command.word("2>" + STDERR_FILE).build());
            ShellCommand readErrors = ShellCommand.script("cat " + STDERR_FILE + "; rm -f " + STDERR_FILE);
            String stderr = new String(shell.run(readErrors).stdout(), StandardCharsets.UTF_8);
            return ContentOutput.parseQuery(query, result.stdoutText(), stderr);
        }
        ShellResult result = shell.run(command.build());
        return ContentOutput.parseQuery(query, result.stdoutText(), result.stderrText());
    }

    /** Streams files from the phone over parallel sync sessions. */
    public PhoneFiles files() {
        return files;
    }

    public Device device() {
        return device;
    }

    /** Ends the shell; a phone that is already gone has nothing left to close, which is not an error. */
    @Override
    public void close() throws IOException {
        files.close();
        try {
            shell.close();
        } catch (DeviceDisconnectedException e) {
            // The backup already reported the loss; closing cannot make it worse.
        }
    }
}

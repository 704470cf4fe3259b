package org.lifeboat.cli.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lifeboat.adb.client.AdbServer;
import org.lifeboat.adb.client.AdbServerUnavailableException;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DeviceInfo;
import org.lifeboat.adb.client.DeviceState;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.backup.PhoneSnapshots;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.repo.CliEnvironment;
import org.lifeboat.cli.repo.RepositoryOptions;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifeboat devices}: the attached phones, their state with a fix when unusable, and their last backup. */
@Command(
        name = "devices",
        description = "List attached phones with model, Android version and the time of their last backup.",
        mixinStandardHelpOptions = true)
public final class DevicesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    RepositoryOptions repositoryOptions;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private record Row(DeviceInfo info, Map<String, String> properties, Optional<String> lastBackup) {}

    @Override
    public Integer call() throws IOException {
        AdbServer server = new PhoneConnector(repositoryOptions.environment().variables()).server();
        List<DeviceInfo> devices;
        try {
            devices = server.devices();
        } catch (AdbServerUnavailableException e) {
            throw new UserFacingException(ExitCode.FATAL, e.getMessage(), e);
        }
        Optional<Repository> repository = openQuietly();
        try {
            List<Row> rows = new ArrayList<>();
            for (DeviceInfo info : devices) {
                Map<String, String> properties = info.state() == DeviceState.DEVICE ? describe(server, info) : Map.of();
                Optional<String> last = repository.flatMap(repo -> lastBackup(repo, properties));
                rows.add(new Row(info, properties, last));
            }
            print(rows, repository.isPresent());
        } finally {
            if (repository.isPresent()) {
                repository.get().close();
            }
        }
        return 0;
    }

    private static Map<String, String> describe(AdbServer server, DeviceInfo info) throws IOException {
        Map<String, String> properties = new HashMap<>();
        try (Device device = Device.of(server.open(info.serial()))) {
            for (String key : List.of(
                    "ro.serialno",
                    "ro.product.model",
                    "ro.product.manufacturer",
                    "ro.build.version.release",
                    "ro.build.version.sdk")) {
                String value = device.shell(ShellCommand.of("getprop", key))
                        .stdoutText()
                        .strip();
                properties.put(key, value);
            }
        }
        return properties;
    }

    /** The repository if it can be opened without asking for a password; a listing never prompts. */
    private Optional<Repository> openQuietly() {
        CliEnvironment environment = repositoryOptions.environment();
        repositoryOptions.withEnvironment(new CliEnvironment(
                environment.variables(), Optional.empty(), environment.osName(), environment.home()));
        try {
            return Optional.of(repositoryOptions.open());
        } catch (UserFacingException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> lastBackup(Repository repository, Map<String, String> properties) {
        if (properties.isEmpty()) {
            return Optional.empty();
        }
        String host = PhoneSnapshots.hostname(
                properties.getOrDefault("ro.product.model", ""), properties.getOrDefault("ro.serialno", ""));
        try {
            List<SavedSnapshot> history = PhoneSnapshots.of(repository, host);
            return history.isEmpty()
                    ? Optional.of("never")
                    : Optional.of(history.getLast().snapshot().time().toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void print(List<Row> rows, boolean repositoryOpen) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            for (Row row : rows) {
                ObjectNode node = array.addObject();
                node.put("serial", row.info().serial());
                node.put("state", row.info().state().wireName());
                row.info().state().fix().ifPresent(fix -> node.put("fix", fix));
                node.put("model", row.properties().get("ro.product.model"));
                node.put("manufacturer", row.properties().get("ro.product.manufacturer"));
                node.put("android", row.properties().get("ro.build.version.release"));
                node.put("sdk", row.properties().get("ro.build.version.sdk"));
                row.lastBackup().ifPresent(last -> node.put("lastBackup", last));
            }
            out.println(array);
            out.flush();
            return;
        }
        if (rows.isEmpty()) {
            out.println("No phone is attached. Connect one with a USB cable and enable USB debugging in Developer"
                    + " options, or use 'lifeboat demo' to try Lifeboat with a simulated phone.");
        }
        for (Row row : rows) {
            Map<String, String> p = row.properties();
            out.printf(
                    "%-22s %-13s %s%n",
                    row.info().serial(),
                    row.info().state(),
                    p.isEmpty()
                            ? ""
                            : String.format(
                                    "%s %s, Android %s (API %s), last backup: %s",
                                    p.get("ro.product.manufacturer"),
                                    p.get("ro.product.model"),
                                    p.get("ro.build.version.release"),
                                    p.get("ro.build.version.sdk"),
                                    row.lastBackup()
                                            .orElse(repositoryOpen ? "unknown" : "unknown (no repository password)")));
            row.info().state().fix().ifPresent(fix -> out.printf("%22s   fix: %s%n", "", fix));
        }
        out.flush();
    }
}

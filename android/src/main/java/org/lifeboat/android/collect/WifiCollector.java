package org.lifeboat.android.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellResult;

/**
 * Saved Wi-Fi networks as {@code wifi/networks.json}: SSID and security type from {@code cmd wifi list-networks}
 * (Android 11+, android-data.md §4.10). No shell command prints passwords, which the report says.
 */
final class WifiCollector implements Collector {
    static final int FIRST_LISTING_API = 30;
    /** WifiShellCommand prints {@code %-12d %-32s %-4s}: id, SSID (may hold spaces), security type. */
    private static final Pattern ROW = Pattern.compile("^(\\d+)\\s+(.*?)\\s+(\\S+)\\s*$");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public DataType type() {
        return DataType.WIFI;
    }

    @Override
    public Collection collect(Phone phone) throws IOException {
        if (phone.sdk() < FIRST_LISTING_API) {
            return unreachable(NotSaved.unreachable(
                    "saved Wi-Fi networks",
                    OptionalLong.empty(),
                    "Android 10 and older have no adb command that lists saved networks",
                    "note your networks from Settings > Network & internet"));
        }
        ShellCommand command = ShellCommand.of("cmd", "wifi", "list-networks");
        ShellResult result = phone.run(command);
        if (!result.succeeded()) {
            return unreachable(NotSaved.failed(
                    "saved Wi-Fi networks",
                    "cmd wifi list-networks failed: " + result.stderrText().strip(),
                    "run the backup again"));
        }
        ArrayNode networks = JSON.createArrayNode();
        for (String line : result.stdoutText().lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                ObjectNode network = networks.addObject();
                network.put("networkId", Integer.parseInt(row.group(1)));
                network.put("ssid", row.group(2));
                network.put("security", row.group(3));
            }
        }
        ObjectNode document = JSON.createObjectNode();
        document.set("networks", networks);
        List<CollectedItem> items = List.of(
                new CollectedItem.Generated(List.of("wifi", "networks.json"), JSON.writeValueAsBytes(document)));
        List<NotSaved> notSaved = new ArrayList<>();
        if (!networks.isEmpty()) {
            notSaved.add(NotSaved.unreachable(
                    "Wi-Fi passwords",
                    OptionalLong.of(networks.size()),
                    "Android shows saved passwords only to root, never to adb",
                    "share each network as a QR code (Settings > Network & internet) or note the passwords"));
        }
        return new Collection(
                DataType.WIFI,
                items,
                new TypeReport(DataType.WIFI, networks.size(), networks.size(), Exports.size(items), notSaved));
    }

    private static Collection unreachable(NotSaved notSaved) {
        return new Collection(DataType.WIFI, List.of(), new TypeReport(DataType.WIFI, 0, 0, 0, List.of(notSaved)));
    }
}

package org.lifeboat.virtualphone.provider.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.provider.android.WifiNetwork;

/**
 * {@code cmd wifi list-networks}: WifiShellCommand (packages/modules/Wifi). Android 11 names security types
 * wpa3/wpa2/eap/owe/open; Android 12+ prints WifiConfiguration.getSecurityTypeName. Before Android 11 the command
 * does not exist and BasicShellCommandHandler answers {@code Unknown command} with status 255.
 */
public final class WifiCommand {
    private static final Map<String, String> MODERN_NAMES =
            Map.of("wpa2", "wpa2-psk", "wpa3", "wpa3-sae", "eap", "wpa2-enterprise", "open", "open", "owe", "owe");

    private final List<WifiNetwork> networks;
    private final int apiLevel;

    public WifiCommand(List<WifiNetwork> networks, int apiLevel) {
        this.networks = List.copyOf(networks);
        this.apiLevel = apiLevel;
    }

    public int run(List<String> args, OutputStream stdout, OutputStream stderr) throws IOException {
        String command = args.isEmpty() ? null : args.get(0);
        if (apiLevel < 30 || !"list-networks".equals(command)) {
            stderr.write(("Unknown command: " + command + "\n").getBytes(StandardCharsets.UTF_8));
            return 255;
        }
        StringBuilder out = new StringBuilder();
        if (networks.isEmpty()) {
            out.append("No networks\n");
        } else {
            out.append("Network Id      SSID                         Security type\n");
            for (WifiNetwork network : networks) {
                String security = apiLevel >= 31
                        ? MODERN_NAMES.getOrDefault(network.security(), network.security())
                        : network.security();
                out.append(String.format("%-12d %-32s %-4s%n", network.networkId(), network.ssid(), security)
                        .replace(System.lineSeparator(), "\n"));
            }
        }
        stdout.write(out.toString().getBytes(StandardCharsets.UTF_8));
        return 0;
    }
}

package org.lifeboat.virtualphone.profile.demo;

import java.util.List;
import java.util.Map;

/**
 * Saved Wi-Fi networks. {@code securityType} uses the words of WifiShellCommand ({@code cmd wifi add-network
 * <ssid> open|owe|wpa2|wpa3}), plus {@code eap} for enterprise networks the shell cannot create.
 */
final class WifiNetworks {
    private WifiNetworks() {}

    static List<Map<String, Object>> demo() {
        return List.of(
                network(0, "Zuhause", "wpa2", "correct horse battery", false),
                network(1, "FRITZ!Box 7590 XY", "wpa3", "w8h4-qp2z-0kd1", false),
                network(2, "Café Einstein Gäste", "open", null, false),
                network(3, "eduroam", "eap", null, false),
                network(4, "Büro, 3. OG \uD83D\uDCF6", "wpa2", "p@ss=word, \"quoted\"", true));
    }

    private static Map<String, Object> network(int id, String ssid, String security, String psk, boolean hidden) {
        return Rows.row()
                .put("networkId", id)
                .put("ssid", ssid)
                .put("securityType", security)
                .put("preSharedKey", psk)
                .put("hiddenSsid", hidden)
                .build();
    }
}

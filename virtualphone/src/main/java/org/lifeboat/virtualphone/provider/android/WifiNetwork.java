package org.lifeboat.virtualphone.provider.android;

/**
 * A saved Wi-Fi network from wifi.json. {@code security} uses WifiShellCommand's words ({@code open}, {@code owe},
 * {@code wpa2}, {@code wpa3}, {@code eap}), read from the profile's {@code securityType}.
 */
public record WifiNetwork(int networkId, String ssid, String security) {}

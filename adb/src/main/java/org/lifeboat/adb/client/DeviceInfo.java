package org.lifeboat.adb.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One line of {@code host:devices-l}: {@code printf("%-22s %s", serial, state)}, then optional
 * {@code usb:DEVPATH product:X model:Y device:Z transport_id:N} (AOSP transport.cpp {@code append_transport}).
 * Empty fields are omitted by the server, so they are optional here.
 */
public record DeviceInfo(
        String serial,
        DeviceState state,
        Optional<String> product,
        Optional<String> model,
        Optional<String> device,
        OptionalLong transportId) {

    private static final Set<String> FIELD_KEYS = Set.of("usb", "product", "model", "device", "transport_id");

    /** Parses a whole {@code devices} or {@code devices-l} listing (also the body of each track-devices update). */
    static List<DeviceInfo> parseList(String listing) throws AdbProtocolException {
        List<DeviceInfo> devices = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (!line.isBlank()) {
                devices.add(parseLine(line));
            }
        }
        return List.copyOf(devices);
    }

    static DeviceInfo parseLine(String line) throws AdbProtocolException {
        // The short form separates serial and state with a tab; the long form pads with spaces.
        String[] words = line.strip().split("[ \t]+");
        if (words.length < 2) {
            throw new AdbProtocolException("the adb server listed a device without a state: '" + line + "'");
        }
        int fieldsStart = 2;
        while (fieldsStart < words.length && !isField(words[fieldsStart])) {
            fieldsStart++;
        }
        // A state such as "no permissions (...); see [...]" spans several words.
        String state = String.join(" ", List.of(words).subList(1, fieldsStart));
        String product = null;
        String model = null;
        String device = null;
        Long transportId = null;
        for (int i = fieldsStart; i < words.length; i++) {
            String word = words[i];
            int colon = word.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = word.substring(colon + 1);
            switch (word.substring(0, colon)) {
                case "product" -> product = value;
                case "model" -> model = value;
                case "device" -> device = value;
                case "transport_id" -> transportId = parseTransportId(value, line);
                default -> {
                    // usb:DEVPATH and fields added by newer servers carry nothing we need.
                }
            }
        }
        return new DeviceInfo(
                words[0],
                DeviceState.fromWire(state),
                Optional.ofNullable(product),
                Optional.ofNullable(model),
                Optional.ofNullable(device),
                transportId == null ? OptionalLong.empty() : OptionalLong.of(transportId));
    }

    private static boolean isField(String word) {
        int colon = word.indexOf(':');
        return colon > 0 && FIELD_KEYS.contains(word.substring(0, colon));
    }

    private static long parseTransportId(String value, String line) throws AdbProtocolException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AdbProtocolException("the adb server listed a non-numeric transport_id: '" + line + "'");
        }
    }
}

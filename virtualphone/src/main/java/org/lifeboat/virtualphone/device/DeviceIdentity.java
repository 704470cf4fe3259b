package org.lifeboat.virtualphone.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Builds the getprop map: defaults for a plain AOSP-like phone, the state's values, then overrides. */
final class DeviceIdentity {
    static final String SDK = "ro.build.version.sdk";
    static final String RELEASE = "ro.build.version.release";
    static final String FINGERPRINT = "ro.build.fingerprint";

    private DeviceIdentity() {}

    static Map<String, String> defaults() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("ro.product.manufacturer", "Lifeboat");
        props.put("ro.product.brand", "lifeboat");
        props.put("ro.product.model", "Virtual Phone");
        props.put("ro.product.device", "virt");
        props.put("ro.product.name", "virtphone");
        props.put("ro.serialno", "LBVIRT0001");
        props.put(SDK, "34");
        props.put("ro.build.id", "LB1A.240101.001");
        props.put("ro.build.version.incremental", "1");
        props.put("ro.build.version.security_patch", "2024-01-05");
        props.put("ro.build.type", "user");
        props.put("ro.build.tags", "release-keys");
        props.put("ro.product.cpu.abi", "arm64-v8a");
        props.put("ro.product.cpu.abilist", "arm64-v8a,armeabi-v7a,armeabi");
        props.put("ro.sf.lcd_density", "420");
        props.put("ro.adb.secure", "0");
        props.put("ro.debuggable", "0");
        props.put("persist.sys.timezone", "UTC");
        props.put("sys.boot_completed", "1");
        return props;
    }

    /** Sorted, complete properties: derived keys follow the sdk level and the identity keys. */
    static Map<String, String> complete(Map<String, String> stored, Map<String, String> overrides, Integer api) {
        Map<String, String> props = new TreeMap<>(defaults());
        props.putAll(stored);
        props.putAll(overrides);
        if (api != null) {
            props.put(SDK, Integer.toString(api));
        }
        int level = VirtualDevice.checkApiLevel(parseSdk(props.get(SDK)));
        if (api != null || !props.containsKey(RELEASE)) {
            props.put(RELEASE, release(level));
        }
        if (level >= 30) {
            // ro.build.version.release_or_codename exists since Android 11.
            props.put("ro.build.version.release_or_codename", props.get(RELEASE));
        } else {
            props.remove("ro.build.version.release_or_codename");
        }
        props.putIfAbsent("ro.boot.serialno", props.get("ro.serialno"));
        props.put("ro.build.version.sdk", Integer.toString(level));
        props.put(FINGERPRINT, fingerprint(props));
        props.putIfAbsent("ro.build.display.id", props.get("ro.build.id") + " release-keys");
        return props;
    }

    /**
     * The fingerprint keeps the profile's when it has one, with its release replaced by the current one;
     * otherwise it follows Build.FINGERPRINT's layout: brand/name/device:release/id/incremental:type/tags.
     */
    private static String fingerprint(Map<String, String> props) {
        String release = props.get(RELEASE);
        String existing = props.get(FINGERPRINT);
        if (existing != null && existing.matches("[^/]*/[^/]*/[^:]*:[^/]*/.*")) {
            return existing.replaceFirst(":[^/]*/", ":" + release + "/");
        }
        return props.get("ro.product.brand") + "/" + props.get("ro.product.name") + "/" + props.get("ro.product.device")
                + ":" + release + "/" + props.get("ro.build.id") + "/" + props.get("ro.build.version.incremental")
                + ":" + props.get("ro.build.type") + "/" + props.get("ro.build.tags");
    }

    private static int parseSdk(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SDK + " must be a number, got '" + value + "'");
        }
    }

    /** The user-visible release for each supported API level (12L, API 32, still reports "12"). */
    static String release(int api) {
        return switch (api) {
            case 26 -> "8.0.0";
            case 27 -> "8.1.0";
            case 28 -> "9";
            case 29 -> "10";
            case 30 -> "11";
            case 31, 32 -> "12";
            case 33 -> "13";
            case 34 -> "14";
            case 35 -> "15";
            default -> throw new IllegalArgumentException("unsupported API level " + api);
        };
    }
}

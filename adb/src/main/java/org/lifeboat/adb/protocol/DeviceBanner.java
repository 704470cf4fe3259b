package org.lifeboat.adb.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system identity a device sends in its CNXN: {@code device::ro.product.name=X;ro.product.model=Y;
 * ro.product.device=Z;features=a,b}.
 *
 * <p>The host's {@code parse_banner} (adb.cpp) splits on {@code :} and then on {@code ;} and {@code =}, so no value
 * may contain any of those; the constructor refuses them rather than send a banner the host misreads.
 */
public record DeviceBanner(String productName, String model, String device, AdbFeatures features) {
    private static final String STATE = "device";

    public DeviceBanner {
        requireBannerSafe("ro.product.name", productName);
        requireBannerSafe("ro.product.model", model);
        requireBannerSafe("ro.product.device", device);
    }

    /** The CNXN payload. adbd sends no trailing NUL here. */
    public String encode() {
        return STATE + "::ro.product.name=" + productName + ";ro.product.model=" + model + ";ro.product.device="
                + device + ";features=" + features.toWire();
    }

    /**
     * Reads a banner the way {@code parse_banner} does: entries with more than one {@code =} and unknown keys are
     * ignored, missing keys are empty.
     *
     * @throws MalformedMessageException if the banner is not a {@code device} banner
     */
    public static DeviceBanner parse(String banner) throws MalformedMessageException {
        String[] pieces = banner.split(":", -1);
        if (pieces.length < 3 || !pieces[0].equals(STATE)) {
            throw new MalformedMessageException("expected a banner 'device::key=value;…', got '" + banner + "'");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : pieces[2].split(";")) {
            String[] keyValue = entry.split("=", -1);
            if (keyValue.length == 2) {
                properties.put(keyValue[0], keyValue[1]);
            }
        }
        return new DeviceBanner(
                properties.getOrDefault("ro.product.name", ""),
                properties.getOrDefault("ro.product.model", ""),
                properties.getOrDefault("ro.product.device", ""),
                AdbFeatures.parse(properties.getOrDefault("features", "")));
    }

    private static void requireBannerSafe(String key, String value) {
        if (value.chars().anyMatch(c -> c == ':' || c == ';' || c == '=' || c == 0)) {
            throw new IllegalArgumentException(
                    key + " '" + value + "' cannot go into an adb banner: ':', ';', '=' and NUL are separators");
        }
    }
}

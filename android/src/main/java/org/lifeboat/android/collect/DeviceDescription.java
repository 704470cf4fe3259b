package org.lifeboat.android.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.lifeboat.adb.protocol.AdbFeatures;

/** {@code lifeboat/device.json}: who the phone is and what this backup could use on it. */
public final class DeviceDescription {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> IDENTITY = List.of(
            "ro.serialno",
            "ro.product.manufacturer",
            "ro.product.brand",
            "ro.product.model",
            "ro.product.device",
            "ro.product.name",
            "ro.build.version.release",
            "ro.build.version.sdk",
            "ro.build.version.security_patch",
            "ro.build.fingerprint",
            "ro.product.cpu.abilist",
            "persist.sys.timezone");

    private DeviceDescription() {}

    public static byte[] json(Phone phone, Instant backupTime) {
        ObjectNode root = JSON.createObjectNode();
        root.put("backupTime", backupTime.toString());
        root.put("adbSerial", phone.serial());
        ObjectNode properties = root.putObject("properties");
        IDENTITY.forEach(key -> phone.property(key).ifPresent(value -> properties.put(key, value)));
        root.putPOJO("adbFeatures", phone.features().names().stream().sorted().toList());
        ObjectNode capabilities = root.putObject("capabilities");
        capabilities.put("shellProtocol", phone.features().has(AdbFeatures.SHELL_V2));
        capabilities.put("exactFileSizes", phone.features().has(AdbFeatures.LS_V2));
        // Where files' sizes came from: sync v2's 64-bit listing, or, with sync v1's 32-bit one, stat (StatSizes).
        capabilities.put("fileSizesFrom", phone.features().has(AdbFeatures.LS_V2) ? "sync" : "stat");
        capabilities.put("syncV2Transfers", phone.features().has(AdbFeatures.SENDRECV_V2));
        capabilities.put("appStorageReadable", phone.sdk() >= FilesCollector.FIRST_APP_STORAGE_API);
        capabilities.put("callLogReadable", phone.sdk() >= CallsCollector.FIRST_READABLE_API);
        capabilities.put("wifiListReadable", phone.sdk() >= WifiCollector.FIRST_LISTING_API);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("device.json could not be written", e);
        }
    }
}

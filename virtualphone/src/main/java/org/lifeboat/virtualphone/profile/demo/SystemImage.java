package org.lifeboat.virtualphone.profile.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.virtualphone.profile.apk.ApkManifest;
import org.lifeboat.virtualphone.profile.apk.ApkWriter;

/**
 * What a freshly reset phone has: build properties shaped like a Pixel 7 on Android 14, default settings and the
 * preinstalled system packages. The values are realistic in form but not copied from one real build.
 */
public final class SystemImage {
    public static final int SDK = 34;

    private static final String[][] SYSTEM_PACKAGES = {
        // package, label, uid
        {"com.android.settings", "Settings", "1000"},
        {"com.android.systemui", "System UI", "10150"},
        {"com.android.phone", "Phone Services", "1001"},
        {"com.android.shell", "Shell", "2000"},
        {"com.android.providers.contacts", "Contacts Storage", "10020"},
        {"com.android.providers.telephony", "Phone and Messaging Storage", "1001"},
        {"com.android.providers.calendar", "Calendar Storage", "10021"},
        {"com.android.providers.settings", "Settings Storage", "1000"},
        {"com.android.providers.media.module", "Media Storage", "10060"},
        {"com.google.android.apps.messaging", "Messages", "10120"},
        {"com.google.android.dialer", "Phone", "10121"},
        {"com.android.vending", "Google Play Store", "10122"},
        {"com.google.android.inputmethod.latin", "Gboard", "10123"},
    };

    private SystemImage() {}

    /** getprop keys and values (see android-data.md §8 for which tools read which key). */
    public static Map<String, String> deviceProperties(String serial) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("ro.product.manufacturer", "Google");
        props.put("ro.product.brand", "google");
        props.put("ro.product.model", "Pixel 7");
        props.put("ro.product.device", "panther");
        props.put("ro.product.name", "panther");
        props.put("ro.serialno", serial);
        props.put("ro.boot.serialno", serial);
        props.put("ro.build.version.release", "14");
        props.put("ro.build.version.release_or_codename", "14");
        props.put("ro.build.version.sdk", Integer.toString(SDK));
        props.put("ro.build.version.security_patch", "2024-05-05");
        props.put("ro.build.version.incremental", "11583682");
        props.put("ro.build.id", "AP1A.240505.004");
        props.put("ro.build.display.id", "AP1A.240505.004");
        props.put("ro.build.type", "user");
        props.put("ro.build.tags", "release-keys");
        props.put("ro.build.fingerprint", "google/panther/panther:14/AP1A.240505.004/11583682:user/release-keys");
        props.put("ro.product.cpu.abi", "arm64-v8a");
        props.put("ro.product.cpu.abilist", "arm64-v8a,armeabi-v7a,armeabi");
        props.put("ro.sf.lcd_density", "420");
        props.put("ro.adb.secure", "1");
        props.put("ro.debuggable", "0");
        props.put("persist.sys.timezone", Timeline.ZONE.getId());
        props.put("persist.sys.locale", "de-DE");
        return props;
    }

    /** Settings after setup: namespace ("system", "secure", "global") to key/value. */
    public static Map<String, Map<String, String>> defaultSettings(String androidId) {
        Map<String, String> system = new LinkedHashMap<>();
        system.put("screen_off_timeout", "30000");
        system.put("screen_brightness", "102");
        system.put("screen_brightness_mode", "1");
        system.put("accelerometer_rotation", "0");
        system.put("font_scale", "1.0");
        system.put("haptic_feedback_enabled", "1");
        system.put("sound_effects_enabled", "1");
        system.put("dtmf_tone", "1");
        system.put("time_12_24", "24");
        system.put("ringtone", "content://media/internal/audio/media/156?title=The%20Big%20Adventure&canonical=1");
        system.put("notification_sound", "content://media/internal/audio/media/210?title=Eureka&canonical=1");
        system.put("alarm_alert", "content://media/internal/audio/media/58?title=Fresh%20start&canonical=1");
        Map<String, String> secure = new LinkedHashMap<>();
        secure.put("android_id", androidId);
        secure.put("user_setup_complete", "1");
        secure.put("location_mode", "3");
        secure.put(
                "default_input_method", "com.google.android.inputmethod.latin/com.android.inputmethod.latin.LatinIME");
        secure.put(
                "enabled_input_methods", "com.google.android.inputmethod.latin/com.android.inputmethod.latin.LatinIME");
        secure.put("sms_default_application", "com.google.android.apps.messaging");
        secure.put("dialer_default_application", "com.google.android.dialer");
        secure.put("accessibility_enabled", "0");
        secure.put("doze_always_on", "0");
        Map<String, String> global = new LinkedHashMap<>();
        global.put("adb_enabled", "1");
        global.put("development_settings_enabled", "1");
        global.put("device_provisioned", "1");
        global.put("device_name", "Pixel 7");
        global.put("airplane_mode_on", "0");
        global.put("auto_time", "1");
        global.put("auto_time_zone", "1");
        global.put("wifi_on", "1");
        global.put("bluetooth_on", "1");
        global.put("mobile_data", "1");
        global.put("data_roaming", "0");
        global.put("stay_on_while_plugged_in", "0");
        global.put("package_verifier_user_consent", "1");
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put("system", system);
        settings.put("secure", secure);
        settings.put("global", global);
        return settings;
    }

    /** The preinstalled packages, each with a small valid base.apk; installer is null for all of them. */
    public static List<AppPackage> systemPackages(Instant buildTime) {
        List<AppPackage> packages = new ArrayList<>();
        for (String[] entry : SYSTEM_PACKAGES) {
            String name = entry[0];
            ApkManifest manifest = ApkManifest.base(name, SDK, "14", SDK, SDK, entry[1]);
            byte[] apk = ApkWriter.write(manifest, Map.of());
            long time = buildTime.toEpochMilli();
            packages.add(new AppPackage(
                    name,
                    SDK,
                    "14",
                    Optional.empty(),
                    SDK,
                    SDK,
                    true,
                    Integer.parseInt(entry[2]),
                    time,
                    time,
                    Map.of("base.apk", apk)));
        }
        return packages;
    }
}

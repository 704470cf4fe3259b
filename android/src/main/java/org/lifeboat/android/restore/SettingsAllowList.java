package org.lifeboat.android.restore;

import java.util.Map;
import java.util.Set;

/**
 * The settings a restore may write: personal preferences that mean the same on any phone and version. Everything else
 * is left alone, in particular adb and developer switches, accessibility services, input methods and notification
 * listeners (they name components that may not exist on the new phone and can lock a user out), device identity and
 * provisioning, and device-specific values such as ringtone URIs (MediaStore ids differ per phone), display density
 * and brightness levels (panels differ). android-data.md §4.9; the list is documented in docs/restore.md.
 */
final class SettingsAllowList {

    static final Map<String, Set<String>> KEYS = Map.of(
            "system",
            Set.of(
                    "screen_off_timeout",
                    "screen_brightness_mode",
                    "font_scale",
                    "time_12_24",
                    "haptic_feedback_enabled",
                    "sound_effects_enabled",
                    "dtmf_tone",
                    "vibrate_when_ringing",
                    "accelerometer_rotation",
                    "show_password",
                    "notification_light_pulse"),
            "secure",
            Set.of(
                    "ui_night_mode",
                    "tts_default_rate",
                    "tts_default_pitch",
                    "lock_screen_show_notifications",
                    "lock_screen_allow_private_notifications",
                    "camera_double_tap_power_gesture_disabled",
                    "charging_sounds_enabled",
                    "doze_enabled"),
            "global",
            Set.of("auto_time", "auto_time_zone", "charging_vibration_enabled"));

    /** Words that, inside a key, mark it as never to be restored, whatever the list above says. */
    static final Set<String> NEVER = Set.of(
            "adb",
            "development",
            "accessibility",
            "input_method",
            "notification_listener",
            "android_id",
            "bluetooth_address",
            "device_provisioned",
            "user_setup_complete",
            "device_name",
            "sms_default");

    private SettingsAllowList() {}

    static boolean allows(Setting setting) {
        String key = setting.key();
        return KEYS.getOrDefault(setting.namespace(), Set.of()).contains(key)
                && NEVER.stream().noneMatch(key::contains);
    }
}

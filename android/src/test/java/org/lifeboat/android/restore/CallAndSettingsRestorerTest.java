package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;

class CallAndSettingsRestorerTest {

    private static final ProviderTable CALLS = new ProviderTable(
            "calls",
            List.of(
                    ProviderRow.builder()
                            .put("number", "+4930123")
                            .put("type", 1)
                            .put("date", 1_700_000_000_000L)
                            .put("duration", 62)
                            .build(),
                    ProviderRow.builder()
                            .put("number", "+4930999")
                            .put("type", 4)
                            .put("date", 1_700_000_100_000L)
                            .build()));

    @Test
    void callsBeforeAndroid13AreReportedNotRestorableWithoutTouchingThePhone() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(32);
        CallLogRestorer restorer = new CallLogRestorer(phone);

        RestoreResult result = restorer.apply(restorer.plan(restorer.inspect(CALLS), CALLS), RestoreProgress.NONE);

        assertThat(result.failed()).hasSize(2).allSatisfy(f -> assertThat(f.reason())
                .isEqualTo("Android before 13 does not let the adb shell write the call log (this phone runs API 32)"));
        assertThat(phone.commands).isEmpty();
    }

    @Test
    void callsFromAndroid13AreInsertedAndVerified() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34)
                .answer("x:s:a:b", "[ERROR] Binding not well formed\n")
                .answer(
                        "--uri content://call_log/calls --projection",
                        "No result found.\n",
                        "Row: 0 _id=1, type=1, date=1700000000000, number=+4930123\n");
        CallLogRestorer restorer = new CallLogRestorer(phone);

        RestorePlan<CallChange> plan = restorer.plan(restorer.inspect(CALLS), CALLS);
        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(result.restored()).containsExactly("call from +4930123 at 2023-11-14T22:13:20Z");
        assertThat(result.failed()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("voicemail"));
        assertThat(phone.commandsContaining("content insert"))
                .containsExactly("content insert --uri content://call_log/calls --bind number:s:+4930123"
                        + " --bind date:l:1700000000000 --bind duration:l:62 --bind type:l:1");
        assertThat(restorer.plan(restorer.inspect(CALLS), CALLS).changesNothing())
                .isTrue();
    }

    @Test
    void settingsRestoreOnlyAllowListedKeysThatDiffer() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(30)
                .answer(
                        "settings list system",
                        "font_scale=1.0\nscreen_off_timeout=30000\n",
                        "font_scale=1.15\nscreen_off_timeout=30000\n")
                .answer("settings list global", "adb_enabled=1\nauto_time=1\n");
        SettingsRestorer restorer = new SettingsRestorer(phone);
        List<Setting> desired = List.of(
                new Setting("system", "font_scale", "1.15"),
                new Setting("system", "screen_off_timeout", "30000"),
                new Setting("global", "adb_enabled", "0"),
                new Setting("secure", "enabled_accessibility_services", "com.evil/.Service"),
                new Setting("secure", "default_input_method", "com.other/.Ime"),
                new Setting("global", "auto_time", "1"));

        RestorePlan<Setting> plan = restorer.plan(restorer.inspect(desired), desired);
        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(plan.changes()).containsExactly(new Setting("system", "font_scale", "1.15"));
        assertThat(plan.alreadyPresent()).containsExactly("system/screen_off_timeout = 30000", "global/auto_time = 1");
        assertThat(phone.commandsContaining("settings put")).containsExactly("settings put system font_scale 1.15");
        assertThat(result.restored()).containsExactly("system/font_scale = 1.15");
    }

    @Test
    void theAllowListNeverNamesDangerousKeys() {
        SettingsAllowList.KEYS.forEach((namespace, keys) -> keys.forEach(key -> {
            assertThat(SettingsAllowList.NEVER).noneMatch(key::contains);
            assertThat(SettingsAllowList.allows(new Setting(namespace, key, "1")))
                    .isTrue();
        }));
        assertThat(SettingsAllowList.allows(new Setting("global", "development_settings_enabled", "1")))
                .isFalse();
    }

    @Test
    void settingsListValuesMaySpanLinesAndContainEquals() {
        assertThat(SettingsRestorer.parseList("a=1\nb=x=y\nline two\nc=\n"))
                .isEqualTo(Map.of("a", "1", "b", "x=y\nline two", "c", ""));
    }
}

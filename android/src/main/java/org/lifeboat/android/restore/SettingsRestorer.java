package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Puts allow-listed settings ({@link SettingsAllowList}) back with {@code settings put}; settings outside the list
 * are not touched and not reported as failures, since leaving them is the intended behaviour. The shell may write
 * {@code system} keys apps may not (SettingsProvider exempts uid 2000); MIUI refuses {@code secure}/{@code global}
 * writes unless "USB debugging (Security settings)" is on, which the failure reason then says.
 */
public final class SettingsRestorer implements Restorer<Map<String, Map<String, String>>, List<Setting>, Setting> {
    /** A {@code settings list} line starts a new entry with a key; other lines continue a multi-line value. */
    private static final Pattern ENTRY = Pattern.compile("^[A-Za-z0-9_.:\\-]+=");

    private final PhoneShell shell;

    public SettingsRestorer(TargetPhone phone) {
        this.shell = new PhoneShell(phone);
    }

    @Override
    public RestoreType type() {
        return RestoreType.SETTINGS;
    }

    /** Every setting of the namespaces {@code desired} touches, by namespace and key. */
    @Override
    public Map<String, Map<String, String>> inspect(List<Setting> desired) throws IOException {
        Map<String, Map<String, String>> current = new HashMap<>();
        for (String namespace :
                new TreeSet<>(desired.stream().map(Setting::namespace).toList())) {
            current.put(
                    namespace,
                    parseList(shell.run(List.of("settings", "list", namespace)).stdout()));
        }
        return current;
    }

    @Override
    public RestorePlan<Setting> plan(Map<String, Map<String, String>> current, List<Setting> desired) {
        List<Setting> changes = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Setting setting : desired) {
            if (!SettingsAllowList.allows(setting)) {
                continue;
            }
            String now = current.getOrDefault(setting.namespace(), Map.of()).get(setting.key());
            if (setting.value().equals(now)) {
                present.add(setting.label());
            } else {
                changes.add(setting);
            }
        }
        return new RestorePlan<>(RestoreType.SETTINGS, changes, present, List.of());
    }

    @Override
    public RestoreResult apply(RestorePlan<Setting> plan, RestoreProgress progress) throws IOException {
        List<ItemFailure> failed = new ArrayList<>(plan.notRestorable());
        if (plan.changesNothing()) {
            return new RestoreResult(RestoreType.SETTINGS, List.of(), plan.alreadyPresent(), failed, shell.count());
        }
        List<List<String>> puts = plan.changes().stream()
                .map(s -> List.of("settings", "put", s.namespace(), s.key(), s.value()))
                .toList();
        List<Optional<String>> errors = shell.runSilentBatch(puts);
        progress.advanced(RestoreType.SETTINGS, puts.size(), puts.size(), 0);
        Map<String, Map<String, String>> after = inspect(plan.changes());
        List<String> restored = new ArrayList<>();
        for (int i = 0; i < plan.changes().size(); i++) {
            Setting setting = plan.changes().get(i);
            if (setting.value().equals(after.get(setting.namespace()).get(setting.key()))) {
                restored.add(setting.label());
            } else {
                failed.add(new ItemFailure(
                        setting.label(),
                        errors.get(i).map(SettingsRestorer::explain).orElse("the phone kept its own value")));
            }
        }
        return new RestoreResult(RestoreType.SETTINGS, restored, plan.alreadyPresent(), failed, shell.count());
    }

    /** Parses {@code settings list} output: {@code key=value} lines, split at the first '='. */
    static Map<String, String> parseList(String output) {
        Map<String, String> settings = new HashMap<>();
        String key = null;
        StringBuilder value = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (ENTRY.matcher(line).find()) {
                if (key != null) {
                    settings.put(key, value.toString());
                }
                int equals = line.indexOf('=');
                key = line.substring(0, equals);
                value.setLength(0);
                value.append(line, equals + 1, line.length());
            } else if (key != null && !line.isEmpty()) {
                value.append('\n').append(line);
            }
        }
        if (key != null) {
            settings.put(key, value.toString());
        }
        return settings;
    }

    private static String explain(String error) {
        return error.contains("WRITE_SECURE_SETTINGS")
                ? error + " (on Xiaomi phones turn on Developer options > USB debugging (Security settings))"
                : error;
    }
}

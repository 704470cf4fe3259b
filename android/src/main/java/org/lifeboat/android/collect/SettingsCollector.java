package org.lifeboat.android.collect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellResult;

/**
 * {@code settings list system|secure|global}, saved verbatim as {@code settings/<namespace>.txt} ({@code name=value}
 * lines, android-data.md §4.9). Restore applies only an allow-list of them.
 */
final class SettingsCollector implements Collector {
    private static final List<String> NAMESPACES = List.of("system", "secure", "global");

    @Override
    public DataType type() {
        return DataType.SETTINGS;
    }

    @Override
    public Collection collect(Phone phone) throws IOException {
        List<CollectedItem> items = new ArrayList<>();
        List<NotSaved> notSaved = new ArrayList<>();
        long found = 0;
        long saved = 0;
        for (String namespace : NAMESPACES) {
            ShellCommand list = ShellCommand.of("settings", "list", namespace);
            ShellResult result = phone.run(list);
            if (!result.succeeded()) {
                notSaved.add(NotSaved.failed(
                        namespace + " settings",
                        "settings list " + namespace + " failed: "
                                + result.stderrText().strip(),
                        "run the backup again"));
                continue;
            }
            byte[] text = result.stdout();
            long keys = result.stdoutText()
                    .lines()
                    .filter(line -> line.contains("="))
                    .count();
            found += keys;
            saved += keys;
            items.add(new CollectedItem.Generated(List.of("settings", namespace + ".txt"), text));
        }
        return new Collection(
                DataType.SETTINGS,
                items,
                new TypeReport(DataType.SETTINGS, found, saved, Exports.size(items), notSaved));
    }
}

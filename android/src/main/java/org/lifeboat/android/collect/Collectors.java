package org.lifeboat.android.collect;

import java.util.List;
import java.util.Set;

/** The collector of each data type, in the order a backup runs them (small and quick first, files last). */
public final class Collectors {
    private Collectors() {}

    /** The collectors for {@code types}, in backup order. */
    public static List<Collector> forTypes(Set<DataType> types) {
        List<Collector> all = List.of(
                new ContactsCollector(),
                new MessagesCollector(),
                new CallsCollector(),
                new CalendarCollector(),
                new SettingsCollector(),
                new WifiCollector(),
                new AppsCollector(),
                new FilesCollector());
        return all.stream()
                .filter(collector -> types.contains(collector.type()))
                .toList();
    }
}

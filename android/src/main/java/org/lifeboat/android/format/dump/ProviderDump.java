package org.lifeboat.android.format.dump;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import org.lifeboat.android.content.ProviderTable;

/**
 * Every row and column read from one data type's providers (e.g. {@code raw_contacts}, {@code data}, {@code groups}
 * for contacts), as saved in {@code contacts.json} and friends.
 *
 * @param apiLevel the phone's {@code ro.build.version.sdk}; column sets differ per version
 * @param tables by table name, in the order written
 */
public record ProviderDump(int apiLevel, SequencedMap<String, ProviderTable> tables) {

    /** The shape version written into every dump; readers reject others. */
    public static final int SCHEMA = 1;

    public ProviderDump {
        if (apiLevel < 1) {
            throw new IllegalArgumentException("API level must be positive, got " + apiLevel);
        }
        var copy = new LinkedHashMap<String, ProviderTable>();
        tables.forEach((name, table) -> {
            if (!name.equals(table.name())) {
                throw new IllegalArgumentException("table " + table.name() + " filed under the name " + name);
            }
            copy.put(name, table);
        });
        tables = Collections.unmodifiableSequencedMap(copy);
    }

    public static ProviderDump of(int apiLevel, List<ProviderTable> tables) {
        var byName = new LinkedHashMap<String, ProviderTable>();
        for (ProviderTable table : tables) {
            if (byName.put(table.name(), table) != null) {
                throw new IllegalArgumentException("table " + table.name() + " given twice");
            }
        }
        return new ProviderDump(apiLevel, byName);
    }

    public Optional<ProviderTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}

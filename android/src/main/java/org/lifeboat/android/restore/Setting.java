package org.lifeboat.android.restore;

import java.util.Set;

/**
 * One setting as {@code settings list <namespace>} prints it: {@code key=value}.
 *
 * @param namespace {@code system}, {@code secure} or {@code global}
 */
public record Setting(String namespace, String key, String value) implements PlannedItem {
    static final Set<String> NAMESPACES = Set.of("system", "secure", "global");

    public Setting {
        if (!NAMESPACES.contains(namespace)) {
            throw new IllegalArgumentException(
                    "settings namespace must be system, secure or global, not '" + namespace + "'");
        }
        if (key.isEmpty() || key.chars().anyMatch(c -> c == '=' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("not a settings key: '" + key + "'");
        }
    }

    @Override
    public String label() {
        return namespace + "/" + key + " = " + value;
    }
}

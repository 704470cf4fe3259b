package org.lifeboat.android.collect;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of data a phone backup holds; each has its own folder at the snapshot's root. */
public enum DataType {
    FILES,
    CONTACTS,
    MESSAGES,
    CALLS,
    CALENDAR,
    APPS,
    SETTINGS,
    WIFI;

    /** The name users type ({@code --only contacts}) and the snapshot folder's name. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named {@code text} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static DataType parse(String text) {
        for (DataType type : values()) {
            if (type.folder().equalsIgnoreCase(text.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown data type '" + text + "'; expected one of "
                + Arrays.stream(values()).map(DataType::folder).collect(Collectors.joining(", ")));
    }
}

package org.lifeboat.android.restore;

import java.util.Set;

/**
 * The messages the adb shell can see on the phone (inbox and sent only: the provider gives non-default-SMS callers a
 * restricted view, android-data.md §4.2), by {@link MessageKeys key}.
 */
public record MessagesOnPhone(Set<String> keys) {

    public MessagesOnPhone {
        keys = Set.copyOf(keys);
    }
}

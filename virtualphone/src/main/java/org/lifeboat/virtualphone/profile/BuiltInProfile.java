package org.lifeboat.virtualphone.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The profiles Lifeboat generates itself instead of reading them from a folder. */
public enum BuiltInProfile {
    /** A phone just after a factory reset: system packages and default settings, no user data. */
    BLANK,
    /** A phone with three years of photos, messages, calls, events, contacts and apps. */
    DEMO;

    /** The name used on the command line: {@code blank}, {@code demo}. */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BuiltInProfile> byName(String name) {
        return Arrays.stream(values()).filter(p -> p.profileName().equals(name)).findFirst();
    }
}

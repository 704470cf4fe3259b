package org.lifeboat.virtualphone.profile;

/** The three SettingsProvider tables, as {@code settings list system|secure|global} names them. */
public enum SettingsNamespace {
    SYSTEM,
    SECURE,
    GLOBAL;

    /** The lower-case name the {@code settings} command and the profile file use. */
    public String commandName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.lifeboat.android.restore;

/** The kinds of data a restore writes back, one restorer each. */
public enum RestoreType {
    FILES,
    APPS,
    CONTACTS,
    CALENDAR,
    CALLS,
    MESSAGES,
    SETTINGS
}

package org.lifeboat.android.restore;

/** One change a restore would make on the phone. */
public interface PlannedItem {

    /** What a person reads in a dry run or a report, for example a file path or "SMS from +4917… on 2024-01-02". */
    String label();
}

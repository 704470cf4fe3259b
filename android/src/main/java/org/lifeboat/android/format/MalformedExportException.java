package org.lifeboat.android.format;

import java.io.IOException;

/** An export file (dump JSON, SBR XML, vCard, iCalendar) that cannot be read back; the message says where and why. */
public final class MalformedExportException extends IOException {

    public MalformedExportException(String format, String problem) {
        super(format + ": " + problem);
    }

    public MalformedExportException(String format, String problem, Throwable cause) {
        super(format + ": " + problem, cause);
    }
}

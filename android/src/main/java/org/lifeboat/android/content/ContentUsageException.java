package org.lifeboat.android.content;

/**
 * {@code content} rejected its arguments: it printed its usage text and {@code [ERROR] <message>} to stdout. On a
 * phone this usually means the device's {@code content} is older than the syntax used (e.g. the {@code n} bind type
 * before Android 11).
 */
public final class ContentUsageException extends ContentCommandException {

    private final String error;

    public ContentUsageException(String error) {
        super("the content command rejected its arguments: " + error);
        this.error = error;
    }

    /** The text after {@code [ERROR] }. */
    public String error() {
        return error;
    }
}

package org.lifeboat.android.content;

/** The output of {@code content query} does not have the shape the query's projection implies. */
public final class MalformedContentOutputException extends ContentCommandException {

    public MalformedContentOutputException(String message) {
        super(message);
    }
}

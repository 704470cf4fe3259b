package org.lifeboat.virtualphone.profile;

/** A profile name or folder that cannot be used; the message says what is wrong and what was expected. */
public class InvalidProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String message) {
        super(message);
    }

    public InvalidProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.lifeboat.android.content;

/**
 * The provider threw while serving the call: {@code content} printed {@code Error while accessing provider:<authority>}
 * and a stack trace to stderr.
 */
public final class ProviderErrorException extends ContentCommandException {

    private final String authority;
    private final String cause;

    public ProviderErrorException(String authority, String cause) {
        super("provider " + authority + " failed: " + cause);
        this.authority = authority;
        this.cause = cause;
    }

    public String authority() {
        return authority;
    }

    /** The first line of the stack trace, i.e. the exception class and message. */
    public String providerCause() {
        return cause;
    }
}

package org.lifeboat.android.content;

/**
 * A {@code content} invocation failed. The command always exits 0, so these are recognised from its output (see
 * {@link ContentOutput#checkForErrors}).
 */
public abstract sealed class ContentCommandException extends Exception
        permits ProviderPermissionDeniedException,
                ContentUsageException,
                ProviderErrorException,
                MalformedContentOutputException {

    ContentCommandException(String message) {
        super(message);
    }
}

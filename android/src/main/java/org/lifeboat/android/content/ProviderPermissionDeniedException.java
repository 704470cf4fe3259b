package org.lifeboat.android.content;

/**
 * The provider refused the shell user (uid 2000), e.g. the call log before Android 13. Carries the provider's own
 * {@code Permission Denial: …} text, which names the permission that was missing.
 */
public final class ProviderPermissionDeniedException extends ContentCommandException {

    private final String denial;

    public ProviderPermissionDeniedException(String denial) {
        super("the provider denied access to the adb shell: " + denial);
        this.denial = denial;
    }

    /** The provider's message, starting with {@code Permission Denial}. */
    public String denial() {
        return denial;
    }
}

package org.lifeboat.virtualphone.device;

/**
 * An install or uninstall failed with one of PackageManager's INSTALL_FAILED_* / DELETE_FAILED_* codes; pm prints
 * it as {@code Failure [CODE: detail]}.
 */
public final class InstallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String detail;

    public InstallException(String code, String detail) {
        super(detail.isEmpty() ? code : code + ": " + detail);
        this.code = code;
        this.detail = detail;
    }

    /** For example {@code INSTALL_FAILED_VERSION_DOWNGRADE}. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}

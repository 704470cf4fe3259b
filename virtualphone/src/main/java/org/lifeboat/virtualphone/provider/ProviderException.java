package org.lifeboat.virtualphone.provider;

/**
 * An exception a real provider would throw across Binder. {@link #javaClassName()} is the Android class it stands
 * for, so {@code content} can print it the way {@code e.printStackTrace()} starts: {@code class: message}.
 */
public final class ProviderException extends RuntimeException {
    private final String javaClassName;

    private ProviderException(String javaClassName, String message) {
        super(message);
        this.javaClassName = javaClassName;
    }

    public static ProviderException security(String message) {
        return new ProviderException("java.lang.SecurityException", message);
    }

    public static ProviderException illegalArgument(String message) {
        return new ProviderException("java.lang.IllegalArgumentException", message);
    }

    public static ProviderException illegalState(String message) {
        return new ProviderException("java.lang.IllegalStateException", message);
    }

    public static ProviderException unsupported(String message) {
        return new ProviderException("java.lang.UnsupportedOperationException", message);
    }

    public static ProviderException fileNotFound(String message) {
        return new ProviderException("java.io.FileNotFoundException", message);
    }

    public static ProviderException nullPointer(String message) {
        return new ProviderException("java.lang.NullPointerException", message);
    }

    /** SQLiteException messages carry SQLite's result code, e.g. {@code (code 1 SQLITE_ERROR)}. */
    public static ProviderException sqlite(String message) {
        return new ProviderException("android.database.sqlite.SQLiteException", message + " (code 1 SQLITE_ERROR)");
    }

    public String javaClassName() {
        return javaClassName;
    }

    /** The first line {@code Throwable.printStackTrace()} prints. */
    @Override
    public String toString() {
        return javaClassName + ": " + getMessage();
    }
}

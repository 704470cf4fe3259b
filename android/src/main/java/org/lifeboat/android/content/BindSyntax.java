package org.lifeboat.android.content;

import java.util.List;
import java.util.Optional;

/**
 * How a device's {@code content} parses {@code --bind column:type:value} (android-data.md §2.4). Android 11 replaced
 * "value is everything after the second colon" by {@code splitWithEscaping(argument, ':')}, which needs exactly three
 * parts, so colons and backslashes in values must be escaped there and must not be escaped before.
 */
public enum BindSyntax {
    /** Android ≤ 10: the value is taken verbatim; there is no NULL type. */
    VERBATIM,
    /** Android 11+: {@code \:} and {@code \\} in values; type {@code n} binds NULL. */
    ESCAPED;

    private static final int ANDROID_11 = 30;

    /**
     * The arguments of a probe whose output tells the syntaxes apart without changing anything: its {@code --where}
     * matches no row, and only the escaping parser rejects the four-part binding. Classify with {@link #fromProbe}.
     */
    public static final List<String> PROBE = List.of(
            "content",
            "update",
            "--uri",
            "content://settings/system",
            "--bind",
            "x:s:a:b",
            "--where",
            "name='__lifeboat_probe_nonexistent__'");

    /** The syntax an API level ships with, for when no probe was run. */
    public static BindSyntax forApiLevel(int apiLevel) {
        return apiLevel >= ANDROID_11 ? ESCAPED : VERBATIM;
    }

    /** Reads the stdout of {@link #PROBE}. */
    public static BindSyntax fromProbe(String stdout) {
        return stdout.contains("Binding not well formed") ? ESCAPED : VERBATIM;
    }

    /**
     * The {@code --bind} argument for one cell, or empty when this syntax cannot express the value and the column has
     * to be left out (NULL on the verbatim parser, where an omitted column gets the table default).
     */
    public Optional<String> binding(String column, ProviderValue value) {
        if (!column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain column name: " + column);
        }
        return switch (value) {
            // "l", not "i": the escaping parser reads "i" with Integer.parseInt, which truncates ms timestamps.
            case ProviderValue.Int number -> Optional.of(column + ":l:" + number.value());
            case ProviderValue.Text text -> Optional.of(column + ":s:" + escape(text.value()));
            case ProviderValue.Null ignored -> this == ESCAPED ? Optional.of(column + ":n:") : Optional.empty();
            case ProviderValue.Blob ignored ->
                throw new IllegalArgumentException("content cannot bind BLOBs; column " + column + " holds one");
        };
    }

    private String escape(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a bound value passed through the shell cannot contain NUL");
        }
        return this == ESCAPED ? value.replace("\\", "\\\\").replace(":", "\\:") : value;
    }
}

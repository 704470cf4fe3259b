package org.lifeboat.android.content;

/** Checks that mirror {@code Content.Parser.argumentValueRequired}, so a bad argument fails here, not on the phone. */
final class ContentArguments {

    private ContentArguments() {}

    static String requireValue(String option, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a non-empty value");
        }
        if (value.startsWith("--")) {
            throw new IllegalArgumentException(
                    option + " value must not start with \"--\" (content would reject it): " + value);
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(option + " value must not contain NUL");
        }
        return value;
    }
}

package org.lifeboat.android.content;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One cell of a content-provider row, typed the way SQLite stores it. Floats are not modelled: none of the columns
 * Lifeboat keeps is REAL, and {@code content} prints floats with single precision anyway.
 */
public sealed interface ProviderValue {

    /** SQL NULL. */
    static ProviderValue nullValue() {
        return Null.INSTANCE;
    }

    static ProviderValue text(String value) {
        return new Text(value);
    }

    static ProviderValue integer(long value) {
        return new Int(value);
    }

    static ProviderValue blob(byte[] bytes) {
        return new Blob(bytes);
    }

    /** SQL NULL, distinct from the text {@code "NULL"}. */
    enum Null implements ProviderValue {
        INSTANCE;

        @Override
        public String toString() {
            return "NULL";
        }
    }

    record Text(String value) implements ProviderValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    record Int(long value) implements ProviderValue {}

    /** Immutable bytes: the array is copied in and out. */
    record Blob(byte[] bytes) implements ProviderValue {
        public Blob {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Blob blob && Arrays.equals(bytes, blob.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Blob[" + bytes.length + " bytes]";
        }
    }
}

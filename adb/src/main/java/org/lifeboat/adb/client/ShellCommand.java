package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A command line for the phone's shell, as the bytes {@code sh -c} will see. Build it from verbatim words (program
 * names, operators) and quoted arguments so that user data (file names, message bodies) can never change its meaning.
 *
 * <pre>{@code
 * ShellCommand.builder().word("ls").word("-la").arg(path).word("2>/dev/null").build()
 * }</pre>
 */
public final class ShellCommand {
    private final byte[] bytes;

    private ShellCommand(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A script taken verbatim; only for text written by the programmer, never for user data. */
    public static ShellCommand script(String script) {
        if (script.isBlank()) {
            throw new IllegalArgumentException("a shell command cannot be empty");
        }
        if (script.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell command cannot contain a NUL byte");
        }
        return new ShellCommand(script.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code program} followed by each argument quoted. */
    public static ShellCommand of(String program, String... arguments) {
        Builder builder = builder().word(program);
        for (String argument : arguments) {
            builder.arg(argument);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy of the command's bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShellCommand other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Collects words separated by single spaces. */
    public static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Builder() {}

        /** Appends {@code text} verbatim, for program names, options and shell operators chosen by the programmer. */
        public Builder word(String text) {
            if (text.isEmpty() || text.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a verbatim shell word must be non-empty and free of NUL bytes");
            }
            return append(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Appends {@code argument} quoted, so the program receives exactly this string. */
        public Builder arg(String argument) {
            return append(ShellQuoting.quote(argument.getBytes(StandardCharsets.UTF_8)));
        }

        /** Appends {@code path} quoted, byte for byte. */
        public Builder arg(DevicePath path) {
            return append(ShellQuoting.quote(path.bytes()));
        }

        private Builder append(byte[] word) {
            if (out.size() > 0) {
                out.write(' ');
            }
            out.writeBytes(word);
            return this;
        }

        public ShellCommand build() {
            if (out.size() == 0) {
                throw new IllegalStateException("a shell command needs at least one word");
            }
            return new ShellCommand(out.toByteArray());
        }
    }
}

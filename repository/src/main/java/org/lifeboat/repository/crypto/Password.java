package org.lifeboat.repository.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A repository password. Kept as characters, never printed; restic feeds its UTF-8 bytes to scrypt. */
public final class Password {
    private final char[] characters;

    private Password(char[] characters) {
        this.characters = characters;
    }

    public static Password of(char[] characters) {
        return new Password(characters.clone());
    }

    public static Password of(String text) {
        return new Password(text.toCharArray());
    }

    public boolean isEmpty() {
        return characters.length == 0;
    }

    /** Whether both are the same characters, for "enter the password again" prompts. */
    public boolean sameAs(Password other) {
        return Arrays.equals(characters, other.characters);
    }

    byte[] utf8() {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(characters));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}

package org.lifeboat.repository.walker;

import java.util.ArrayList;
import java.util.List;
import org.lifeboat.repository.tree.ByteString;

/**
 * A path inside a snapshot, as components from its root tree; written {@code /home/me/file}. Names that are not
 * valid UTF-8 are shown in Go-quoted form when printed.
 */
public record SnapshotPath(List<ByteString> components) {
    public static final SnapshotPath ROOT = new SnapshotPath(List.of());

    public SnapshotPath {
        components = List.copyOf(components);
    }

    /** Parses {@code /a/b} or {@code a/b}; empty components and {@code .} are ignored, {@code ..} is refused. */
    public static SnapshotPath parse(String text) {
        List<ByteString> components = new ArrayList<>();
        for (String part : text.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("'..' is not allowed in a snapshot path: '" + text + "'");
            }
            components.add(ByteString.utf8(part));
        }
        return new SnapshotPath(components);
    }

    public SnapshotPath child(ByteString name) {
        List<ByteString> longer = new ArrayList<>(components);
        longer.add(name);
        return new SnapshotPath(longer);
    }

    public boolean isRoot() {
        return components.isEmpty();
    }

    /** The components as strings for glob matching (invalid UTF-8 decoded lossily). */
    public List<String> asStrings() {
        return components.stream().map(ByteString::toStringLossy).toList();
    }

    /**
     * Printable form: names with control characters or invalid UTF-8 appear in Go-quoted form, so that printing a
     * path can neither garble a terminal nor be confused with another name.
     */
    @Override
    public String toString() {
        if (components.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (ByteString component : components) {
            out.append('/').append(isPlain(component) ? component.toStringLossy() : component.toQuoted());
        }
        return out.toString();
    }

    private static boolean isPlain(ByteString name) {
        for (int i = 0; i < name.length(); i++) {
            int b = name.byteAt(i) & 0xff;
            if (b < 0x20 || b == 0x7f) {
                return false;
            }
        }
        return name.isValidUtf8();
    }
}

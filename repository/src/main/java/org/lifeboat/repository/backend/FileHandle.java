package org.lifeboat.repository.backend;

import java.util.Objects;
import java.util.regex.Pattern;
import org.lifeboat.repository.Id;

/**
 * Names one file in a repository: its type and its name, which is a lower-case 64-hex ID except for {@code config}.
 */
public record FileHandle(FileType type, String name) {
    private static final Pattern ID_NAME = Pattern.compile("[0-9a-f]{64}");
    private static final FileHandle CONFIG = new FileHandle(FileType.CONFIG, "config");

    public FileHandle {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (type == FileType.CONFIG ? !name.equals("config") : !isIdName(name)) {
            throw new IllegalArgumentException(
                    type == FileType.CONFIG
                            ? "the config file is named 'config', got '" + name + "'"
                            : "a " + type + " file is named by 64 lower-case hex digits, got '" + name + "'");
        }
    }

    public static FileHandle config() {
        return CONFIG;
    }

    public static FileHandle of(FileType type, Id id) {
        return new FileHandle(type, id.toString());
    }

    /** Whether {@code name} is a valid ID file name; backends skip others (for example temporary files). */
    public static boolean isIdName(String name) {
        return ID_NAME.matcher(name).matches();
    }

    /** The ID this file is named by. */
    public Id id() {
        if (type == FileType.CONFIG) {
            throw new IllegalStateException("the config file has no ID");
        }
        return Id.parse(name);
    }

    @Override
    public String toString() {
        return type == FileType.CONFIG ? "config" : type.directory() + "/" + name;
    }
}

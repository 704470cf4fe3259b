package org.lifeboat.repository.tree;

import java.util.Objects;

/** One extended attribute of a node; restic-written trees may hold a {@code null} value, kept as empty here. */
public record ExtendedAttribute(String name, ByteString value) {
    public ExtendedAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}

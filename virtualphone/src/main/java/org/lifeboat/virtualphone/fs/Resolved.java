package org.lifeboat.virtualphone.fs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A resolved path: the canonical phone components and the host file they map to. */
record Resolved(List<String> parts, Path host) {
    String phonePath() {
        return "/" + String.join("/", parts);
    }

    String parentPhonePath() {
        return parts.size() <= 1 ? "/" : "/" + String.join("/", parts.subList(0, parts.size() - 1));
    }

    String name() {
        return parts.isEmpty() ? "/" : parts.get(parts.size() - 1);
    }

    Resolved child(String name) {
        List<String> childParts = new ArrayList<>(parts);
        childParts.add(name);
        return new Resolved(List.copyOf(childParts), host.resolve(name));
    }
}

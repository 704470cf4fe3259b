package org.lifeboat.virtualphone.device;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An intent as {@code am} builds it from its command line ({@code -a -d -t -n -f -e...}).
 *
 * @param flags the intent flags, already including what {@code am} itself adds
 */
public record Intent(
        Optional<String> action,
        Optional<String> data,
        Optional<String> mimeType,
        Optional<String> component,
        Map<String, String> extras,
        int flags) {

    public Intent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(component, "component");
        extras = Map.copyOf(extras);
    }
}

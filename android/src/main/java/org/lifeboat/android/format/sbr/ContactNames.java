package org.lifeboat.android.format.sbr;

import java.util.Optional;

/** Display names for phone numbers, for the informational {@code contact_name} attribute. */
@FunctionalInterface
public interface ContactNames {

    ContactNames NONE = address -> Optional.empty();

    Optional<String> nameFor(String address);
}

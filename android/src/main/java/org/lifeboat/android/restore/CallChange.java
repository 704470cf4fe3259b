package org.lifeboat.android.restore;

import java.time.Instant;
import org.lifeboat.android.content.ProviderRow;

/** One call-log entry to insert. */
public record CallChange(ProviderRow call, String key) implements PlannedItem {

    @Override
    public String label() {
        return "call " + CallLogRestorer.direction(call.integer("type").orElse(0)) + " "
                + call.text("number").filter(n -> !n.isEmpty()).orElse("(hidden number)") + " at "
                + Instant.ofEpochMilli(call.integer("date").orElse(0));
    }
}

package org.lifeboat.android.restore;

/**
 * An item that was not restored, and why in words a person can act on.
 *
 * @param item the item's label
 * @param reason what went wrong or why it cannot be done, e.g. the phone's own error text
 */
public record ItemFailure(String item, String reason) {

    public ItemFailure {
        if (item == null || item.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a failure needs an item and a reason, got '" + item + "': " + reason);
        }
    }
}

package org.lifeboat.android.restore;

import java.util.List;
import java.util.OptionalLong;
import org.lifeboat.android.content.ProviderRow;

/**
 * One contact to write into the phone's local account.
 *
 * @param key the {@link ContactFingerprint} key, also stored in the raw contact's {@code sync1} so the new row is
 *     found again after the insert (which prints no id)
 * @param rawContact the backup's raw_contacts row ({@code starred}, {@code send_to_voicemail} are kept)
 * @param data the data rows still to insert, without group memberships
 * @param groups titles of the groups the contact belongs to and is not yet in
 * @param existingRawContact a raw contact an interrupted earlier restore left half-written, to be completed
 */
public record ContactChange(
        String label,
        String key,
        ProviderRow rawContact,
        List<ProviderRow> data,
        List<String> groups,
        OptionalLong existingRawContact)
        implements PlannedItem {

    public ContactChange {
        data = List.copyOf(data);
        groups = List.copyOf(groups);
    }
}

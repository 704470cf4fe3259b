package org.lifeboat.android.restore;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contacts on the phone, as far as a restore needs them.
 *
 * @param keys the {@link ContactFingerprint} keys of every raw contact that is not deleted, in any account
 * @param ownRows for raw contacts an earlier restore created (their {@code sync1} is a key): key to raw contact id
 *     and the rows it has, so an interrupted contact is completed rather than duplicated
 * @param localAccountType the account type of the phone's local contacts: empty on AOSP and Pixel, where local
 *     contacts have no account, or {@code vnd.sec.contact.phone} on Samsung
 */
public record ContactsOnPhone(
        Set<String> keys, Map<String, WrittenContact> ownRows, Optional<String> localAccountType) {

    public ContactsOnPhone {
        keys = Set.copyOf(keys);
        ownRows = Map.copyOf(ownRows);
    }

    /** A raw contact written by an earlier restore and the key rows it holds now. */
    public record WrittenContact(long rawContactId, Set<String> rows) {
        public WrittenContact {
            rows = Set.copyOf(rows);
        }
    }
}

package org.lifeboat.android.restore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lifeboat.android.content.ProviderRow;

/**
 * What makes two raw contacts the same contact, whichever phone they are on.
 *
 * <p>Why compare content rather than remember what an earlier restore wrote: row ids are local to a phone, a phone
 * may already hold the contact (synced from an account, or imported from a .vcf by hand), and a stored marker would
 * say nothing about those. So a contact is known by the set of its data rows, each reduced to its mimetype and the
 * {@code dataN} values a person entered; the key is the SHA-256 of that sorted set. Values the provider derives on
 * insert (a phone's normalized number, a name's style flags) are left out so that a restored contact reads back
 * with the key it was written with, and photos are left out because {@code content} cannot write them. Group
 * memberships count by the group's title, since group ids are local too.
 */
final class ContactFingerprint {
    static final String NAME = "vnd.android.cursor.item/name";
    static final String PHONE = "vnd.android.cursor.item/phone_v2";
    static final String PHOTO = "vnd.android.cursor.item/photo";
    static final String GROUP_MEMBERSHIP = "vnd.android.cursor.item/group_membership";
    static final int DATA_COLUMNS = 14;

    /** Columns the provider fills in itself (ContactsProvider2's DataRowHandlers). */
    private static final Map<String, Set<Integer>> DERIVED = Map.of(NAME, Set.of(10, 11), PHONE, Set.of(4));

    private ContactFingerprint() {}

    /** One data row as it counts for the key; memberships are given as {@link #membership}. */
    static String row(ProviderRow data) {
        String mimetype = data.text("mimetype").orElse("");
        StringBuilder row = new StringBuilder(mimetype);
        Set<Integer> derived = DERIVED.getOrDefault(mimetype, Set.of());
        for (int i = 1; i <= DATA_COLUMNS; i++) {
            // content prints SQL NULL and the text "NULL" alike, so both sides treat "NULL" and "" as absent.
            String value = data.text("data" + i).map(String::strip).orElse("");
            if (!derived.contains(i) && !value.isEmpty() && !value.equals("NULL")) {
                row.append('\u001f').append(i).append('=').append(value);
            }
        }
        return row.toString();
    }

    static String membership(String groupTitle) {
        return GROUP_MEMBERSHIP + '\u001f' + groupTitle;
    }

    /** Rows that take part in the key: photos cannot be restored, so they cannot count. */
    static boolean counts(ProviderRow data) {
        return !PHOTO.equals(data.text("mimetype").orElse(""));
    }

    static String key(Collection<String> rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String row : new TreeSet<>(rows)) {
                sha.update(row.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

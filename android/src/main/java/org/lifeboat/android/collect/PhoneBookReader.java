package org.lifeboat.android.collect;

import static org.lifeboat.android.collect.TableReader.integers;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.sbr.ContactNames;
import org.lifeboat.android.format.sbr.PhoneBook;

/**
 * Reads the phone's contacts once more, numbers and display names only, so that the SMS Backup &amp; Restore files
 * carry a {@code contact_name} for each known correspondent as the app's own backups do.
 */
final class PhoneBookReader {
    private static final String AUTHORITY = "content://com.android.contacts/";
    private static final String PHONE = "vnd.android.cursor.item/phone_v2";

    private PhoneBookReader() {}

    /**
     * The phone book, or no names at all when the contacts cannot be read: {@code contact_name} is informational
     * (SMS Backup &amp; Restore ignores it on restore), and the contacts collector reports that failure itself.
     */
    static ContactNames read(Phone phone) throws IOException {
        TableReader reader = new TableReader(phone);
        try {
            ProviderTable rawContacts = reader.read(
                    "raw_contacts",
                    AUTHORITY + "raw_contacts",
                    Optional.of("deleted=0"),
                    integers("_id"),
                    List.of("display_name"));
            ProviderTable numbers = reader.read(
                    "data",
                    AUTHORITY + "data",
                    Optional.of("mimetype='" + PHONE + "'"),
                    integers("_id", "raw_contact_id"),
                    List.of("data1"));
            Map<Long, String> names = new HashMap<>();
            for (ProviderRow contact : rawContacts.rows()) {
                contact.text("display_name")
                        .ifPresent(name -> names.put(contact.integer("_id").orElseThrow(), name));
            }
            PhoneBook book = new PhoneBook();
            for (ProviderRow number : numbers.rows()) {
                String name = names.get(number.integer("raw_contact_id").orElse(-1));
                Optional<String> digits = number.text("data1");
                if (name != null && digits.isPresent()) {
                    book.add(digits.get(), name);
                }
            }
            return book;
        } catch (ContentCommandException e) {
            return ContactNames.NONE;
        }
    }
}

package org.lifeboat.virtualphone.profile.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.lifeboat.virtualphone.profile.media.ImagePainter;
import org.lifeboat.virtualphone.profile.media.Jpegs;

/**
 * ContactsProvider rows for local (account-less) contacts: raw_contacts, data with ContactsContract mimetypes and
 * data1..data15 meanings (see CommonDataKinds), and groups.
 */
final class ContactsTables {
    static final String NAME = "vnd.android.cursor.item/name";
    static final String PHONE = "vnd.android.cursor.item/phone_v2";
    static final String EMAIL = "vnd.android.cursor.item/email_v2";
    static final String POSTAL = "vnd.android.cursor.item/postal-address_v2";
    static final String EVENT = "vnd.android.cursor.item/contact_event";
    static final String ORGANIZATION = "vnd.android.cursor.item/organization";
    static final String NOTE = "vnd.android.cursor.item/note";
    static final String GROUP_MEMBERSHIP = "vnd.android.cursor.item/group_membership";
    static final String PHOTO = "vnd.android.cursor.item/photo";

    /** ContactsContract.DisplayNameSources.STRUCTURED_NAME. */
    private static final int DISPLAY_NAME_SOURCE_STRUCTURED_NAME = 40;
    /** CommonDataKinds.Event.TYPE_BIRTHDAY. */
    private static final int EVENT_TYPE_BIRTHDAY = 3;

    private final List<Map<String, Object>> data = new ArrayList<>();
    private final RandomGenerator random;

    private ContactsTables(RandomGenerator random) {
        this.random = random;
    }

    static Map<String, List<Map<String, Object>>> of(List<Person> people, RandomGenerator random) {
        ContactsTables tables = new ContactsTables(random);
        List<Map<String, Object>> rawContacts = new ArrayList<>();
        for (Person person : people) {
            rawContacts.add(tables.rawContact(person));
            tables.dataRows(person);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int i = 0; i < People.GROUPS.size(); i++) {
            groups.add(Rows.row()
                    .put("_id", i + 1)
                    .put("title", People.GROUPS.get(i))
                    .put("account_name", null)
                    .put("account_type", null)
                    .put("system_id", null)
                    .put("deleted", 0)
                    .put("group_visible", 1)
                    .build());
        }
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        result.put("raw_contacts", rawContacts);
        result.put("data", tables.data);
        result.put("groups", groups);
        return result;
    }

    private Map<String, Object> rawContact(Person person) {
        return Rows.row()
                .put("_id", person.id())
                .put("contact_id", person.id())
                .put("account_name", null)
                .put("account_type", null)
                .put("data_set", null)
                .put("sourceid", null)
                .put("version", 2)
                .put("dirty", 1)
                .put("deleted", 0)
                .put("starred", person.starred() ? 1 : 0)
                .put("pinned", 0)
                .put("custom_ringtone", null)
                .put("send_to_voicemail", 0)
                .put("times_contacted", random.nextInt(40))
                .put("display_name", person.displayName())
                .put("display_name_alt", person.familyName() + ", " + person.givenName())
                .put("display_name_source", DISPLAY_NAME_SOURCE_STRUCTURED_NAME)
                .put("sort_key", person.displayName())
                .build();
    }

    private void dataRows(Person person) {
        add(person, NAME, true)
                .put("data1", person.displayName())
                .put("data2", person.givenName())
                .put("data3", person.familyName());
        boolean first = true;
        for (Person.PhoneNumber number : person.numbers()) {
            add(person, PHONE, first)
                    .put("data1", number.formatted())
                    .put("data2", number.type())
                    .put("data3", number.label())
                    .put("data4", number.normalized());
            first = false;
        }
        first = true;
        for (String email : person.emails()) {
            add(person, EMAIL, first).put("data1", email).put("data2", email.contains("@work.") ? 2 : 1);
            first = false;
        }
        person.address().ifPresent(address -> add(person, POSTAL, true)
                .put("data1", address.formatted())
                .put("data2", 1) // TYPE_HOME
                .put("data4", address.street())
                .put("data7", address.city())
                .put("data8", address.region())
                .put("data9", address.postcode())
                .put("data10", address.country()));
        person.birthday()
                .ifPresent(date -> add(person, EVENT, false).put("data1", date).put("data2", EVENT_TYPE_BIRTHDAY));
        person.company().ifPresent(company -> add(person, ORGANIZATION, true)
                .put("data1", company)
                .put("data2", 1) // TYPE_WORK
                .put("data4", "Engineer"));
        person.note().ifPresent(note -> add(person, NOTE, false).put("data1", note));
        for (int group : person.groupIds()) {
            add(person, GROUP_MEMBERSHIP, false).put("data1", group);
        }
        if (person.hasPhoto()) {
            // data15 holds the thumbnail BLOB; data14 (photo_file_id) stays NULL because no full-size photo file
            // is stored (ContactsContract.CommonDataKinds.Photo).
            byte[] thumbnail = Jpegs.encode(ImagePainter.photo(96, 96, random), 0.8f);
            add(person, PHOTO, true).put("data14", null).put("data15", Rows.blob(thumbnail));
        }
    }

    private Rows add(Person person, String mimetype, boolean primary) {
        Rows row = Rows.row()
                .put("_id", data.size() + 1)
                .put("raw_contact_id", person.id())
                .put("mimetype", mimetype)
                .put("is_primary", primary ? 1 : 0)
                .put("is_super_primary", primary ? 1 : 0)
                .put("data_version", 0);
        data.add(row.build());
        return row;
    }
}

package org.lifeboat.android.format.vcard;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.util.PartialDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.MalformedExportException;

/**
 * Turns vCards (ours or another app's, 2.1/3.0/4.0) back into ContactsProvider rows ready to insert: one
 * {@code raw_contacts} row per vCard, {@code data} rows with the mimetype and {@code dataN} columns the writer reads,
 * and one {@code groups} row per distinct CATEGORIES title. Ids are fresh, starting at 1, so rows refer to each other.
 */
public final class ContactsVCardReader {

    private static final String FORMAT = "vCard";
    private static final List<String> IM_PROPERTIES = List.of(
            "X-AIM",
            "X-MSN",
            "X-YAHOO",
            "X-SKYPE-USERNAME",
            "X-QQ",
            "X-GOOGLE-TALK",
            "X-ICQ",
            "X-JABBER",
            "X-NETMEETING");

    private final List<ProviderRow> rawContacts = new ArrayList<>();
    private final List<ProviderRow> data = new ArrayList<>();
    private final Map<String, Long> groupIds = new LinkedHashMap<>();
    private long rawContactId;

    private ContactsVCardReader() {}

    public static ContactTables read(String vcf) throws MalformedExportException {
        List<VCard> cards = Ezvcard.parse(vcf).all();
        if (cards.isEmpty() && !vcf.isBlank()) {
            throw new MalformedExportException(FORMAT, "no BEGIN:VCARD … END:VCARD block found");
        }
        ContactsVCardReader reader = new ContactsVCardReader();
        cards.forEach(reader::add);
        List<ProviderRow> groups = new ArrayList<>();
        reader.groupIds.forEach((title, id) -> groups.add(
                ProviderRow.builder().put("_id", id).put("title", title).build()));
        return new ContactTables(
                new ProviderTable("raw_contacts", reader.rawContacts),
                new ProviderTable("data", reader.data),
                new ProviderTable("groups", groups));
    }

    private void add(VCard card) {
        rawContactId++;
        String displayName =
                card.getFormattedName() == null ? null : card.getFormattedName().getValue();
        rawContacts.add(ProviderRow.builder()
                .put("_id", rawContactId)
                .put("display_name", displayName)
                .build());
        addName(card, displayName);
        for (Telephone tel : card.getTelephoneNumbers()) {
            var typed = TypeParameters.PHONE.codeFor(tel.getParameters().getTypes());
            addTyped(
                    Mimetypes.PHONE,
                    tel.getText(),
                    typed,
                    isPreferred(tel.getParameters().getTypes()));
        }
        for (Email email : card.getEmails()) {
            var typed = TypeParameters.EMAIL.codeFor(email.getParameters().getTypes());
            addTyped(
                    Mimetypes.EMAIL,
                    email.getValue(),
                    typed,
                    isPreferred(email.getParameters().getTypes()));
        }
        for (Address adr : card.getAddresses()) {
            var typed = TypeParameters.POSTAL.codeFor(adr.getParameters().getTypes());
            ProviderRow.Builder row = dataRow(Mimetypes.POSTAL)
                    .put("data4", adr.getStreetAddress())
                    .put("data5", adr.getPoBox())
                    .put("data6", adr.getExtendedAddress())
                    .put("data7", adr.getLocality())
                    .put("data8", adr.getRegion())
                    .put("data9", adr.getPostalCode())
                    .put("data10", adr.getCountry());
            putType(row, typed, isPreferred(adr.getParameters().getTypes()));
            data.add(row.build());
        }
        addOrganizations(card);
        addBirthday(card.getBirthday());
        card.getNotes().forEach(note -> addText(Mimetypes.NOTE, note.getValue()));
        card.getNicknames().forEach(n -> n.getValues().forEach(v -> addText(Mimetypes.NICKNAME, v)));
        card.getUrls().forEach(url -> addText(Mimetypes.WEBSITE, url.getValue()));
        for (int protocol = 0; protocol < IM_PROPERTIES.size(); protocol++) {
            for (RawProperty im : card.getExtendedProperties(IM_PROPERTIES.get(protocol))) {
                data.add(dataRow(Mimetypes.IM)
                        .put("data1", im.getValue())
                        .put("data5", Integer.toString(protocol))
                        .build());
            }
        }
        card.getCategoriesList().forEach(c -> c.getValues().forEach(this::addGroupMembership));
        for (Photo photo : card.getPhotos()) {
            if (photo.getData() != null) {
                data.add(dataRow(Mimetypes.PHOTO)
                        .put("data15", ProviderValue.blob(photo.getData()))
                        .build());
            }
        }
        for (RawProperty custom : card.getExtendedProperties(AndroidCustomProperty.NAME)) {
            addCustom(custom.getValue());
        }
    }

    private void addName(VCard card, String displayName) {
        StructuredName name = card.getStructuredName();
        ProviderRow.Builder row = dataRow(Mimetypes.NAME).put("data1", displayName);
        if (name != null) {
            row.put("data2", name.getGiven())
                    .put("data3", name.getFamily())
                    .put("data4", joined(name.getPrefixes()))
                    .put("data5", joined(name.getAdditionalNames()))
                    .put("data6", joined(name.getSuffixes()));
        }
        row.put("data7", extended(card, "X-PHONETIC-FIRST-NAME"))
                .put("data8", extended(card, "X-PHONETIC-MIDDLE-NAME"))
                .put("data9", extended(card, "X-PHONETIC-LAST-NAME"));
        ProviderRow built = row.build();
        if (built.columns().stream().filter(c -> c.startsWith("data")).anyMatch(c -> built.text(c)
                .isPresent())) {
            data.add(built);
        }
    }

    private void addOrganizations(VCard card) {
        List<Title> titles = new ArrayList<>(card.getTitles());
        for (Organization org : card.getOrganizations()) {
            List<String> values = org.getValues();
            Optional<Title> title = titles.stream()
                    .filter(t -> org.getGroup() == null || org.getGroup().equalsIgnoreCase(t.getGroup()))
                    .findFirst();
            title.ifPresent(titles::remove);
            data.add(dataRow(Mimetypes.ORGANIZATION)
                    .put("data1", values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0))
                    .put("data4", title.map(Title::getValue).orElse(null))
                    .put("data5", values.size() > 1 ? String.join(", ", values.subList(1, values.size())) : null)
                    .build());
        }
        titles.forEach(t -> data.add(
                dataRow(Mimetypes.ORGANIZATION).put("data4", t.getValue()).build()));
    }

    private void addBirthday(Birthday birthday) {
        if (birthday == null) {
            return;
        }
        String date = null;
        if (birthday.getDate() != null) {
            date = LocalDate.from(birthday.getDate()).toString();
        } else if (birthday.getPartialDate() != null) {
            PartialDate partial = birthday.getPartialDate();
            date = partial.getYear() == null && partial.getMonth() != null && partial.getDate() != null
                    ? "--%02d-%02d".formatted(partial.getMonth(), partial.getDate())
                    : partial.toISO8601(true);
        } else if (birthday.getText() != null) {
            date = birthday.getText();
        }
        if (date != null) {
            data.add(dataRow(Mimetypes.EVENT)
                    .put("data1", date)
                    .put("data2", Integer.toString(Mimetypes.EVENT_TYPE_BIRTHDAY))
                    .build());
        }
    }

    private void addGroupMembership(String title) {
        long groupId = groupIds.computeIfAbsent(title, t -> (long) groupIds.size() + 1);
        data.add(dataRow(Mimetypes.GROUP_MEMBERSHIP)
                .put("data1", Long.toString(groupId))
                .build());
    }

    private void addCustom(String value) {
        List<String> components = AndroidCustomProperty.decode(value);
        if (components.getFirst().isEmpty()) {
            return;
        }
        ProviderRow.Builder row = dataRow(components.getFirst());
        for (int i = 1; i < components.size() && i <= AndroidCustomProperty.DATA_COLUMNS; i++) {
            if (!components.get(i).isEmpty()) {
                row.put("data" + i, components.get(i));
            }
        }
        data.add(row.build());
    }

    private void addTyped(String mimetype, String value, TypeParameters.Typed typed, boolean primary) {
        ProviderRow.Builder row = dataRow(mimetype).put("data1", value);
        putType(row, typed, primary);
        data.add(row.build());
    }

    private static void putType(ProviderRow.Builder row, TypeParameters.Typed typed, boolean primary) {
        row.put("data2", Integer.toString(typed.code()));
        typed.label().ifPresent(label -> row.put("data3", label));
        if (primary) {
            row.put("is_primary", 1);
        }
    }

    private void addText(String mimetype, String value) {
        if (value != null && !value.isEmpty()) {
            data.add(dataRow(mimetype).put("data1", value).build());
        }
    }

    private ProviderRow.Builder dataRow(String mimetype) {
        return ProviderRow.builder()
                .put("_id", data.size() + 1L)
                .put("raw_contact_id", rawContactId)
                .put("mimetype", mimetype);
    }

    private static String extended(VCard card, String name) {
        RawProperty property = card.getExtendedProperty(name);
        return property == null ? null : property.getValue();
    }

    private static String joined(List<String> parts) {
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    /** vCard 2.1 writes PREF as a type; 3.0 also allows a PREF parameter, which ez-vcard files under TYPE too. */
    private static boolean isPreferred(List<String> types) {
        return types.stream().anyMatch(t -> t.equalsIgnoreCase("PREF"));
    }
}

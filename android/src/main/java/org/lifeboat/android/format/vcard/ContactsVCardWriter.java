package org.lifeboat.android.format.vcard;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.ImageType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Nickname;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.util.PartialDate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;

/**
 * Contacts as vCard 3.0, the newest version AOSP-derived Contacts apps import (android-data.md §4.1): one vCard per
 * raw contact that is not deleted, UTF-8, CRLF, folded lines. Data kinds without a vCard property go into
 * {@code X-ANDROID-CUSTOM}, photos into {@code PHOTO;ENCODING=b} when the photo row holds the image bytes.
 */
public final class ContactsVCardWriter {

    private static final String[] IM_PROPERTIES = {
        "X-AIM", "X-MSN", "X-YAHOO", "X-SKYPE-USERNAME", "X-QQ", "X-GOOGLE-TALK", "X-ICQ", "X-JABBER", "X-NETMEETING"
    };

    private ContactsVCardWriter() {}

    public static String write(ContactTables contacts) {
        return Ezvcard.write(toVCards(contacts))
                .version(VCardVersion.V3_0)
                .prodId(false)
                .go();
    }

    static List<VCard> toVCards(ContactTables contacts) {
        Map<Long, List<ProviderRow>> dataByRawContact = new HashMap<>();
        for (ProviderRow row : contacts.data().rows()) {
            row.integer("raw_contact_id").ifPresent(id -> dataByRawContact
                    .computeIfAbsent(id, k -> new ArrayList<>())
                    .add(row));
        }
        Map<Long, String> groupTitles = new HashMap<>();
        for (ProviderRow group : contacts.groups().rows()) {
            group.integer("_id").ifPresent(id -> group.text("title").ifPresent(t -> groupTitles.put(id, t)));
        }
        List<VCard> cards = new ArrayList<>();
        for (ProviderRow raw : contacts.rawContacts().rows()) {
            if (raw.integer("deleted").orElse(0) != 0) {
                continue;
            }
            long id = raw.integer("_id")
                    .orElseThrow(() -> new IllegalArgumentException("raw_contacts row without _id: " + raw));
            cards.add(toVCard(raw, dataByRawContact.getOrDefault(id, List.of()), groupTitles));
        }
        return cards;
    }

    private static VCard toVCard(ProviderRow raw, List<ProviderRow> data, Map<Long, String> groupTitles) {
        VCard card = new VCard();
        Optional<ProviderRow> nameRow = data.stream()
                .filter(row -> row.text("mimetype").orElse("").equals(Mimetypes.NAME))
                .findFirst();
        card.setFormattedName(nameRow.flatMap(row -> row.text("data1"))
                .or(() -> raw.text("display_name"))
                .orElse(""));
        // vCard 3.0 requires N; an empty one is what Android writes for a nameless contact.
        card.setStructuredName(new StructuredName());
        nameRow.ifPresent(row -> addName(card, row));
        Categories categories = new Categories();
        int organizations = 0;
        for (ProviderRow row : data) {
            String mimetype = row.text("mimetype").orElse("");
            switch (mimetype) {
                case Mimetypes.NAME -> {
                    if (nameRow.get() != row) {
                        addCustom(card, row);
                    }
                }
                case Mimetypes.PHONE ->
                    text(row, "data1").ifPresent(number -> {
                        Telephone tel = new Telephone(number);
                        types(TypeParameters.PHONE, row).forEach(tel.getParameters()::addType);
                        primary(row, () -> tel.getParameters().addType("PREF"));
                        card.addTelephoneNumber(tel);
                    });
                case Mimetypes.EMAIL ->
                    text(row, "data1").ifPresent(address -> {
                        Email email = new Email(address);
                        email.getParameters().addType("INTERNET");
                        types(TypeParameters.EMAIL, row).forEach(email.getParameters()::addType);
                        primary(row, () -> email.getParameters().addType("PREF"));
                        card.addEmail(email);
                    });
                case Mimetypes.POSTAL -> card.addAddress(address(row));
                case Mimetypes.ORGANIZATION -> {
                    // A group ties each TITLE to its ORG, so several jobs survive the round trip.
                    String group = "org" + ++organizations;
                    Organization org = new Organization();
                    org.getValues().add(row.text("data1").orElse(""));
                    text(row, "data5").ifPresent(org.getValues()::add);
                    org.setGroup(group);
                    card.addOrganization(org);
                    text(row, "data4").ifPresent(t -> {
                        Title title = new Title(t);
                        title.setGroup(group);
                        card.addTitle(title);
                    });
                }
                case Mimetypes.EVENT -> {
                    Optional<Birthday> birthday = row.integer("data2").orElse(-1) == Mimetypes.EVENT_TYPE_BIRTHDAY
                                    && card.getBirthday() == null
                            ? text(row, "data1").flatMap(ContactsVCardWriter::birthday)
                            : Optional.empty();
                    birthday.ifPresentOrElse(card::setBirthday, () -> addCustom(card, row));
                }
                case Mimetypes.NOTE -> text(row, "data1").ifPresent(card::addNote);
                case Mimetypes.NICKNAME ->
                    text(row, "data1").ifPresent(n -> {
                        Nickname nickname = new Nickname();
                        nickname.getValues().add(n);
                        card.addNickname(nickname);
                    });
                case Mimetypes.WEBSITE -> text(row, "data1").ifPresent(card::addUrl);
                case Mimetypes.IM -> {
                    long protocol = row.integer("data5").orElse(Mimetypes.IM_PROTOCOL_CUSTOM);
                    Optional<String> handle = text(row, "data1");
                    if (protocol >= 0 && protocol < IM_PROPERTIES.length && handle.isPresent()) {
                        card.addExtendedProperty(IM_PROPERTIES[(int) protocol], handle.get());
                    } else {
                        addCustom(card, row);
                    }
                }
                case Mimetypes.GROUP_MEMBERSHIP ->
                    row.integer("data1").stream()
                            .mapToObj(groupTitles::get)
                            .filter(t -> t != null && !t.isEmpty())
                            .forEach(categories.getValues()::add);
                case Mimetypes.PHOTO -> {
                    if (row.get("data15") instanceof ProviderValue.Blob photo && photo.length() > 0) {
                        card.addPhoto(new Photo(photo.bytes(), imageType(photo.bytes())));
                    }
                }
                default -> addCustom(card, row);
            }
        }
        if (!categories.getValues().isEmpty()) {
            card.setCategories(categories);
        }
        return card;
    }

    private static void addName(VCard card, ProviderRow row) {
        StructuredName name = new StructuredName();
        name.setGiven(row.text("data2").orElse(null));
        name.setFamily(row.text("data3").orElse(null));
        text(row, "data4").ifPresent(name.getPrefixes()::add);
        text(row, "data5").ifPresent(name.getAdditionalNames()::add);
        text(row, "data6").ifPresent(name.getSuffixes()::add);
        card.setStructuredName(name);
        // Android's own exporter writes the phonetic name with these properties.
        text(row, "data7").ifPresent(v -> card.addExtendedProperty("X-PHONETIC-FIRST-NAME", v));
        text(row, "data8").ifPresent(v -> card.addExtendedProperty("X-PHONETIC-MIDDLE-NAME", v));
        text(row, "data9").ifPresent(v -> card.addExtendedProperty("X-PHONETIC-LAST-NAME", v));
    }

    private static Address address(ProviderRow row) {
        Address address = new Address();
        address.setPoBox(row.text("data5").orElse(null));
        address.setExtendedAddress(row.text("data6").orElse(null));
        address.setStreetAddress(row.text("data4").orElse(null));
        address.setLocality(row.text("data7").orElse(null));
        address.setRegion(row.text("data8").orElse(null));
        address.setPostalCode(row.text("data9").orElse(null));
        address.setCountry(row.text("data10").orElse(null));
        if (address.getStreetAddress() == null && address.getLocality() == null) {
            // Only the formatted address is known: keep it rather than lose it.
            address.setStreetAddress(row.text("data1").orElse(null));
        }
        // Parameters as strings keep a custom label's case; ez-vcard's type constants lower-case it.
        types(TypeParameters.POSTAL, row).forEach(address.getParameters()::addType);
        primary(row, () -> address.getParameters().addType("PREF"));
        return address;
    }

    private static void addCustom(VCard card, ProviderRow row) {
        List<String> components = new ArrayList<>();
        components.add(row.text("mimetype").orElse(""));
        for (int i = 1; i <= AndroidCustomProperty.DATA_COLUMNS; i++) {
            components.add(
                    row.get("data" + i) instanceof ProviderValue.Blob
                            ? ""
                            : row.text("data" + i).orElse(""));
        }
        card.addExtendedProperty(AndroidCustomProperty.NAME, AndroidCustomProperty.encode(components));
    }

    private static Optional<Birthday> birthday(String date) {
        try {
            return Optional.of(new Birthday(LocalDate.parse(date)));
        } catch (DateTimeParseException notAFullDate) {
            try {
                // Android stores a birthday without a year as --MM-DD.
                return date.startsWith("--") ? Optional.of(new Birthday(PartialDate.parse(date))) : Optional.empty();
            } catch (IllegalArgumentException notAPartialDate) {
                return Optional.empty();
            }
        }
    }

    private static List<String> types(TypeParameters parameters, ProviderRow row) {
        var code = row.integer("data2");
        return parameters.typesFor(
                code.isPresent() ? Optional.of(code.getAsLong()) : Optional.empty(), row.text("data3"));
    }

    private static void primary(ProviderRow row, Runnable markPreferred) {
        if (row.integer("is_primary").orElse(0) != 0) {
            markPreferred.run();
        }
    }

    private static Optional<String> text(ProviderRow row, String column) {
        return row.text(column).filter(v -> !v.isEmpty());
    }

    private static ImageType imageType(byte[] image) {
        boolean png = image.length > 3 && image[0] == (byte) 0x89 && image[1] == 'P' && image[2] == 'N';
        return png ? ImageType.PNG : ImageType.JPEG;
    }
}

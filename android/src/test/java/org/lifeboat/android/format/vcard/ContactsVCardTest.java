package org.lifeboat.android.format.vcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.MalformedExportException;

class ContactsVCardTest {

    @Test
    void writesVCard30WithCrlfAndNonLatinTextAsIs() {
        String vcf = ContactsVCardWriter.write(ContactFixtures.contacts());

        assertThat(vcf)
                .endsWith("BEGIN:VCARD\r\n"
                        + "VERSION:3.0\r\n"
                        + "FN:山田 太郎\r\n"
                        + "N:山田;太郎\r\n"
                        + "X-PHONETIC-FIRST-NAME:タロウ\r\n"
                        + "X-PHONETIC-LAST-NAME:ヤマダ\r\n"
                        + "TEL;TYPE=HOME:+81 3-1234-5678\r\n"
                        + "BDAY:--04-01\r\n"
                        + "NOTE:絵文字 😀 and NULL\r\n"
                        + "CATEGORIES:Family\r\n"
                        + "END:VCARD\r\n");
        assertThat(vcf).doesNotContain("Gone").doesNotContain("\n\n");
    }

    @Test
    void mapsEveryDataKindToItsVCardProperty() {
        String vcf = ContactsVCardWriter.write(ContactFixtures.contacts());

        assertThat(vcf.split("\r\n"))
                .contains(
                        "FN:Ada Lovelace",
                        "N:Lovelace;Ada;;Lady;Countess",
                        "TEL;TYPE=CELL,PREF:+44 20 7946 0018",
                        "TEL;TYPE=WORK,FAX:020 7946 0999",
                        "TEL;TYPE=X-Lab:555",
                        "EMAIL;TYPE=INTERNET,WORK:ada@example.org",
                        "ADR;TYPE=HOME:;;12 St James's Square;London;;SW1Y 4JH;UK",
                        "org1.ORG:Analytical Engines\\; Ltd;R&D",
                        "org1.TITLE:Mathematician\\, first programmer",
                        "BDAY:1815-12-10",
                        "NOTE:Notes: line 1\\nline 2\\, with comma\\; semicolon \\\\ backslash",
                        "NICKNAME:Enchantress of Numbers",
                        "URL:https://example.org/ada",
                        "X-SKYPE-USERNAME:ada.l",
                        "PHOTO;ENCODING=b;TYPE=jpeg:/9j/4AAQSkZJRg==",
                        "CATEGORIES:Family");
        assertThat(vcf).contains("X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Lord Byron;11;;");
    }

    @Test
    void rowsSurviveTheRoundTripThroughVCard() throws MalformedExportException {
        ContactTables original = ContactFixtures.contacts();

        ContactTables read = ContactsVCardReader.read(ContactsVCardWriter.write(original));

        assertThat(read.rawContacts().rows())
                .extracting(r -> r.text("display_name").orElseThrow())
                .containsExactly("Ada Lovelace", "山田 太郎");
        assertThat(read.groups().rows())
                .extracting(r -> r.text("title").orElseThrow())
                .containsExactly("Family");
        assertThat(contentOf(read, 1)).containsExactlyInAnyOrderElementsOf(contentOf(original, 1));
        assertThat(contentOf(read, 2)).containsExactlyInAnyOrderElementsOf(contentOf(original, 2));
    }

    @Test
    void readsOtherAppsVCards() throws MalformedExportException {
        String foreign = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8:Müller;Jürgen\nFN:Jürgen Müller\n"
                + "TEL;CELL;PREF:+49 170 1234567\nTEL;X-Boat:123\nEMAIL:j@example.de\nORG:ACME\nTITLE:Boss\n"
                + "END:VCARD\n";

        ContactTables read = ContactsVCardReader.read(foreign);

        List<Map<String, String>> data = contentOf(read, 1);
        assertThat(data)
                .contains(
                        Map.of(
                                "mimetype",
                                "vnd.android.cursor.item/phone_v2",
                                "data1",
                                "+49 170 1234567",
                                "data2",
                                "2",
                                "is_primary",
                                "1"),
                        Map.of(
                                "mimetype",
                                "vnd.android.cursor.item/phone_v2",
                                "data1",
                                "123",
                                "data2",
                                "0",
                                "data3",
                                "Boat"),
                        Map.of("mimetype", "vnd.android.cursor.item/email_v2", "data1", "j@example.de", "data2", "3"),
                        Map.of("mimetype", "vnd.android.cursor.item/organization", "data1", "ACME", "data4", "Boss"));
    }

    @Test
    void textThatIsNotAVCardIsRejected() {
        assertThatThrownBy(() -> ContactsVCardReader.read("hello, world"))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("no BEGIN:VCARD");
    }

    /** The data rows of one raw contact as comparable maps; group ids become titles, blobs become base64. */
    private static List<Map<String, String>> contentOf(ContactTables contacts, long rawContactId) {
        Map<String, String> groupTitles = new TreeMap<>();
        contacts.groups()
                .rows()
                .forEach(g -> groupTitles.put(
                        g.text("_id").orElseThrow(), g.text("title").orElseThrow()));
        List<Map<String, String>> content = new ArrayList<>();
        for (ProviderRow row : contacts.data().rows()) {
            if (row.integer("raw_contact_id").orElseThrow() != rawContactId) {
                continue;
            }
            Map<String, String> cells = new TreeMap<>();
            row.values().forEach((column, value) -> {
                if (column.startsWith("data") || column.equals("mimetype") || column.equals("is_primary")) {
                    String text = value instanceof ProviderValue.Blob blob
                            ? blob.base64()
                            : row.text(column).orElse("");
                    if (!text.isEmpty()) {
                        cells.put(column, text);
                    }
                }
            });
            if (cells.get("mimetype").endsWith("/group_membership")) {
                cells.put("data1", groupTitles.get(cells.get("data1")));
            }
            content.add(cells);
        }
        return content;
    }
}

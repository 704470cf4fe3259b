package org.lifeboat.virtualphone.provider.shell;

import java.nio.file.Path;

/** A profile whose rows hold everything that makes {@code content query} output ambiguous. */
final class TrickyProfile {
    private TrickyProfile() {}

    static Path write(Path root) {
        PhoneFixture.write(root.resolve("providers/sms.json"), """
                {"sms": [
                  {"_id": 1, "thread_id": 1, "address": "+15551234", "type": 1, "date": 1700000000000,
                   "body": "Hello, world", "read": 1},
                  {"_id": 2, "thread_id": 1, "address": "+15551234", "type": 2, "date": 1700000001000,
                   "body": "a=b, c=d"},
                  {"_id": 3, "thread_id": 2, "address": "+15559999", "type": 1, "date": 1700000002000,
                   "body": "line1\\nRow: 9 _id=99"},
                  {"_id": 4, "thread_id": 2, "address": "+15559999", "type": 1, "date": 1700000003000,
                   "body": "\uD83D\uDE00 emoji"},
                  {"_id": 5, "thread_id": 2, "address": "+15559999", "type": 1, "date": 1700000004000, "body": "NULL"},
                  {"_id": 6, "thread_id": 2, "address": "+15559999", "type": 1, "date": 1700000005000, "body": ""},
                  {"_id": 7, "thread_id": 2, "address": "+15559999", "type": 1, "date": 1700000006000, "body": null},
                  {"_id": 8, "thread_id": 2, "address": "+15559999", "type": 3, "date": 1700000007000,
                   "body": "draft the shell cannot see", "vendor_score": 0.1}
                ]}
                """);
        PhoneFixture.write(root.resolve("providers/contacts.json"), """
                {"raw_contacts": [{"_id": 1, "contact_id": 1, "account_name": null, "account_type": null,
                                   "display_name": "Ann, \\"the\\" = one"}],
                 "data": [
                   {"_id": 10, "raw_contact_id": 1, "mimetype": "vnd.android.cursor.item/name",
                    "data1": "Ann, \\"the\\" = one", "data2": "Ann"},
                   {"_id": 11, "raw_contact_id": 1, "mimetype": "vnd.android.cursor.item/phone_v2",
                    "data1": "+49 30 1234", "data2": 2},
                   {"_id": 12, "raw_contact_id": 1, "mimetype": "vnd.android.cursor.item/photo",
                    "data15": {"base64": "/9j/AA=="}}
                 ]}
                """);
        PhoneFixture.write(root.resolve("providers/calllog.json"), """
                {"calls": [{"_id": 1, "number": "+15551234", "type": 1, "date": 1700000000000, "duration": 62}]}
                """);
        PhoneFixture.write(root.resolve("providers/mms.json"), """
                {"pdu": [{"_id": 1, "msg_box": 1, "m_type": 132, "date": 1700000000, "sub": "Pic",
                          "addrs": [{"address": "+15551234", "type": 137, "charset": 106}],
                          "parts": [{"seq": 0, "ct": "image/jpeg", "name": "a.jpg",
                                     "_data": "/data/user_de/0/com.android.providers.telephony/app_parts/PART_1"},
                                    {"seq": 0, "ct": "text/plain", "text": "caption, with comma"}]}]}
                """);
        PhoneFixture.write(root.resolve("providers/mms-parts/PART_1"), "JPEGBYTES\u0000\u00ff");
        PhoneFixture.write(root.resolve("settings/system.properties"), "screen_off_timeout=60000\nfont_scale=1.0\n");
        PhoneFixture.write(root.resolve("settings/global.properties"), "device_name=Pixel = mine\n");
        PhoneFixture.write(root.resolve("wifi.json"), """
                {"networks": [{"networkId": 0, "ssid": "Zuhause", "securityType": "wpa2"},
                              {"networkId": 2, "ssid": "Café, Gäste", "securityType": "open"}]}
                """);
        return root;
    }
}

package org.lifeboat.android.format.vcard;

/** {@code ContactsContract.CommonDataKinds.*.CONTENT_ITEM_TYPE} values. */
final class Mimetypes {

    private Mimetypes() {}

    private static final String PREFIX = "vnd.android.cursor.item/";
    static final String NAME = PREFIX + "name";
    static final String PHONE = PREFIX + "phone_v2";
    static final String EMAIL = PREFIX + "email_v2";
    static final String POSTAL = PREFIX + "postal-address_v2";
    static final String ORGANIZATION = PREFIX + "organization";
    static final String EVENT = PREFIX + "contact_event";
    static final String NOTE = PREFIX + "note";
    static final String NICKNAME = PREFIX + "nickname";
    static final String WEBSITE = PREFIX + "website";
    static final String IM = PREFIX + "im";
    static final String GROUP_MEMBERSHIP = PREFIX + "group_membership";
    static final String PHOTO = PREFIX + "photo";

    static final int CUSTOM_TYPE = 0;
    static final int EVENT_TYPE_BIRTHDAY = 3;
    static final int IM_PROTOCOL_CUSTOM = -1;
}

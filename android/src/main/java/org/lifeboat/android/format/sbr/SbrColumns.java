package org.lifeboat.android.format.sbr;

import java.util.List;
import java.util.Set;

/**
 * Attribute names and their order in SBR files, which are provider column names (synctech.com.au "Fields in XML
 * Backup Files"; MMS and call fields as quoted in bepaald/signalbackup-tools exportxml.cc; android-data.md §6).
 */
final class SbrColumns {

    private SbrColumns() {}

    /** {@code toa}/{@code sc_toa} are not AOSP columns any more; SBR still writes them, as "null". */
    static final List<String> SMS = List.of(
            "protocol",
            "address",
            "date",
            "type",
            "subject",
            "body",
            "toa",
            "sc_toa",
            "service_center",
            "read",
            "status",
            "locked",
            "date_sent",
            "sub_id");

    static final Set<String> SMS_NOT_IN_PROVIDER = Set.of("toa", "sc_toa");

    static final List<String> MMS = MmsColumns.PDU;

    static final List<String> PART = MmsColumns.PART;

    static final List<String> ADDR = MmsColumns.ADDR;

    static final List<String> CALL =
            List.of("number", "duration", "date", "type", "presentation", "subscription_id", "post_dial_digits");

    /** Columns read back as INTEGER; every other attribute is TEXT. */
    static final Set<String> INTEGERS = Set.of(
            "protocol",
            "date",
            "type",
            "read",
            "status",
            "locked",
            "date_sent",
            "sub_id",
            "msg_box",
            "seen",
            "text_only",
            "sub_cs",
            "exp",
            "m_type",
            "v",
            "m_size",
            "pri",
            "rr",
            "rpt_a",
            "resp_st",
            "st",
            "retr_st",
            "retr_txt_cs",
            "read_status",
            "ct_cls",
            "d_tm",
            "d_rpt",
            "seq",
            "chset",
            "charset",
            "duration",
            "presentation");

    static final String NULL = "null";
    static final String UNKNOWN_CONTACT = "(Unknown)";
    /** Separator of the recipients in {@code mms@address} [unverified, android-data.md §6.1]. */
    static final String ADDRESS_SEPARATOR = "~";
    /** Placeholder the framework stores in addr rows for the phone's own number. */
    static final String OWN_ADDRESS_TOKEN = "insert-address-token";
}

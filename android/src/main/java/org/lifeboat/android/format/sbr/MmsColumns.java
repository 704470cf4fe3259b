package org.lifeboat.android.format.sbr;

import java.util.List;

/**
 * The MMS provider columns a message is made of, in the order SBR files write them: what a backup keeps of a pdu,
 * its parts and its addresses, and what a restore writes back (MmsSmsDatabaseHelper; android-data.md §6).
 */
public final class MmsColumns {
    private MmsColumns() {}

    /** The pdu columns except the device-local {@code _id}, {@code thread_id} and {@code creator}. */
    public static final List<String> PDU = List.of(
            "date",
            "date_sent",
            "msg_box",
            "read",
            "seen",
            "locked",
            "sub_id",
            "text_only",
            "m_id",
            "sub",
            "sub_cs",
            "ct_t",
            "ct_l",
            "exp",
            "m_cls",
            "m_type",
            "v",
            "m_size",
            "pri",
            "rr",
            "rpt_a",
            "resp_st",
            "st",
            "tr_id",
            "retr_st",
            "retr_txt",
            "retr_txt_cs",
            "read_status",
            "ct_cls",
            "resp_txt",
            "d_tm",
            "d_rpt");

    public static final List<String> PART =
            List.of("seq", "ct", "name", "chset", "cd", "fn", "cid", "cl", "ctt_s", "ctt_t", "text");

    public static final List<String> ADDR = List.of("address", "type", "charset");
}

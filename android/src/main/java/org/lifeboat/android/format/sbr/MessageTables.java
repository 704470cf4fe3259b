package org.lifeboat.android.format.sbr;

import org.lifeboat.android.content.ProviderTable;

/**
 * The telephony rows behind {@code sms-mms.xml}: {@code content://sms}, {@code content://mms} (pdu),
 * {@code content://mms/part} and the pdus' {@code addr} rows (each with {@code msg_id}). Parts are matched to their
 * pdu by {@code mid}, addresses by {@code msg_id}.
 */
public record MessageTables(ProviderTable sms, ProviderTable mms, ProviderTable parts, ProviderTable addrs) {}

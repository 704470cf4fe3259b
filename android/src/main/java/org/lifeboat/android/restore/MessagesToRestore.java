package org.lifeboat.android.restore;

import org.lifeboat.android.format.sbr.MessageTables;
import org.lifeboat.android.format.sbr.PartDataSource;

/**
 * The messages of a backup: telephony rows (from {@code messages.json} or an SBR file) and the bytes of MMS
 * attachments by part {@code _id}.
 */
public record MessagesToRestore(MessageTables tables, PartDataSource partData) {}

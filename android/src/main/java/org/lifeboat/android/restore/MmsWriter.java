package org.lifeboat.android.restore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteFileException;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellQuoting;
import org.lifeboat.android.content.BindSyntax;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentInsert;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.content.SqlLiteral;
import org.lifeboat.android.format.sbr.MmsColumns;

/**
 * Writes one MMS the way MmsProvider takes it over {@code content} (android-data.md §4.3): the thread from
 * {@code content://mms-sms/threadID}, the pdu row, its id found by querying (insert prints nothing), then its
 * {@code addr} and {@code part} rows under {@code content://mms/<id>/…}, and each attachment's bytes pushed to a
 * scratch file and fed to {@code content write --uri content://mms/part/<id>} (Android 11+). A message that fails
 * half-way is deleted again, so the next run restores it whole instead of counting it as present.
 */
final class MmsWriter {
    /** {@code sub_id} is written as -1 instead: the old phone's subscription ids hide messages on Android 14. */
    private static final List<String> PDU_COLUMNS =
            MmsColumns.PDU.stream().filter(column -> !column.equals("sub_id")).toList();
    /** The shell may write here on every Android version; the file is removed after each message. */
    static final DevicePath SCRATCH = DevicePath.of("/data/local/tmp/lifeboat-mms-part.bin");

    private final PhoneShell shell;
    private final BindSyntax syntax;

    MmsWriter(PhoneShell shell, BindSyntax syntax) {
        this.shell = shell;
        this.syntax = syntax;
    }

    /** Writes {@code mms}; returns what went wrong, or empty when every step succeeded. */
    Optional<String> write(MessageChange.Mms mms) throws IOException {
        long pduId;
        try {
            ProviderRow.Builder pdu = ProviderRow.builder();
            copy(mms.pdu(), PDU_COLUMNS, pdu);
            if (!mms.threadRecipients().isEmpty()) {
                pdu.put("thread_id", threadId(mms.threadRecipients()));
            }
            pdu.put("sub_id", -1);
            shell.runSilent(insert(MessageKeys.MMS_URI, pdu.build()));
            pduId = findPdu(mms.pdu());
        } catch (ContentCommandException | CommandRejectedException e) {
            return Optional.of(e.getMessage());
        }
        try {
            writeRows(mms, pduId);
            return Optional.empty();
        } catch (ContentCommandException | CommandRejectedException | RemoteFileException e) {
            deletePdu(pduId);
            return Optional.of(e.getMessage());
        }
    }

    private void writeRows(MessageChange.Mms mms, long pduId)
            throws IOException, ContentCommandException, CommandRejectedException {
        List<List<String>> inserts = new ArrayList<>();
        for (ProviderRow addr : mms.addrs()) {
            inserts.add(insert(MessageKeys.MMS_URI + "/" + pduId + "/addr", copy(addr, MmsColumns.ADDR)));
        }
        for (ProviderRow part : mms.parts()) {
            inserts.add(insert(MessageKeys.MMS_URI + "/" + pduId + "/part", copy(part, MmsColumns.PART)));
        }
        for (Optional<String> error : shell.runSilentBatch(inserts)) {
            if (error.isPresent()) {
                throw new CommandRejectedException(error.get());
            }
        }
        if (mms.parts().stream().noneMatch(MmsPlanning::isAttachment)) {
            return;
        }
        List<ProviderRow> written = shell.query(ContentQuery.builder("content://mms/part")
                .column(ColumnSpec.integer("_id"))
                .where("mid=" + pduId)
                .sort("_id ASC")
                .build());
        if (written.size() != mms.parts().size()) {
            throw new CommandRejectedException(
                    "the phone stored " + written.size() + " of " + mms.parts().size() + " parts");
        }
        try {
            for (int i = 0; i < mms.parts().size(); i++) {
                ProviderRow part = mms.parts().get(i);
                if (MmsPlanning.isAttachment(part)) {
                    writeAttachment(mms, part, written.get(i).integer("_id").orElseThrow());
                }
            }
        } finally {
            shell.run(List.of("rm", "-f", SCRATCH.toString()));
        }
    }

    private void writeAttachment(MessageChange.Mms mms, ProviderRow part, long partId)
            throws IOException, CommandRejectedException {
        long backupId = part.integer("_id").orElse(-1);
        ProviderValue.Blob bytes = mms.partData()
                .partData(backupId)
                .orElseThrow(() -> new CommandRejectedException("the backup holds no bytes for attachment "
                        + part.text("name").or(() -> part.text("cl")).orElse("#" + backupId)));
        shell.phone().push(new ByteArrayInputStream(bytes.bytes()), SCRATCH, 0100600, Instant.EPOCH);
        ShellCommand write = ShellCommand.script(
                ShellQuoting.join(List.of("content", "write", "--uri", "content://mms/part/" + partId)) + " < "
                        + ShellQuoting.quoteIfNeeded(SCRATCH.toString()));
        Optional<String> error =
                PhoneShell.silentCommandError(shell.run(write, 1).allText());
        if (error.isPresent()) {
            throw new CommandRejectedException(error.get());
        }
    }

    private long threadId(List<String> recipients)
            throws IOException, ContentCommandException, CommandRejectedException {
        StringBuilder uri = new StringBuilder("content://mms-sms/threadID");
        char separator = '?';
        for (String recipient : recipients) {
            uri.append(separator).append("recipient=").append(encode(recipient));
            separator = '&';
        }
        List<ProviderRow> rows = shell.query(ContentQuery.builder(uri.toString())
                .column(ColumnSpec.integer("_id"))
                .build());
        if (rows.isEmpty() || rows.getFirst().integer("_id").isEmpty()) {
            throw new CommandRejectedException("the phone gave no thread for " + String.join(", ", recipients));
        }
        return rows.getFirst().integer("_id").getAsLong();
    }

    /** The new pdu: the newest row with this message's box, date and Message-ID. */
    private long findPdu(ProviderRow pdu) throws IOException, ContentCommandException, CommandRejectedException {
        String where = "msg_box=" + pdu.integer("msg_box").orElse(0) + " AND date="
                + pdu.integer("date").orElse(0)
                + pdu.text("m_id")
                        .map(id -> " AND m_id=" + SqlLiteral.quote(id))
                        .orElse("");
        List<ProviderRow> rows = shell.query(ContentQuery.builder(MessageKeys.MMS_URI)
                .column(ColumnSpec.integer("_id"))
                .where(where)
                .sort("_id DESC")
                .build());
        if (rows.isEmpty()) {
            throw new CommandRejectedException("the phone accepted the message but did not store it;"
                    + " some phones ignore the WRITE_SMS app-op for the adb shell");
        }
        return rows.getFirst().integer("_id").orElseThrow();
    }

    private void deletePdu(long pduId) throws IOException {
        shell.run(List.of("content", "delete", "--uri", MessageKeys.MMS_URI + "/" + pduId));
    }

    private List<String> insert(String uri, ProviderRow values) {
        return ContentInsert.of(uri, values, syntax, OptionalInt.empty()).arguments();
    }

    private static ProviderRow copy(ProviderRow from, List<String> columns) {
        ProviderRow.Builder row = ProviderRow.builder();
        copy(from, columns, row);
        return row.build();
    }

    private static void copy(ProviderRow from, List<String> columns, ProviderRow.Builder to) {
        for (String column : columns) {
            if (from.has(column) && !(from.get(column) instanceof ProviderValue.Blob)) {
                to.put(column, from.get(column));
            }
        }
    }

    /** Percent-encoding that Android's {@code Uri.getQueryParameters} decodes back exactly ('+' is not a space). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.lifeboat.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.lifeboat.android.collect.NotSaved;
import org.lifeboat.android.collect.TypeReport;
import org.lifeboat.repository.archiver.BackupSummary;

/** The backup report as JSON: {@code /lifeboat/report.json} in the snapshot, and {@code --json} output. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static ObjectNode toJson(PhoneBackupReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("hostname", report.hostname());
        root.put("model", report.model());
        root.put("sdk", report.sdk());
        root.put("time", report.time().toString());
        root.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        root.put("dryRun", report.dryRun());
        report.snapshotId().ifPresent(id -> root.put("snapshot", id));
        report.parentId().ifPresent(id -> root.put("parent", id));
        ArrayNode types = root.putArray("types");
        for (TypeReport type : report.types()) {
            ObjectNode row = types.addObject();
            row.put("type", type.type().folder());
            row.put("found", type.found());
            row.put("saved", type.saved());
            row.put("bytes", type.bytes());
            ArrayNode notSaved = row.putArray("notSaved");
            for (NotSaved item : type.notSaved()) {
                ObjectNode entry = notSaved.addObject();
                entry.put("item", item.item());
                item.count().ifPresent(count -> entry.put("count", count));
                entry.put("reason", item.reason());
                entry.put("fix", item.fix());
                entry.put("reachable", item.reachable());
            }
        }
        root.put("bytesTransferred", report.bytesTransferred());
        report.summary().ifPresent(summary -> root.set("summary", summary(summary)));
        return root;
    }

    public static byte[] toBytes(PhoneBackupReport report) {
        try {
            return JSON.writeValueAsBytes(toJson(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }

    private static ObjectNode summary(BackupSummary summary) {
        ObjectNode node = JSON.createObjectNode();
        node.put("filesNew", summary.filesNew());
        node.put("filesChanged", summary.filesChanged());
        node.put("filesUnmodified", summary.filesUnmodified());
        node.put("dataAdded", summary.dataAdded());
        node.put("dataAddedStored", summary.dataAddedStored());
        node.put("totalBytesProcessed", summary.totalBytesProcessed());
        node.put("seconds", summary.duration().toMillis() / 1000.0);
        return node;
    }
}

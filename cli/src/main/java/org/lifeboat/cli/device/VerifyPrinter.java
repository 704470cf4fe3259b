package org.lifeboat.cli.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.lifeboat.android.collect.NotSaved;
import org.lifeboat.backup.verify.Readback;
import org.lifeboat.backup.verify.TypeCheck;
import org.lifeboat.backup.verify.VerifyReport;

/**
 * The verify report: a green/red row per type, every item not in the backup, what adb cannot reach with the reason,
 * and a last line a person can act on.
 */
final class VerifyPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean colour;

    VerifyPrinter(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    void print(VerifyReport report) {
        out.printf(
                "%n%s (Android API %d) against snapshot %s of %s%n",
                report.model(), report.sdk(), RestoreReportPrinter.shortId(report.snapshotId()), report.snapshotTime());
        Readback readback = report.readback();
        out.printf(
                "Read back: %d trees and %d data blobs %s: %s%n%n",
                readback.trees(),
                readback.blobs(),
                readback.quick() ? "found in the repository" : "decrypted and hash-checked",
                readback.intact()
                        ? paint(GREEN, "intact")
                        : paint(RED, readback.damaged().size() + " damaged"));
        out.printf("    %-10s %9s %15s%n", "type", "on phone", "not in backup");
        for (TypeCheck type : report.types()) {
            out.printf(
                    "%s %-10s %9d %15d%n",
                    type.safe() ? paint(GREEN, "✓  ") : paint(RED, "✗  "),
                    type.type().folder(),
                    type.onPhone(),
                    type.notInBackup().size());
        }
        if (report.itemsNotInBackup() > 0) {
            out.printf("%nOn the phone but not in the backup:%n");
            for (TypeCheck type : report.types()) {
                type.notInBackup()
                        .forEach(item -> out.printf(
                                "  %s %s: %s%n", paint(RED, "✗"), type.type().folder(), item));
            }
        }
        if (!readback.intact()) {
            out.printf("%nDamaged in the backup (cannot be restored as saved):%n");
            readback.damaged().forEach(d -> out.printf("  %s %s: %s%n", paint(RED, "✗"), d.path(), d.reason()));
        }
        boolean unreachable =
                report.types().stream().anyMatch(t -> !t.cannotBeBackedUp().isEmpty());
        if (unreachable) {
            out.printf("%nCannot be backed up over adb (save these yourself before a reset):%n");
            for (TypeCheck type : report.types()) {
                for (NotSaved item : type.cannotBeBackedUp()) {
                    String count =
                            item.count().isPresent() ? " (" + item.count().getAsLong() + ")" : "";
                    out.printf(
                            "  - %s: %s%s%n      why: %s%n      fix: %s%n",
                            type.type().folder(), item.item(), count, item.reason(), item.fix());
                }
            }
        }
        out.printf("%n%s%n", verdict(report, unreachable));
        out.flush();
    }

    static String verdict(VerifyReport report, boolean unreachable) {
        String snapshot = RestoreReportPrinter.shortId(report.snapshotId());
        return switch (report.verdict()) {
            case SAFE ->
                "Safe to reset: everything adb can reach on this phone is in snapshot " + snapshot
                        + ", and the snapshot reads back."
                        + (unreachable ? " Save what adb cannot reach (listed above) yourself first." : "");
            case NOT_BACKED_UP ->
                "NOT safe to reset yet: " + report.itemsNotInBackup()
                        + " item(s) on the phone are not in the backup (listed above). Run 'lifeboat backup', then"
                        + " verify again.";
            case BACKUP_DAMAGED ->
                "NOT safe to reset: the backup is damaged; "
                        + report.readback().damaged().size()
                        + " item(s) of snapshot " + snapshot + " cannot be read back (listed above). Run 'lifeboat"
                        + " check', then a new backup.";
        };
    }

    static ObjectNode toJson(VerifyReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("hostname", report.hostname());
        root.put("model", report.model());
        root.put("sdk", report.sdk());
        root.put("snapshot", report.snapshotId());
        root.put("snapshot_time", report.snapshotTime().toString());
        root.put("deep", report.deep());
        root.put("verdict", report.verdict().name().toLowerCase(Locale.ROOT));
        ObjectNode readback = root.putObject("readback");
        readback.put("quick", report.readback().quick());
        readback.put("trees", report.readback().trees());
        readback.put("blobs", report.readback().blobs());
        ArrayNode damaged = readback.putArray("damaged");
        report.readback()
                .damaged()
                .forEach(d -> damaged.addObject().put("path", d.path()).put("reason", d.reason()));
        ArrayNode types = root.putArray("types");
        for (TypeCheck type : report.types()) {
            ObjectNode row = types.addObject();
            row.put("type", type.type().folder());
            row.put("on_phone", type.onPhone());
            row.put("safe", type.safe());
            type.notInBackup().forEach(row.putArray("not_in_backup")::add);
            ArrayNode unreachable = row.putArray("cannot_be_backed_up");
            for (NotSaved item : type.cannotBeBackedUp()) {
                ObjectNode entry = unreachable.addObject();
                entry.put("item", item.item());
                item.count().ifPresent(count -> entry.put("count", count));
                entry.put("reason", item.reason());
                entry.put("fix", item.fix());
            }
        }
        root.put("message", verdict(report, false));
        return root;
    }

    private String paint(String colourCode, String text) {
        return colour ? colourCode + text + RESET : text;
    }
}

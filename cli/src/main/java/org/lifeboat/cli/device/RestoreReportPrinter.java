package org.lifeboat.cli.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifeboat.android.restore.ItemFailure;
import org.lifeboat.backup.restore.PhoneRestoreReport;
import org.lifeboat.backup.restore.TypeRestore;

/** The per-type table at the end of a restore onto a phone, and its JSON form. */
final class RestoreReportPrinter {
    /** Items shown per reason before "… and N more"; the JSON report has them all. */
    private static final int SHOWN_PER_REASON = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RestoreReportPrinter() {}

    static void print(PhoneRestoreReport report, PrintWriter out) {
        out.printf(
                "%n%s snapshot %s (from %s) onto %s (Android API %d)%n",
                report.dryRun() ? "Dry run: restoring" : "Restored",
                shortId(report.snapshotId()),
                report.sourceHost(),
                report.targetSerial(),
                report.targetSdk());
        out.printf(
                "%-10s %13s %14s %12s %8s%n",
                "type", report.dryRun() ? "to restore" : "restored", "already there", "not possible", "failed");
        for (TypeRestore type : report.types()) {
            if (!type.inBackup()) {
                out.printf("%-10s %s%n", type.type().folder(), "not in this backup");
                continue;
            }
            out.printf(
                    "%-10s %13d %14d %12d %8d%s%n",
                    type.type().folder(),
                    type.restored().size(),
                    type.alreadyPresent().size(),
                    type.notRestorable().size(),
                    type.failed().size(),
                    type.hasFailures() ? "   ✗" : "");
        }
        if (report.dryRun()) {
            for (TypeRestore type : report.types()) {
                listed(out, type.type().folder() + " would restore", type.restored());
            }
        }
        section(out, "Not restorable onto this phone (a limit of adb, not an error):", report, false);
        section(out, "Failed:", report, true);
        if (report.changedNothing() && report.interruptedAt().isEmpty()) {
            out.printf(
                    "%nNothing %s: the phone already has everything in this snapshot.%n",
                    report.dryRun() ? "to do" : "changed");
        }
        out.flush();
    }

    private static void listed(PrintWriter out, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.printf("%n%s:%n", heading);
        items.stream().limit(SHOWN_PER_REASON * 4L).forEach(item -> out.printf("  + %s%n", item));
        if (items.size() > SHOWN_PER_REASON * 4) {
            out.printf("  … and %d more%n", items.size() - SHOWN_PER_REASON * 4);
        }
    }

    /** Items grouped by reason, so that 300 calls refused for one reason take four lines, not 300. */
    private static void section(PrintWriter out, String heading, PhoneRestoreReport report, boolean failures) {
        boolean printed = false;
        for (TypeRestore type : report.types()) {
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            for (ItemFailure item : failures ? type.failed() : type.notRestorable()) {
                byReason.computeIfAbsent(item.reason(), k -> new java.util.ArrayList<>())
                        .add(item.item());
            }
            for (Map.Entry<String, List<String>> reason : byReason.entrySet()) {
                if (!printed) {
                    out.printf("%n%s%n", heading);
                    printed = true;
                }
                List<String> items = reason.getValue();
                out.printf("  %s %s: %s%n", failures ? "✗" : "-", type.type().folder(), reason.getKey());
                items.stream().limit(SHOWN_PER_REASON).forEach(item -> out.printf("      %s%n", item));
                if (items.size() > SHOWN_PER_REASON) {
                    out.printf("      … and %d more%n", items.size() - SHOWN_PER_REASON);
                }
            }
        }
    }

    static ObjectNode toJson(PhoneRestoreReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("snapshot", report.snapshotId());
        root.put("source_host", report.sourceHost());
        root.put("target", report.targetSerial());
        root.put("target_sdk", report.targetSdk());
        root.put("dry_run", report.dryRun());
        root.put("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT));
        root.put("changed_nothing", report.changedNothing());
        report.interruptedAt().ifPresent(type -> root.put("interrupted_at", type.folder()));
        ArrayNode types = root.putArray("types");
        for (TypeRestore type : report.types()) {
            ObjectNode row = types.addObject();
            row.put("type", type.type().folder());
            row.put("in_backup", type.inBackup());
            type.restored().forEach(row.putArray(report.dryRun() ? "to_restore" : "restored")::add);
            row.put("already_present", type.alreadyPresent().size());
            failures(row.putArray("not_restorable"), type.notRestorable());
            failures(row.putArray("failed"), type.failed());
            row.put("phone_processes", type.commands().processes());
            row.put("shell_round_trips", type.commands().roundTrips());
        }
        return root;
    }

    private static void failures(ArrayNode array, List<ItemFailure> items) {
        items.forEach(item -> array.addObject().put("item", item.item()).put("reason", item.reason()));
    }

    static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }
}

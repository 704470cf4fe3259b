package org.lifeboat.cli.device;

import java.io.PrintWriter;
import org.lifeboat.android.collect.NotSaved;
import org.lifeboat.android.collect.TypeReport;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.cli.Sizes;
import org.lifeboat.repository.archiver.BackupSummary;

/** The per-type table at the end of every phone backup: found, saved, size, and each item not saved with a fix. */
final class ReportPrinter {
    private ReportPrinter() {}

    static void print(PhoneBackupReport report, PrintWriter out) {
        out.printf("%n%s (Android API %d), host %s%n", report.model(), report.sdk(), report.hostname());
        out.printf("%-10s %9s %9s %11s%n", "type", "found", report.dryRun() ? "to save" : "saved", "size");
        for (TypeReport type : report.types()) {
            out.printf(
                    "%-10s %9d %9d %11s%s%n",
                    type.type().folder(),
                    type.found(),
                    type.saved(),
                    Sizes.bytes(type.bytes()),
                    type.hasFailures() ? "   FAILED ITEMS" : "");
        }
        boolean header = false;
        for (TypeReport type : report.types()) {
            for (NotSaved item : type.notSaved()) {
                if (!header) {
                    out.printf("%nNot saved:%n");
                    header = true;
                }
                String count = item.count().isPresent() ? " (" + item.count().getAsLong() + ")" : "";
                out.printf(
                        "  %s %s: %s%s%n      why: %s%n      fix: %s%n",
                        item.reachable() ? "✗" : "-",
                        type.type().folder(),
                        item.item(),
                        count,
                        item.reason(),
                        item.fix());
            }
        }
        report.summary().ifPresent(summary -> printSummary(report, summary, out));
        out.flush();
    }

    private static void printSummary(PhoneBackupReport report, BackupSummary summary, PrintWriter out) {
        out.printf(
                "%nFiles: %d new, %d changed, %d unchanged (not transferred again)%n",
                summary.filesNew(), summary.filesChanged(), summary.filesUnmodified());
        out.printf(
                "Read from the phone: %s; added to the repository: %s (%s stored)%n",
                Sizes.bytes(report.bytesTransferred()),
                Sizes.bytes(summary.dataAdded()),
                Sizes.bytes(summary.dataAddedStored()));
        report.parentId()
                .ifPresent(parent -> out.printf(
                        "Incremental: compared with snapshot %s%n", parent.substring(0, Math.min(8, parent.length()))));
        report.snapshotId()
                .ifPresent(id -> out.printf("snapshot %s saved%n", id.substring(0, Math.min(8, id.length()))));
    }
}

package org.lifeboat.android.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ProviderPermissionDeniedException;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.dump.ProviderDump;
import org.lifeboat.android.format.dump.ProviderDumpJson;

/** Helpers the provider collectors share: lossless JSON dumps and report rows for provider failures. */
final class Exports {
    private Exports() {}

    /** Every row and column of {@code tables}, for restore ({@code contacts.json} and friends). */
    static byte[] dump(int apiLevel, List<ProviderTable> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ProviderDumpJson.write(ProviderDump.of(Math.max(1, apiLevel), tables), out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The report of a type the provider would not hand over: a permission the shell lacks is a limit of adb (not
     * saved, not a failure); anything else is a failure worth retrying.
     */
    static Collection notReadable(DataType type, String what, ContentCommandException e) {
        NotSaved notSaved = e instanceof ProviderPermissionDeniedException denied
                ? NotSaved.unreachable(
                        what,
                        OptionalLong.empty(),
                        "this Android version does not let adb read it (" + denied.denial() + ")",
                        "export it with an app on the phone")
                : NotSaved.failed(what, e.getMessage(), "run the backup again; if it keeps failing, report a bug");
        return new Collection(type, List.of(), new TypeReport(type, 0, 0, 0, List.of(notSaved)));
    }

    static long size(List<CollectedItem> items) {
        return items.stream()
                .mapToLong(item -> switch (item) {
                    case CollectedItem.Generated generated -> generated.size();
                    case CollectedItem.PhoneFile file -> file.size();
                    case CollectedItem.PhoneDirectory directory -> 0;
                })
                .sum();
    }

    /** A file name safe on every host: path separators and characters Windows refuses become {@code _}. */
    static String safeFileName(String name) {
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "_" : safe;
    }
}

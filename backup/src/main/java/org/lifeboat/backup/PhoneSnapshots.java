package org.lifeboat.backup;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.snapshot.SnapshotStore;

/**
 * How phone snapshots are labelled and found again. The host names the physical phone ({@code ro.serialno} and the
 * model), so that its USB and Wi-Fi connections share one history; the tags mark phone backups and the Android level.
 */
public final class PhoneSnapshots {
    /** Every phone snapshot carries this tag. */
    public static final String TAG = "lifeboat";
    /** Marks a snapshot cut short because the phone went away; it serves as a parent but is not a full backup. */
    public static final String INCOMPLETE_TAG = "incomplete";

    private PhoneSnapshots() {}

    /** The snapshot host of a phone, for example {@code Pixel-7-LBDEMO1A2B3C4D}. */
    public static String hostname(String model, String serial) {
        return clean(model) + "-" + clean(serial);
    }

    public static String sdkTag(int sdk) {
        return "android-" + sdk;
    }

    /** Every phone snapshot of {@code hostname}, oldest first. */
    public static List<SavedSnapshot> of(Repository repository, String hostname) throws IOException {
        return new SnapshotStore(repository)
                .loadAll().stream()
                        .filter(s -> s.snapshot().hostname().equals(hostname))
                        .filter(s -> s.snapshot().tags().contains(TAG))
                        .sorted(Comparator.comparing(s -> s.snapshot().time()))
                        .toList();
    }

    /**
     * The snapshot to compare a new backup of {@code paths} with: the latest of this phone holding all of them, else
     * its latest. Incomplete snapshots count, so that a backup cut short is not transferred again.
     */
    static Optional<SavedSnapshot> parent(List<SavedSnapshot> history, List<String> paths) {
        Optional<SavedSnapshot> covering = history.reversed().stream()
                .filter(s -> s.snapshot().paths().containsAll(paths))
                .findFirst();
        return covering.or(() -> history.isEmpty() ? Optional.empty() : Optional.of(history.getLast()));
    }

    private static String clean(String text) {
        String cleaned = text.strip().replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }
}

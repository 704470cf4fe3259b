package org.lifeboat.repository.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotFinderTest {
    private final SavedSnapshot old = Snapshots.saved("2024-01-01T00:00:00", "phone", List.of());
    private final SavedSnapshot newest = Snapshots.saved("2024-03-01T00:00:00", "laptop", List.of());
    private final SavedSnapshot middle = Snapshots.saved("2024-02-01T00:00:00", "phone", List.of());
    private final List<SavedSnapshot> all = List.of(old, newest, middle);

    @Test
    void latestIsTheNewestOptionallyOfOneHost() throws SnapshotNotFoundException {
        assertThat(SnapshotFinder.find(all, "latest", SnapshotFilter.ALL)).isEqualTo(newest);
        assertThat(SnapshotFinder.find(all, "latest", new SnapshotFilter(Optional.of("phone"), List.of())))
                .isEqualTo(middle);
        assertThatThrownBy(() -> SnapshotFinder.find(all, "latest", new SnapshotFilter(Optional.of("x"), List.of())))
                .isInstanceOf(SnapshotNotFoundException.class)
                .hasMessageContaining("for host 'x'");
    }

    @Test
    void findsByFullIdOrUniquePrefixInAnyCase() throws SnapshotNotFoundException {
        String id = middle.id().toString();

        assertThat(SnapshotFinder.find(all, id, SnapshotFilter.ALL)).isEqualTo(middle);
        assertThat(SnapshotFinder.find(all, id.substring(0, 8).toUpperCase(), SnapshotFilter.ALL))
                .isEqualTo(middle);
    }

    @Test
    void explainsMissingAndAmbiguousPrefixes() {
        assertThatThrownBy(() -> SnapshotFinder.find(all, "", SnapshotFilter.ALL))
                .hasMessageContaining("neither 'latest' nor a snapshot ID");
        assertThatThrownBy(() -> SnapshotFinder.find(all, "zz", SnapshotFilter.ALL))
                .hasMessageContaining("neither");
        String absent = "0123456789";
        assertThatThrownBy(() -> SnapshotFinder.find(all, absent, SnapshotFilter.ALL))
                .hasMessageContaining("no snapshot ID starts with '0123456789'");
        SavedSnapshot twin = new SavedSnapshot(
                org.lifeboat.repository.Id.parse(middle.id().toString().substring(0, 4) + "0".repeat(60)),
                old.snapshot());
        assertThatThrownBy(() -> SnapshotFinder.find(
                        List.of(middle, twin), middle.id().toString().substring(0, 4), SnapshotFilter.ALL))
                .hasMessageContaining("matches 2 snapshots");
    }
}

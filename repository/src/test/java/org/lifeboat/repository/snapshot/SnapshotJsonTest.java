package org.lifeboat.repository.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Id;

class SnapshotJsonTest {
    private static final Id TREE = Id.parse("6520126f4fbedcd0cb5a7dc2f4b3b93143fb8c4080bfcdb3c3b31828b99aefc9");

    @Test
    void readsWhatRestic014Wrote() throws CorruptFileException {
        String json = "{\"time\":\"2026-11-22T02:27:50.064148244Z\",\"tree\":\"" + TREE + "\",\"paths\":"
                + "[\"/tmp/h2/g/corpus\"],\"hostname\":\"h2\",\"username\":\"root\",\"tags\":[\"a\",\"b\"],"
                + "\"program_version\":\"restic 0.17.0\",\"summary\":{\"files_new\":3}}";

        Snapshot snapshot = SnapshotJson.decode(TREE, json.getBytes(StandardCharsets.UTF_8));

        assertThat(snapshot.time()).isEqualTo(OffsetDateTime.of(2026, 11, 22, 2, 27, 50, 64148244, ZoneOffset.UTC));
        assertThat(snapshot.tree()).isEqualTo(TREE);
        assertThat(snapshot.paths()).containsExactly("/tmp/h2/g/corpus");
        assertThat(snapshot.hostname()).isEqualTo("h2");
        assertThat(snapshot.tags()).containsExactly("a", "b");
        assertThat(snapshot.parent()).isNull();
    }

    @Test
    void writesResticsFieldOrderAndOmitsEmptyFields() {
        Snapshot snapshot = new Snapshot(
                OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 100, ZoneOffset.ofHours(2)),
                TREE,
                TREE,
                List.of("/data"),
                "phone",
                "",
                -1,
                0,
                List.of(),
                List.of("x"),
                null);

        String json = new String(SnapshotJson.encode(snapshot), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("{\"time\":\"2024-05-06T07:08:09.0000001+02:00\",\"parent\":\"" + TREE + "\",\"tree\":\""
                        + TREE + "\",\"paths\":[\"/data\"],\"hostname\":\"phone\",\"uid\":4294967295,"
                        + "\"tags\":[\"x\"]}");
    }

    @Test
    void roundTrips() throws CorruptFileException {
        Snapshot snapshot = new Snapshot(
                OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC),
                null,
                TREE,
                List.of("/a", "/b"),
                "h",
                "u",
                1000,
                100,
                List.of("*.tmp"),
                List.of(),
                TREE);

        assertThat(SnapshotJson.decode(TREE, SnapshotJson.encode(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void namesTheDamagedFile() {
        assertThatThrownBy(() -> SnapshotJson.decode(TREE, "{\"time\":\"yesterday\",\"tree\":\"ab\"}".getBytes()))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("snapshots/" + TREE);
        assertThatThrownBy(() -> SnapshotJson.decode(TREE, "[1]".getBytes()))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("not a JSON object");
    }
}

package org.lifeboat.virtualphone.provider.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.virtualphone.provider.store.TableFile.MalformedRowsException;

class TableFileTest {
    @TempDir
    Path folder;

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void readsEveryKindOfValue() throws Exception {
        JsonNode rows =
                json("[{\"_id\": 1, \"body\": \"hi\", \"read\": true, \"ratio\": 0.5, \"data\": {\"base64\": \"AQI=\"},"
                        + " \"subject\": null}]");

        Map<String, Object> row = TableFile.rows(rows, "sms.json: sms").getFirst();

        assertThat(row)
                .containsEntry("_id", 1L)
                .containsEntry("body", "hi")
                .containsEntry("read", 1L)
                .containsEntry("ratio", 0.5)
                .containsEntry("subject", null);
        assertThat((byte[]) row.get("data")).containsExactly(1, 2);
    }

    @Test
    void aBadValueIsNamedByFileRowAndColumn() throws Exception {
        JsonNode rows = json("[{\"_id\": 1}, {\"_id\": 2, \"body\": [1]}]");
        JsonNode badBlob = json("[{\"data\": {\"base64\": \"!\"}}]");

        assertThatThrownBy(() -> TableFile.rows(rows, "sms.json: sms"))
                .isInstanceOf(MalformedRowsException.class)
                .hasMessage("sms.json: sms[1].body: unsupported value [1];"
                        + " expected a string, number, boolean, null or {\"base64\": …}");
        assertThatThrownBy(() -> TableFile.rows(badBlob, "mms.json: part"))
                .hasMessage("mms.json: part[0].data: invalid base64 in BLOB");
        assertThatThrownBy(() -> TableFile.value(json("[1]"), "mms.json[4].sub"))
                .hasMessage("mms.json[4].sub: unsupported value [1];"
                        + " expected a string, number, boolean, null or {\"base64\": …}");
    }

    @Test
    void writtenTablesReadBackValueForValue() throws Exception {
        Table parts = Table.declare("part", "_id INTEGER PRIMARY KEY, ct TEXT, data BLOB, ratio REAL");
        parts.insert(Map.of("_id", 7L, "ct", "image/jpeg", "data", new byte[] {0, (byte) 0xff}, "ratio", 1.5));
        parts.insert(Map.of("ct", "text/plain"));
        Path file = folder.resolve("databases/mms.json");

        TableFile.write(file, List.of(parts));
        Table reread = Table.declare("part", "_id INTEGER PRIMARY KEY, ct TEXT, data BLOB, ratio REAL");
        TableFile.readRows(file, Map.of("part", row -> reread.load(row, false)), null);

        assertThat(reread.size()).isEqualTo(2);
        assertThat((byte[]) reread.get(0, "data")).containsExactly(0, 0xff);
        assertThat(reread.get(0, "ratio")).isEqualTo(1.5);
        assertThat(reread.get(1, "_id")).isEqualTo(8L);
        assertThat(reread.get(1, "data")).isNull();
        assertThat(json(Files.readString(file))
                        .get("part")
                        .get(0)
                        .get("data")
                        .get("base64")
                        .asText())
                .isEqualTo("AP8=");
        try (var saved = Files.list(file.getParent())) {
            assertThat(saved).as("no temporary file left").singleElement().isEqualTo(file);
        }
    }

    @Test
    void readRowsHandsEachTableItsRowsAndSkipsTheRest() throws Exception {
        Path file = folder.resolve("contacts.json");
        Files.writeString(
                file,
                "{\"vendor\": [{\"x\": {\"y\": 1}}], \"data\": [{\"_id\": 2}, {\"_id\": 1}]," + " \"groups\": null}");
        Map<String, List<Map<String, Object>>> seen = new LinkedHashMap<>();

        TableFile.readRows(file, collectors(seen, "data", "groups"), null);

        assertThat(seen).containsOnlyKeys("data");
        assertThat(seen.get("data")).containsExactly(Map.of("_id", 2L), Map.of("_id", 1L));
    }

    @Test
    void aBareArrayBelongsToTheOneTableNamedForIt() throws Exception {
        Path file = folder.resolve("calllog.json");
        Files.writeString(file, "[{\"_id\": 1}]");
        Map<String, List<Map<String, Object>>> seen = new LinkedHashMap<>();

        TableFile.readRows(file, collectors(seen, "calls"), null);
        assertThat(seen).isEmpty();
        TableFile.readRows(file, collectors(seen, "calls"), "calls");
        assertThat(seen.get("calls")).containsExactly(Map.of("_id", 1L));
    }

    @Test
    void readRowsNamesWhatItCannotRead() throws Exception {
        Path notAnArray = folder.resolve("sms.json");
        Files.writeString(notAnArray, "{\"sms\": {\"_id\": 1}}");
        Path notARow = folder.resolve("calendar.json");
        Files.writeString(notARow, "{\"events\": [{\"_id\": 1}, 5]}");
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"sms\": [{\"_id\": 1},");
        Map<String, List<Map<String, Object>>> seen = new LinkedHashMap<>();

        assertThatThrownBy(() -> TableFile.readRows(notAnArray, collectors(seen, "sms"), null))
                .isInstanceOf(MalformedRowsException.class)
                .hasMessage(notAnArray + ": sms: expected an array of row objects");
        assertThatThrownBy(() -> TableFile.readRows(notARow, collectors(seen, "events"), null))
                .hasMessage(notARow + ": events[1]: expected a row object");
        assertThatThrownBy(() -> TableFile.readRows(broken, collectors(seen, "sms"), null))
                .hasMessageStartingWith(broken + ": not valid JSON: ");
    }

    private static Map<String, Consumer<Map<String, Object>>> collectors(
            Map<String, List<Map<String, Object>>> seen, String... tables) {
        Map<String, Consumer<Map<String, Object>>> collectors = new LinkedHashMap<>();
        for (String table : tables) {
            collectors.put(table, row -> seen.computeIfAbsent(table, t -> new ArrayList<>())
                    .add(row));
        }
        return collectors;
    }
}

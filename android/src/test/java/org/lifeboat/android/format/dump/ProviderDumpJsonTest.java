package org.lifeboat.android.format.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.MalformedExportException;

class ProviderDumpJsonTest {

    private static final ProviderDump CONTACTS = ProviderDump.of(
            34,
            List.of(
                    new ProviderTable(
                            "raw_contacts",
                            List.of(ProviderRow.builder()
                                    .put("_id", 1)
                                    .put("display_name", "Zoë \"Z\" 😀")
                                    .put("account_type", (String) null)
                                    .build())),
                    new ProviderTable(
                            "data",
                            List.of(ProviderRow.builder()
                                    .put("_id", 10)
                                    .put("data1", "NULL")
                                    .put("data2", "2")
                                    .put("data15", ProviderValue.blob(new byte[] {(byte) 0xFF, (byte) 0xD8, 0}))
                                    .put("data3", "line1\nline2\u0000")
                                    .build())),
                    ProviderTable.empty("groups")));

    @Test
    void writesTheDocumentedShapeOneRowPerLine() throws IOException {
        assertThat(write(CONTACTS))
                .isEqualTo("{\"schema\":1,\"api\":34,\"tables\":{\n"
                        + "\"raw_contacts\":[\n"
                        + "{\"_id\":1,\"display_name\":\"Zoë \\\"Z\\\" 😀\",\"account_type\":null}],\n"
                        + "\"data\":[\n"
                        + "{\"_id\":10,\"data1\":\"NULL\",\"data2\":\"2\",\"data15\":{\"base64\":\"/9gA\"},"
                        + "\"data3\":\"line1\\nline2\\u0000\"}],\n"
                        + "\"groups\":[\n]}}\n");
    }

    @Test
    void readsBackEveryValueWithItsTypeAndColumnOrder() throws IOException {
        ProviderDump read = read(write(CONTACTS));

        assertThat(read).isEqualTo(CONTACTS);
        assertThat(read.table("data").orElseThrow().rows().getFirst().columns())
                .containsExactly("_id", "data1", "data2", "data15", "data3");
        assertThat(read.table("data").orElseThrow().rows().getFirst().get("data1"))
                .isEqualTo(ProviderValue.text("NULL"));
    }

    @Test
    void rejectsWhatItDidNotWrite() {
        assertThatThrownBy(() -> read("{\"schema\":2,\"api\":34,\"tables\":{}}"))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("schema is 2");
        assertThatThrownBy(() -> read("{\"schema\":1,\"api\":34,\"tables\":{\"t\":[{\"x\":1.5}]}}"))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("t.x is VALUE_NUMBER_FLOAT");
        assertThatThrownBy(() -> read("{\"schema\":1,\"api\":34,\"tables\":{\"t\":[{\"x\":1,\"x\":2}]}}"))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("Duplicate field 'x'");
        assertThatThrownBy(() -> read("{\"schema\":1,\"api\":34,\"tables\":{\"t\":[{\"x\":{\"hex\":\"00\"}}]}}"))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("t.x is an object other than");
        assertThatThrownBy(() -> read("{\"schema\":1,\"api\":34,\"tables\":{\"t\":[{\"x\":99999999999999999999}]}}"))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("does not fit in 64 bits");
        assertThatThrownBy(() -> read("{\"schema\":1,\"api\":34,\"tables\":{\"t\":["))
                .isInstanceOf(MalformedExportException.class);
    }

    private static String write(ProviderDump dump) throws IOException {
        var out = new ByteArrayOutputStream();
        ProviderDumpJson.write(dump, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ProviderDump read(String json) throws IOException {
        return ProviderDumpJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}

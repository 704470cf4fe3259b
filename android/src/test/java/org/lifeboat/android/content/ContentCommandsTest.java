package org.lifeboat.android.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lifeboat.adb.client.ShellQuoting;

class ContentCommandsTest {

    @Test
    void queryBuildsTheExactCommandLine() {
        ContentQuery query = ContentQuery.builder("content://sms")
                .columns(ColumnSpec.integer("_id"), ColumnSpec.integer("type"), ColumnSpec.hexText("body"))
                .where("type IN (1,2) AND address = " + SqlLiteral.quote("O'Brien"))
                .sort("_id ASC")
                .user(10)
                .build();

        assertThat(query.arguments())
                .containsExactly(
                        "content",
                        "query",
                        "--uri",
                        "content://sms",
                        "--projection",
                        "_id:type:hex(body):body IS NULL",
                        "--where",
                        "type IN (1,2) AND address = 'O''Brien'",
                        "--sort",
                        "_id ASC",
                        "--user",
                        "10");
        assertThat(query.shellCommand())
                .isEqualTo("content query --uri content://sms --projection '_id:type:hex(body):body IS NULL'"
                        + " --where 'type IN (1,2) AND address = '\\''O'\\'''\\''Brien'\\''' --sort '_id ASC'"
                        + " --user 10");
    }

    @Test
    void queryRejectsWhatContentWouldMisread() {
        var builder = ContentQuery.builder("content://com.android.contacts/data");
        assertThatThrownBy(() -> builder.columns(ColumnSpec.text("data1"), ColumnSpec.integer("_id"))
                        .build())
                .hasMessageContaining("data1 must be the last column");
        assertThatThrownBy(() -> ContentQuery.builder("content://x").where("--x"))
                .hasMessageContaining("must not start with \"--\"");
        assertThatThrownBy(() -> ColumnSpec.integer("a:b")).hasMessageContaining("not a plain column name");
        assertThatThrownBy(() -> ContentQuery.builder("file:///sdcard")).hasMessageContaining("content://");
        assertThatThrownBy(() -> ContentQuery.builder("content://x")
                        .columns(ColumnSpec.integer("_id"), ColumnSpec.integer("_id"))
                        .build())
                .hasMessageContaining("appears twice");
    }

    @Test
    void bindingsFollowTheDevicesParser() {
        ProviderValue tricky = ProviderValue.text("a:b\\c");

        assertThat(BindSyntax.ESCAPED.binding("body", tricky)).contains("body:s:a\\:b\\\\c");
        assertThat(BindSyntax.VERBATIM.binding("body", tricky)).contains("body:s:a:b\\c");
        assertThat(BindSyntax.ESCAPED.binding("date", ProviderValue.integer(1_700_000_000_000L)))
                .contains("date:l:1700000000000");
        assertThat(BindSyntax.ESCAPED.binding("subject", ProviderValue.nullValue()))
                .contains("subject:n:");
        assertThat(BindSyntax.VERBATIM.binding("subject", ProviderValue.nullValue()))
                .isEmpty();
        assertThat(BindSyntax.ESCAPED.binding("body", ProviderValue.text(""))).contains("body:s:");
        assertThatThrownBy(() -> BindSyntax.ESCAPED.binding("data15", ProviderValue.blob(new byte[1])))
                .hasMessageContaining("cannot bind BLOBs");
        assertThat(BindSyntax.forApiLevel(29)).isEqualTo(BindSyntax.VERBATIM);
        assertThat(BindSyntax.forApiLevel(30)).isEqualTo(BindSyntax.ESCAPED);
        assertThat(BindSyntax.fromProbe("usage: …\n[ERROR] Binding not well formed: x:s:a:b\n"))
                .isEqualTo(BindSyntax.ESCAPED);
        assertThat(BindSyntax.fromProbe("")).isEqualTo(BindSyntax.VERBATIM);
    }

    @Test
    void insertBindsEveryCell() {
        ProviderRow sms = ProviderRow.builder()
                .put("address", "+15551234")
                .put("body", "it's 10:30")
                .put("sub_id", -1)
                .put("subject", (String) null)
                .build();

        ContentInsert insert = ContentInsert.of("content://sms", sms, BindSyntax.VERBATIM, OptionalInt.empty());

        assertThat(insert.arguments())
                .containsExactly(
                        "content",
                        "insert",
                        "--uri",
                        "content://sms",
                        "--bind",
                        "address:s:+15551234",
                        "--bind",
                        "body:s:it's 10:30",
                        "--bind",
                        "sub_id:l:-1");
    }

    @Test
    void shellQuotingSurvivesARealShell() throws IOException, InterruptedException {
        List<String> words = List.of("content", "it's", "a b", "", "$(id)", "`x`", "new\nline", "\\", "😀", "a=b", "~");
        String script = "for w in " + ShellQuoting.join(words) + "; do printf '<%s>' \"$w\"; done";

        Process sh = new ProcessBuilder("/bin/sh", "-c", script).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();

        StringBuilder expected = new StringBuilder();
        words.forEach(w -> expected.append('<').append(w).append('>'));
        assertThat(output).isEqualTo(expected.toString());
        assertThatThrownBy(() -> ShellQuoting.quote("a\0b")).hasMessageContaining("NUL");
    }
}

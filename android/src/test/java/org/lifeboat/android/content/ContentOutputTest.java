package org.lifeboat.android.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentOutputTest {

    private static final ContentQuery CONTACT_DATA = ContentQuery.builder("content://com.android.contacts/data")
            .columns(ColumnSpec.integer("_id"), ColumnSpec.token("mimetype"), ColumnSpec.text("data1"))
            .build();

    private static final ContentQuery SMS = ContentQuery.builder("content://sms")
            .columns(ColumnSpec.integer("_id"), ColumnSpec.hexText("address"), ColumnSpec.hexText("body"))
            .build();

    @Test
    void parsesAFreeTextLastColumnContainingSeparatorsAndNewlines() throws Exception {
        String stdout = "Row: 0 _id=1, mimetype=vnd.android.cursor.item/note, data1=a, b=c, data1=d\n"
                + "Row: 1 still note\n"
                + "Row: 1 _id=2, mimetype=vnd.android.cursor.item/name, data1=Zoë\n";

        List<ProviderRow> rows = ContentOutput.parseQuery(CONTACT_DATA, stdout, "");

        assertThat(rows)
                .containsExactly(
                        row(1, "vnd.android.cursor.item/note", "a, b=c, data1=d\nRow: 1 still note"),
                        row(2, "vnd.android.cursor.item/name", "Zoë"));
    }

    @Test
    void aNextRowLineWhoseFixedColumnsDoNotParseStaysInsideTheText() throws Exception {
        String stdout = "Row: 0 _id=1, mimetype=note, data1=x\nRow: 1 _id=oops, mimetype=y, data1=z\n";

        List<ProviderRow> rows = ContentOutput.parseQuery(CONTACT_DATA, stdout, "");

        assertThat(rows).containsExactly(row(1, "note", "x\nRow: 1 _id=oops, mimetype=y, data1=z"));
    }

    @Test
    void readsNullAsSqlNullUnlessTheNullCheckSaysOtherwise() throws Exception {
        String stdout = "Row: 0 _id=1, mimetype=note, data1=NULL\nRow: 1 _id=2, mimetype=note, data1=NULL\n";
        List<ProviderRow> rows = ContentOutput.parseQuery(CONTACT_DATA, stdout, "");
        assertThat(rows.get(0).get("data1")).isEqualTo(ProviderValue.nullValue());

        ContentQuery check = ContentOutput.nullCheckQuery(CONTACT_DATA, "_id", "data1");
        List<ProviderRow> reallyNull = ContentOutput.parseQuery(check, "Row: 0 _id=2\n", "");
        List<ProviderRow> resolved = ContentOutput.resolveNullText(rows, "_id", "data1", reallyNull);

        assertThat(check.arguments()).containsSubsequence("--where", "data1 IS NULL");
        assertThat(resolved.get(0).get("data1")).isEqualTo(ProviderValue.text("NULL"));
        assertThat(resolved.get(1).get("data1")).isEqualTo(ProviderValue.nullValue());
    }

    @Test
    void hexColumnsDecodeExactTextAndTellNullFromTheWordNull() throws Exception {
        String stdout = "Row: 0 _id=7, hex(address)=2B3135353531323334, address IS NULL=0, "
                + "hex(body)=4E554C4C, body IS NULL=0\n"
                + "Row: 1 _id=8, hex(address)=, address IS NULL=1, hex(body)=, body IS NULL=0\n"
                + "Row: 2 _id=9, hex(address)=F09F9880, address IS NULL=0, hex(body)=FF, body IS NULL=0\n";

        List<ProviderRow> rows = ContentOutput.parseQuery(SMS, stdout, "");

        assertThat(rows.get(0).get("address")).isEqualTo(ProviderValue.text("+15551234"));
        assertThat(rows.get(0).get("body")).isEqualTo(ProviderValue.text("NULL"));
        assertThat(rows.get(1).get("address")).isEqualTo(ProviderValue.nullValue());
        assertThat(rows.get(1).get("body")).isEqualTo(ProviderValue.text(""));
        assertThat(rows.get(2).get("address")).isEqualTo(ProviderValue.text("😀"));
        assertThat(rows.get(2).get("body")).isEqualTo(ProviderValue.blob(new byte[] {(byte) 0xFF}));
        assertThat(rows.get(2).columns()).containsExactly("_id", "address", "body");
    }

    @Test
    void noResultFoundIsAnEmptyTable() throws Exception {
        assertThat(ContentOutput.parseQuery(SMS, "No result found.\n", "")).isEmpty();
    }

    @Test
    void permissionDenialOnStderrNamesTheMissingPermission() {
        String stderr = "Error while accessing provider:call_log\n"
                + "java.lang.SecurityException: Permission Denial: reading com.android.providers.contacts"
                + ".CallLogProvider uri content://call_log/calls from pid=4242, uid=2000 requires"
                + " android.permission.READ_CALL_LOG, or grantUriPermission()\n"
                + "\tat android.os.Parcel.createExceptionOrNull(Parcel.java:3011)\n";

        assertThatThrownBy(() -> ContentOutput.parseQuery(SMS, "", stderr))
                .isInstanceOfSatisfying(ProviderPermissionDeniedException.class, e -> assertThat(e.denial())
                        .startsWith("Permission Denial: reading")
                        .endsWith("requires android.permission.READ_CALL_LOG, or grantUriPermission()"));
    }

    @Test
    void providerFailureOnStderrIsReportedWithAuthorityAndCause() {
        String stderr = "Error while accessing provider:com.android.calendar\n"
                + "java.lang.IllegalArgumentException: Invalid column foo\n\tat x.y(Z.java:1)\n";

        assertThatThrownBy(() -> ContentOutput.checkForErrors("", stderr))
                .isInstanceOfSatisfying(ProviderErrorException.class, e -> {
                    assertThat(e.authority()).isEqualTo("com.android.calendar");
                    assertThat(e.providerCause()).isEqualTo("java.lang.IllegalArgumentException: Invalid column foo");
                });
    }

    @Test
    void usageTextWithErrorOnStdoutIsAUsageError() {
        String stdout =
                "usage: adb shell content [subcommand] [options]\n\n  …\n[ERROR] Binding not well formed: x:s:a:b\n";

        assertThatThrownBy(() -> ContentOutput.checkForErrors(stdout, ""))
                .isInstanceOfSatisfying(ContentUsageException.class, e -> assertThat(e.error())
                        .isEqualTo("Binding not well formed: x:s:a:b"));
    }

    @Test
    void anErrorMarkerInsideRowDataIsJustData() throws Exception {
        String stdout = "Row: 0 _id=1, mimetype=note, data1=hi\n[ERROR] not an error\n";

        assertThat(ContentOutput.parseQuery(CONTACT_DATA, stdout, "").getFirst().get("data1"))
                .isEqualTo(ProviderValue.text("hi\n[ERROR] not an error"));
    }

    @Test
    void truncatedOrForeignOutputIsMalformed() {
        assertThatThrownBy(() -> ContentOutput.parseQuery(CONTACT_DATA, "Row: 0 _id=1, mimetype=n, data1=cut", ""))
                .isInstanceOf(MalformedContentOutputException.class)
                .hasMessageContaining("cut off");
        assertThatThrownBy(() -> ContentOutput.parseQuery(CONTACT_DATA, "", "/system/bin/sh: content: not found"))
                .isInstanceOf(MalformedContentOutputException.class)
                .hasMessageContaining("content: not found");
        assertThatThrownBy(() -> ContentOutput.parseQuery(
                        SMS, "Row: 0 _id=x, hex(address)=, address IS NULL=1, " + "hex(body)=, body IS NULL=1\n", ""))
                .isInstanceOf(MalformedContentOutputException.class)
                .hasMessageContaining("_id is not an integer");
        assertThatThrownBy(() -> ContentOutput.parseQuery(SMS, "Row: 0 _id=1\nRow: 2 _id=2\n", ""))
                .isInstanceOf(MalformedContentOutputException.class);
    }

    private static ProviderRow row(long id, String mimetype, String data1) {
        return ProviderRow.builder()
                .put("_id", id)
                .put("mimetype", mimetype)
                .put("data1", data1)
                .build();
    }
}

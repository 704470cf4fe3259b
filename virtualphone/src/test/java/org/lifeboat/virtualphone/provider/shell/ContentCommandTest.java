package org.lifeboat.virtualphone.provider.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code content} output must be byte for byte what AOSP's Content.java prints for the same rows. */
class ContentCommandTest {
    @TempDir
    Path temp;

    private PhoneFixture phone(int api) {
        return PhoneFixture.tricky(temp, api);
    }

    @Test
    void printsTrickySmsBodiesUnescapedAndHidesDrafts() {
        var out = phone(34).content("query", "--uri", "content://sms", "--projection", "_id:body", "--sort", "_id");

        assertThat(out.stdout()).isEqualTo("""
                Row: 0 _id=1, body=Hello, world
                Row: 1 _id=2, body=a=b, c=d
                Row: 2 _id=3, body=line1
                Row: 9 _id=99
                Row: 3 _id=4, body=\uD83D\uDE00 emoji
                Row: 4 _id=5, body=NULL
                Row: 5 _id=6, body=
                Row: 6 _id=7, body=NULL
                """);
        assertThat(out.stderr()).isEmpty();
        assertThat(out.status()).isZero();
    }

    @Test
    void telephonyAcceptsSqlExpressionsInTheProjection() {
        var out = phone(34)
                .content(
                        "query",
                        "--uri",
                        "content://sms",
                        "--projection",
                        "_id : hex(body) : body IS NULL : length(body)",
                        "--where",
                        "_id IN (4, 5, 7)",
                        "--sort",
                        "_id ASC");

        assertThat(out.stdout()).isEqualTo("""
                Row: 0 _id=4, hex(body)=F09F988020656D6F6A69, body IS NULL=0, length(body)=7
                Row: 1 _id=5, hex(body)=4E554C4C, body IS NULL=0, length(body)=4
                Row: 2 _id=7, hex(body)=, body IS NULL=1, length(body)=NULL
                """);
    }

    @Test
    void defaultSmsOrderIsNewestFirstAndWhereUsesSqlSemantics() {
        var out = phone(34)
                .content(
                        "query",
                        "--uri",
                        "content://sms/inbox",
                        "--projection",
                        "_id:type",
                        "--where",
                        "address='+15559999' AND (body LIKE '%E%' OR body IS NULL) AND NOT _id = 4");

        assertThat(out.stdout()).isEqualTo("Row: 0 _id=7, type=1\nRow: 1 _id=3, type=1\n");
    }

    @Test
    void emptyResultPrintsNoResultFound() {
        var out = phone(34).content("query", "--uri", "content://sms/draft");

        assertThat(out.stdout()).isEqualTo("No result found.\n");
    }

    @Test
    void contactsPrintBlobAndRejectExpressions() {
        PhoneFixture phone = phone(34);

        var blob = phone.content(
                "query",
                "--uri",
                "content://com.android.contacts/data",
                "--projection",
                "_id:mimetype:data15:contact_id",
                "--where",
                "_id=12");
        var expression = phone.content(
                "query", "--uri", "content://com.android.contacts/data", "--projection", "_id:hex(data1)");

        assertThat(blob.stdout())
                .isEqualTo("Row: 0 _id=12, mimetype=vnd.android.cursor.item/photo, data15=BLOB, contact_id=1\n");
        assertThat(expression.stdout()).isEmpty();
        assertThat(expression.status()).isZero();
        assertThat(expression.stderr())
                .startsWith("Error while accessing provider:com.android.contacts\n"
                        + "java.lang.IllegalArgumentException: Invalid column hex(data1)\n\tat ");
    }

    @Test
    void callLogIsDeniedToTheShellBeforeAndroid13() {
        var denied = phone(30).content("query", "--uri", "content://call_log/calls");

        assertThat(denied.stdout()).isEmpty();
        assertThat(denied.status()).isZero();
        assertThat(denied.stderr())
                .startsWith("Error while accessing provider:call_log\n"
                        + "java.lang.SecurityException: Permission Denial: opening provider"
                        + " com.android.providers.contacts.CallLogProvider from (null) (pid=4242, uid=2000) requires"
                        + " android.permission.READ_CALL_LOG or android.permission.WRITE_CALL_LOG\n");
    }

    @Test
    void callLogIsReadableFromAndroid13ButRejectsExpressions() {
        PhoneFixture phone = phone(34);

        var rows = phone.content("query", "--uri", "content://call_log/calls", "--projection", "number:duration");
        var expression = phone.content("query", "--uri", "content://call_log/calls", "--projection", "hex(number)");

        assertThat(rows.stdout()).isEqualTo("Row: 0 number=+15551234, duration=62\n");
        assertThat(expression.stderr()).contains("java.lang.IllegalArgumentException: Invalid column hex(number)");
    }

    @Test
    void smsInsertIsASilentNoOpUntilWriteSmsIsAllowed() {
        PhoneFixture phone = phone(34);
        String[] insert = {
            "insert",
            "--uri",
            "content://sms",
            "--bind",
            "address:s:+15550000",
            "--bind",
            "body:s:restored\\: ok",
            "--bind",
            "type:i:1",
            "--bind",
            "date:l:1700000009000"
        };

        var ignored = phone.content(insert);
        var before = phone.content("query", "--uri", "content://sms", "--where", "address='+15550000'");
        var set = phone.appops("set", "com.android.shell", "WRITE_SMS", "allow");
        phone.content(insert);
        var after = phone.content(
                "query",
                "--uri",
                "content://sms",
                "--projection",
                "_id:thread_id:body:creator:date",
                "--where",
                "address='+15550000'");

        assertThat(ignored.stdout() + ignored.stderr()).isEmpty();
        assertThat(before.stdout()).isEqualTo("No result found.\n");
        assertThat(set.status()).isZero();
        assertThat(phone.appops("get", "com.android.shell", "WRITE_SMS").stdout())
                .isEqualTo("WRITE_SMS: allow\n");
        assertThat(after.stdout())
                .isEqualTo("Row: 0 _id=9, thread_id=3, body=restored: ok, creator=com.android.shell,"
                        + " date=1700000009000\n");
    }

    @Test
    void unsetWriteSmsReportsItsDefaultMode() {
        assertThat(phone(34).appops("get", "com.android.shell", "WRITE_SMS").stdout())
                .isEqualTo("No operations.\nDefault mode: ignore\n");
    }

    @Test
    void bindsNeedEscapedColonsFromAndroid11() {
        PhoneFixture modern = phone(30);

        var unescaped = modern.content(
                "insert", "--uri", "content://settings/system", "--bind", "name:s:x", "--bind", "value:s:a:b");
        modern.content(
                "insert", "--uri", "content://settings/system", "--bind", "name:s:x", "--bind", "value:s:a\\:b\\\\c");

        assertThat(unescaped.stdout()).endsWith("\n\n[ERROR] Binding not well formed: value:s:a:b\n");
        assertThat(unescaped.stdout()).startsWith("usage: adb shell content [subcommand] [options]\n");
        assertThat(modern.settings("get", "system", "x").stdout()).isEqualTo("a:b\\c\n");
    }

    @Test
    void bindsBeforeAndroid11TakeEverythingAfterTheSecondColon() {
        PhoneFixture legacy = new PhoneFixture(TrickyProfile.write(temp.resolve("p")), temp.resolve("s"), 29);

        legacy.content(
                "insert", "--uri", "content://settings/system", "--bind", "name:s:x", "--bind", "value:s:a:b\\c");
        var nullType = legacy.content("insert", "--uri", "content://settings/system", "--bind", "name:n:");

        assertThat(legacy.settings("get", "system", "x").stdout()).isEqualTo("a:b\\c\n");
        assertThat(nullType.stdout()).endsWith("[ERROR] Unsupported type: n\n");
    }

    @Test
    void usageErrorsGoToStdoutWithStatusZero() {
        var out = phone(34).content("query", "--projection", "_id");

        assertThat(out.stdout())
                .endsWith("\n\n[ERROR] Content provider URI not specified. Did you specify --uri argument?\n");
        assertThat(out.stderr()).isEmpty();
        assertThat(out.status()).isZero();
    }

    @Test
    void unknownAuthorityCannotBeFound() {
        var out = phone(34).content("query", "--uri", "content://user_dictionary/words");

        assertThat(out.stderr())
                .startsWith("Error while accessing provider:user_dictionary\n"
                        + "java.lang.IllegalStateException: Could not find provider: user_dictionary\n");
    }

    @Test
    void mmsPartBytesAreReadExactly() throws Exception {
        PhoneFixture phone = phone(34);

        var parts = phone.content("query", "--uri", "content://mms/1/part", "--projection", "_id:ct:text:_data");
        var bytes = phone.content("read", "--uri", "content://mms/part/1");

        assertThat(parts.stdout())
                .isEqualTo("Row: 0 _id=1, ct=image/jpeg, text=NULL,"
                        + " _data=/data/user_de/0/com.android.providers.telephony/app_parts/PART_1\n"
                        + "Row: 1 _id=2, ct=text/plain, text=caption, with comma, _data=NULL\n");
        assertThat(bytes.stdoutBytes())
                .isEqualTo(Files.readAllBytes(temp.resolve("profile/providers/mms-parts/PART_1")));
        assertThat(phone.content("read", "--uri", "content://mms/part/2").stderr())
                .contains("java.io.FileNotFoundException: Column _data not found.");
    }

    @Test
    void floatsPrintInSinglePrecision() {
        var out = phone(34)
                .content(
                        "query",
                        "--uri",
                        "content://sms",
                        "--projection",
                        "_id:0.1 * 3 AS tripled",
                        "--where",
                        "_id=1");

        // SQLite computes 0.30000000000000004; Content.java prints cursor.getFloat().
        assertThat(out.stdout()).isEqualTo("Row: 0 _id=1, tripled=0.3\n");
    }

    @Test
    void columnNamesWithADotFailLikeAbstractCursorDoes() {
        var out = phone(34).content("query", "--uri", "content://sms", "--projection", "0.1 * 3");

        // getColumnIndex strips everything up to the last '.', finds no " * 3" column and reads column -1.
        assertThat(out.stdout()).isEmpty();
        assertThat(out.stderr())
                .startsWith("Error while accessing provider:sms\n"
                        + "java.lang.IllegalStateException: Couldn't read row 0, col -1 from CursorWindow.");
    }

    @Test
    void callPrintsTheBundle() {
        var out = phone(34)
                .content("call", "--uri", "content://settings", "--method", "GET_global", "--arg", "device_name");

        assertThat(out.stdout()).isEqualTo("Result: Bundle[{value=Pixel = mine}]\n");
    }
}

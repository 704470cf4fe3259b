package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;

class PhoneShellTest {
    private static final ContentQuery TITLES = ContentQuery.builder("content://com.android.calendar/events")
            .columns(ColumnSpec.integer("_id"), ColumnSpec.text("title"))
            .where("deleted=0")
            .build();

    @Test
    void aPrintedNullIsTheTextNullUnlessTheColumnIsNullThere() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34)
                .answer("title IS NULL", "Row: 0 _id=2\n")
                .answer("events --projection", "Row: 0 _id=1, title=NULL\nRow: 1 _id=2, title=NULL\n");

        List<ProviderRow> rows = new PhoneShell(phone).queryExactText(TITLES);

        assertThat(rows)
                .extracting(row -> row.get("title"))
                .containsExactly(ProviderValue.text("NULL"), ProviderValue.nullValue());
        assertThat(phone.commandsContaining("IS NULL"))
                .containsExactly("content query --uri content://com.android.calendar/events --projection _id"
                        + " --where '(deleted=0) AND title IS NULL'");
    }

    @Test
    void asksNoMoreWhenNoFreeTextPrintedNull() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34).answer("events --projection", "Row: 0 _id=1, title=Dentist\n");

        List<ProviderRow> rows = new PhoneShell(phone).queryExactText(TITLES);

        assertThat(rows).extracting(row -> row.text("title").orElseThrow()).containsExactly("Dentist");
        assertThat(phone.commands).hasSize(1);
    }
}

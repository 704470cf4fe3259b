package org.lifeboat.android.format.dump;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/** Compact JSON with a line break before each table and each row, so dumps diff line by line. */
final class RowPerLineLayout extends MinimalPrettyPrinter {

    private static final int TABLES_OBJECT = 2;
    private static final int ROWS_ARRAY = 3;

    @Override
    public void writeStartObject(JsonGenerator json) throws IOException {
        super.writeStartObject(json);
        breakLineAt(json, TABLES_OBJECT);
    }

    @Override
    public void writeStartArray(JsonGenerator json) throws IOException {
        super.writeStartArray(json);
        breakLineAt(json, ROWS_ARRAY);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
        super.writeObjectEntrySeparator(json);
        breakLineAt(json, TABLES_OBJECT);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
        super.writeArrayValueSeparator(json);
        breakLineAt(json, ROWS_ARRAY);
    }

    private static void breakLineAt(JsonGenerator json, int depth) throws IOException {
        if (json.getOutputContext().getNestingDepth() == depth) {
            json.writeRaw('\n');
        }
    }
}

package org.terastal.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.terastal.io.InputException;

/** Plain CSV rows: values by column, and every error placed at file:line:column. */
class CsvRowsTest {
    private static final String HEADER = "name,count,share";

    @Test
    void readsRowsByColumnSkippingBlankLines() {
        List<CsvRows.Row> rows = CsvRows.parse("f.csv", HEADER + "\na,3,0.5\n\nb,4,NaN\n", HEADER);
        assertEquals(2, rows.size());
        assertEquals("b", rows.get(1).get("name"));
        assertEquals(4, rows.get(1).line());
        assertEquals(3L, rows.get(0).getLong("count"));
        assertEquals(0.5, rows.get(0).getDouble("share"));
        assertEquals(Double.NaN, rows.get(1).getDouble("share"));
    }

    @Test
    void errorsNameFileLineAndColumn() {
        assertEquals("f.csv:1:1: The header (name,count) is not the expected 'name,count,share'; maybe this is not the file the command expects",
                assertThrows(InputException.class, () -> CsvRows.parse("f.csv", "name,count\n", HEADER)).getMessage());
        assertEquals("f.csv:3:1: The row has 2 fields, expected 3 (name,count,share)",
                assertThrows(InputException.class, () -> CsvRows.parse("f.csv", HEADER + "\na,1,1\nb,2\n", HEADER)).getMessage());
        CsvRows.Row row = CsvRows.parse("f.csv", HEADER + "\nabc,x1,Infinity\n", HEADER).get(0);
        assertEquals("f.csv:2:5: The count (x1) is not an integer", assertThrows(InputException.class, () -> row.getLong("count")).getMessage());
        assertEquals("f.csv:2:8: The share (Infinity) is not a number", assertThrows(InputException.class, () -> row.getDouble("share")).getMessage());
    }
}

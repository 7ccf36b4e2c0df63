package org.terastal.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.io.InputException;

/** CSV rows: values by column, quoted fields, the header matched by name, and every error placed at file:line:column. */
class CsvRowsTest {
    private static final String HEADER = "name,count,share";

    private static String error(String text, CsvRows.Format format) {
        return assertThrows(InputException.class, () -> CsvRows.parse("f.csv", text, format)).getMessage();
    }

    private static String error(String text) {
        return error(text, CsvRows.Format.of(HEADER));
    }

    @Test
    void readsRowsByColumnSkippingBlankLines() {
        List<CsvRows.Row> rows = CsvRows.parse("f.csv", HEADER + "\na,3,0.5\n\n   \nb,4,NaN\n", HEADER);
        assertEquals(2, rows.size());
        assertEquals("b", rows.get(1).get("name"));
        assertEquals(5, rows.get(1).line());
        assertEquals(3L, rows.get(0).getLong("count"));
        assertEquals(0.5, rows.get(0).getDouble("share"));
        assertEquals(Double.NaN, rows.get(1).getDouble("share"));
        assertEquals(List.of("name", "count", "share"), rows.get(0).header());
    }

    @Test
    void errorsNameFileLineAndColumn() {
        assertEquals("f.csv:1:1: The header (name,count) lacks the column share; expected the columns name,count,share; maybe this is not "
                + "the file the command expects", error("name,count\n"));
        assertEquals("f.csv:3:1: The row has 2 fields, expected 3 (name,count,share)", error(HEADER + "\na,1,1\nb,2\n"));
        assertEquals("f.csv:3:7: The row has 4 fields, expected 3 (name,count,share); maybe a value holds a comma: quote it (\"a,b\")",
                error(HEADER + "\na,1,1\nb,2,3,4\n"));
        CsvRows.Row row = CsvRows.parse("f.csv", HEADER + "\nabc,x1,Infinity\n", HEADER).get(0);
        assertEquals("f.csv:2:5: The count (x1) is not an integer", assertThrows(InputException.class, () -> row.getLong("count")).getMessage());
        assertEquals("f.csv:2:8: The share (Infinity) is not a number", assertThrows(InputException.class, () -> row.getDouble("share")).getMessage());
        assertEquals("f.csv:2:1: The row is wrong", row.rowError("The row is wrong").getMessage());
        assertEquals("f.csv:2:8: Too much", row.errorAt("share", "Too much").getMessage());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        String text = HEADER + "\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\"\",2,\"3\"\n";
        List<CsvRows.Row> rows = CsvRows.parse("f.csv", text, HEADER);
        assertEquals(List.of("a,b", "say \"hi\"", "two\nlines"), rows.get(0).fields());
        assertEquals(List.of("", "2", "3"), rows.get(1).fields());
        assertEquals(List.of(2, 4), rows.stream().map(CsvRows.Row::line).toList(), "a row's line is where it starts");
        // a value after a line break inside quotes is placed on its own line
        CsvRows.Row row = CsvRows.parse("f.csv", HEADER + "\n\"x\ny\",\"z\nw\",abc\n", HEADER).get(0);
        assertEquals("f.csv:4:4: The share (abc) is not a number", assertThrows(InputException.class, () -> row.getDouble("share")).getMessage());
        assertEquals("f.csv:2:1: The row (\"x\ny\",\"z\nw\",abc) is bad".replace("\n", " "),
                row.rowError("The row (" + row + ") is bad").getMessage(), "a row in a message is shown as CSV, on one line");
    }

    @Test
    void spacesAroundUnquotedValuesAreDropped() {
        CsvRows.Row row = CsvRows.parse("f.csv", HEADER + "\n  a , \" b \" ,\t7\n", HEADER).get(0);
        assertEquals(List.of("a", " b ", "7"), row.fields());
        assertEquals("f.csv:2:15: The share (7) is bad", row.error("share", "is bad").getMessage());
    }

    @Test
    void theHeaderIsMatchedByName() {
        List<CsvRows.Row> rows = CsvRows.parse("f.csv", " share , name,count\n0.5,a,3\n", HEADER);
        assertEquals("a", rows.get(0).get("name"));
        assertEquals(0.5, rows.get(0).getDouble("share"));
        assertEquals("f.csv:1:6: The header (name,cnt,share,extra) lacks the column count and has the unknown columns cnt, extra; expected "
                + "the columns name,count,share; maybe this is not the file the command expects", error("name,cnt,share,extra\n"));
        assertEquals("f.csv:1:12: The header (name,count,name,share) names the column name twice; expected the columns name,count,share; "
                + "maybe this is not the file the command expects", error("name,count,name,share\n"));
        assertEquals("f.csv: The file has no header line; expected the columns name,count,share", error("\n\n"));
        assertEquals("f.csv: The file has no header line; expected the columns name,count,share", error(""));
        // comments only where the format has them
        String comment = error("# made by hand\n" + HEADER + "\n");
        assertTrue(comment.startsWith("f.csv:1:1: The header (\"# made by hand\") lacks the columns name, count, share and has the unknown "
                + "column # made by hand;"), comment);
        CsvRows.Format commented = CsvRows.Format.of(HEADER).withComments();
        assertEquals(List.of("a", "1", "2"), CsvRows.parse("f.csv", "# made by hand\n" + HEADER + "\n# more\na,1,2\n", commented).get(0).fields());

        CsvRows.Format open = CsvRows.Format.atLeast(List.of("name"), List.of("count", "share"));
        CsvRows.Row row = CsvRows.parse("f.csv", "note,name,share\nx,a,1\n", open).get(0);
        assertTrue(row.has("share"));
        assertFalse(row.has("count"));
        assertEquals("f.csv:1:1: The header (note,name) has none of the columns count, share; give at least one", error("note,name\n", open));
        assertEquals("f.csv: The file has no header line; expected the columns name and one or more of count, share, in any order (other "
                + "columns are ignored)", error("", open));
    }

    @Test
    void malformedCsvIsPlaced() {
        assertEquals("f.csv:3:1: Malformed CSV: Missing closing quote for value; maybe a quote inside a quoted value is not doubled "
                + "(\"say \"\"hi\"\"\"), or the file is cut short", error(HEADER + "\n\"a,1,2\n"));
        assertEquals("f.csv:2:5: Malformed CSV: Unexpected character ('b' (code 98)): Expected "
                + "column separator character (',' (code 44)) or end-of-line; maybe a quote inside a quoted value is not doubled (\"say \"\"hi\"\"\")",
                error(HEADER + "\n\"a\"b,1,2\n"));
    }

    @Test
    void textFromLaterInAFileKeepsItsLineNumbers() {
        CsvRows.Row row = CsvRows.parse("f.csv", HEADER + "\na,x,1\n", 5, CsvRows.Format.of(HEADER)).get(0);
        assertEquals("f.csv:6:3: The count (x) is not an integer", assertThrows(InputException.class, () -> row.getLong("count")).getMessage());
    }

    @Test
    void filesAreReadWithTheInputLimitsAndStreamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.csv");
        Files.write(file, (HEADER + "\na,1,\u0000\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String binary = assertThrows(InputException.class, () -> CsvRows.read(file, HEADER)).getMessage();
        assertTrue(binary.startsWith(file + ": The file holds binary data (a NUL byte at offset 21)"), binary);
        assertEquals(dir.resolve("none.csv") + ": No such file; check the path",
                assertThrows(InputException.class, () -> CsvRows.read(dir.resolve("none.csv"), HEADER)).getMessage());

        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ',', 'c', 'o', 'u', 'n', 't', ',', 's', 'h', 'a', 'r', 'e', '\n', (byte) 0xC3, '\n'});
        String notUtf8 = assertThrows(InputException.class, () -> CsvRows.read(file, HEADER)).getMessage();
        assertTrue(notUtf8.startsWith(file + ": The file is not UTF-8 text"), notUtf8);

        Files.writeString(file, HEADER + "\na,1,2\nb,3,4\n");
        List<String> names = new ArrayList<>();
        CsvRows.read(file, CsvRows.Format.of(HEADER), row -> names.add(row.get("name") + "@" + row.line()));
        assertEquals(List.of("a@2", "b@3"), names);
        assertEquals(2, CsvRows.read(file, HEADER).size());
    }
}

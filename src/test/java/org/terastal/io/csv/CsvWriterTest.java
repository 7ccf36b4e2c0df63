package org.terastal.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV writing: plain values as a comma join, quoting where a reader needs it, and what is written reads back. */
class CsvWriterTest {
    /** Values that need quoting, or that a careless writer or reader would change. */
    static final List<String> AWKWARD = List.of("a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "cr\ronly", "#hash", " lead", "trail ", "\t",
            "", "\"", ",", "\n", "ünï, cødé", "plain");

    @Test
    void plainValuesAreWrittenAsACommaJoin() {
        assertEquals("a,b,c\n1,,-2.5e-7\nNaN,pairs 0.6-1.6,accelerator:ws\n", CsvWriter.text(csv -> csv.header("a,b,c").row("1", "", "-2.5e-7")
                .row(List.of("NaN", "pairs 0.6-1.6", "accelerator:ws"))));
    }

    @Test
    void valuesAreQuotedWhereAReaderNeedsIt() {
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\ronly\"\n", CsvWriter.text(csv -> csv.row("a,b", "say \"hi\"", "two\nlines",
                "cr\ronly")));
        // white space the reader would trim; in the first column, a comment mark or an empty value alone on its row
        assertEquals("\" lead\",\"trail \",\"\t\"\n\"#hash\",#hash\n\"\"\n,x\n", CsvWriter.text(csv -> csv.row(" lead", "trail ", "\t")
                .row("#hash", "#hash").row("").row("", "x")));
        assertEquals("# provenance, line 1\n# line 2\na\n", CsvWriter.text(csv -> csv.comment("provenance, line 1\nline 2").row("a")));
        assertEquals("\"say \"\"hi\"\"\",\"a,b\"", CsvWriter.line(List.of("say \"hi\"", "a,b")));
    }

    @Test
    void everyValueReadsBackInEveryColumn(@TempDir Path dir) {
        Path file = dir.resolve("awkward.csv");
        List<List<String>> rows = new ArrayList<>();
        for (int shift = 0; shift < AWKWARD.size(); shift++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                row.add(AWKWARD.get((shift + c) % AWKWARD.size()));
            }
            rows.add(row);
        }
        rows.add(List.of("", "", ""));
        for (boolean comments : new boolean[] {false, true}) {
            CsvWriter.write(file, csv -> {
                if (comments) {
                    csv.comment("a table, \"quoted\"\n# with a comment line");
                }
                csv.header("x,y,z");
                rows.forEach(csv::row);
            });
            CsvRows.Format format = comments ? CsvRows.Format.of("x,y,z").withComments() : CsvRows.Format.of("x,y,z");
            assertEquals(rows, CsvRows.read(file, format).stream().map(CsvRows.Row::fields).toList());
        }
        // a single column, whose empty value must not become a blank line
        CsvWriter.write(file, csv -> Stream.of("x", "", "#", "a,b").forEach(csv::row));
        assertEquals(List.of(List.of(""), List.of("#"), List.of("a,b")),
                CsvRows.read(file, CsvRows.Format.of("x").withComments()).stream().map(CsvRows.Row::fields).toList());
    }

    @Test
    void aFailedWriteLeavesTheEarlierFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.csv");
        CsvWriter.write(file, csv -> csv.header("a,b").row("1", "2"));
        assertThrows(UncheckedIOException.class, () -> CsvWriter.write(file, csv -> {
            csv.header("a,b");
            throw new IOException("disk full");
        }));
        assertEquals("a,b\n1,2\n", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }
}

package org.terastal.io.csv;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;

/**
 * The rows of a plain comma-separated file with a fixed header (no quoting: the project's own
 * outputs never need it), each kept with its line number so that a bad value is reported at
 * {@code file:line:column}.
 */
public final class CsvRows {
    private CsvRows() {
    }

    /**
     * One data row.
     *
     * @param file   the file as the user named it
     * @param line   1-based line number
     * @param header the column names
     * @param fields the values, as many as columns
     */
    public record Row(String file, int line, List<String> header, List<String> fields) {
        /** The value of a column. */
        public String get(String column) {
            return fields.get(index(column));
        }

        /** The value of a column as a long, or an error naming the place. */
        public long getLong(String column) {
            try {
                return Long.parseLong(get(column));
            } catch (NumberFormatException e) {
                throw error(column, "is not an integer");
            }
        }

        /** The value of a column as a finite or NaN double, or an error naming the place. */
        public double getDouble(String column) {
            try {
                double v = Double.parseDouble(get(column));
                if (Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(column, "is not a number");
            }
        }

        /** An input error at this row's column: "The COLUMN (VALUE) REASON". */
        public InputException error(String column, String reason) {
            int i = index(column);
            int col = 1;
            for (int k = 0; k < i; k++) {
                col += fields.get(k).length() + 1;
            }
            return new InputException(file, line, col, null, "The " + column + " (" + fields.get(i) + ") " + reason);
        }

        private int index(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException("No column '" + column + "' in " + header);
            }
            return i;
        }
    }

    /** Reads a file whose first line must be {@code header}; blank lines are skipped. */
    public static List<Row> read(Path file, String header) {
        return parse(file.toString(), new String(InputFiles.readBytes(file), StandardCharsets.UTF_8), header);
    }

    /** Parses text; {@code name} stands for the file in messages. */
    public static List<Row> parse(String name, String text, String header) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].equals(header)) {
            throw new InputException(name, 1, 1, null, "The header (" + (lines.length == 0 ? "" : lines[0])
                    + ") is not the expected '" + header + "'; maybe this is not the file the command expects");
        }
        List<String> columns = List.of(header.split(","));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", -1);
            if (f.length != columns.size()) {
                throw new InputException(name, i + 1, 1, null, "The row has " + f.length + " fields, expected "
                        + columns.size() + " (" + header + ")");
            }
            rows.add(new Row(name, i + 1, columns, List.of(f)));
        }
        return rows;
    }
}

package org.terastal.io.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;

/**
 * Reading CSV, the one reader of every CSV file of the toolkit (RFC 4180, on jackson-dataformat-csv;
 * {@link CsvWriter} is the writing side): fields may be quoted ({@code "a,b"}, {@code "say ""hi"""}, line
 * breaks inside quotes), spaces and tabs around an unquoted value are dropped (a quoted value is kept
 * as it is), blank lines are skipped, and a format may allow comment lines starting with {@code #}. The first other line is the header; its columns are matched by name against the format, and
 * every row must have as many fields. Each value keeps the line and column where it starts, so every
 * error, of the syntax or of a value, is one {@link InputException} at {@code file:line:column}. Files
 * are read through {@link InputFiles}, so a file that is too large or binary fails before parsing.
 */
public final class CsvRows {
    /** Blank lines are skipped by the parser rather than the caller, so that line numbers stay those of the file. */
    private static final CsvFactory FACTORY = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES).build();
    private static final CsvSchema PLAIN = CsvSchema.emptySchema();
    private static final CsvSchema COMMENTED = CsvSchema.emptySchema().withComments();

    private CsvRows() {
    }

    /**
     * What the header of a file must name: every column of {@code columns}, at least one of
     * {@code anyOf} when it is not empty, and no other column unless {@code othersAllowed}; in any order.
     *
     * @param columns       the columns every file has
     * @param anyOf         columns of which a file has at least one (or none when empty)
     * @param othersAllowed whether other columns are allowed (and ignored)
     * @param comments      whether lines starting with {@code #} are comments
     */
    public record Format(List<String> columns, List<String> anyOf, boolean othersAllowed, boolean comments) {
        public Format {
            columns = List.copyOf(columns);
            anyOf = List.copyOf(anyOf);
        }

        /** Exactly the columns of a header line such as {@code a,b,c}, no comments. */
        public static Format of(String header) {
            return new Format(List.of(header.split(",", -1)), List.of(), false, false);
        }

        /** The columns and at least one of {@code anyOf}; other columns are ignored. */
        public static Format atLeast(List<String> columns, List<String> anyOf) {
            return new Format(columns, anyOf, true, false);
        }

        /** This format with lines starting with {@code #} as comments. */
        public Format withComments() {
            return new Format(columns, anyOf, othersAllowed, true);
        }

        private String expected() {
            String all = String.join(",", columns);
            if (!anyOf.isEmpty()) {
                all += " and one or more of " + String.join(", ", anyOf);
            }
            return all + (othersAllowed ? ", in any order (other columns are ignored)" : "");
        }
    }

    /** The columns of a file's header, by name. */
    private static final class Header {
        final List<String> names;
        final Map<String, Integer> index = new HashMap<>();

        Header(List<String> names) {
            this.names = List.copyOf(names);
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i), i);
            }
        }
    }

    /** One data row: its values by column, each with the place where it starts. */
    public static final class Row {
        private final String file;
        private final Header header;
        private final List<String> fields;
        private final int[] lines;
        private final int[] columns;

        private Row(String file, Header header, List<String> fields, int[] lines, int[] columns) {
            this.file = file;
            this.header = header;
            this.fields = fields;
            this.lines = lines;
            this.columns = columns;
        }

        /** The file as the user named it. */
        public String file() {
            return file;
        }

        /** 1-based line where the row starts. */
        public int line() {
            return lines[0];
        }

        /** The column names of the file, in file order. */
        public List<String> header() {
            return header.names;
        }

        /** The values in file order, as many as columns. */
        public List<String> fields() {
            return fields;
        }

        /** Whether the file has a column. */
        public boolean has(String column) {
            return header.index.containsKey(column);
        }

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
            return new InputException(file, lines[i], columns[i], null, "The " + column + " (" + fields.get(i) + ") " + reason);
        }

        /** An input error at this row's column, with a message of its own. */
        public InputException errorAt(String column, String message) {
            int i = index(column);
            return new InputException(file, lines[i], columns[i], null, message);
        }

        /** An input error at the start of this row. */
        public InputException rowError(String message) {
            return new InputException(file, lines[0], columns[0], null, message);
        }

        private int index(String column) {
            Integer i = header.index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("No column '" + column + "' in " + header.names);
            }
            return i;
        }

        /** The row as a CSV line (quoted where needed), for messages. */
        @Override
        public String toString() {
            return CsvWriter.line(fields);
        }
    }

    /** Reads a file whose header must be exactly the columns of {@code header} (in any order). */
    public static List<Row> read(Path file, String header) {
        return read(file, Format.of(header));
    }

    /** Reads a file of a format. */
    public static List<Row> read(Path file, Format format) {
        List<Row> rows = new ArrayList<>();
        read(file, format, rows::add);
        return rows;
    }

    /** Reads a file of a format, handing each row to {@code each} as it is parsed (no list of every row is kept). */
    public static void read(Path file, Format format, Consumer<Row> each) {
        byte[] bytes = InputFiles.readBytes(file);
        parse(file.toString(), 1, format, each, () -> FACTORY.createParser(bytes));
    }

    /** Parses text whose header must be exactly the columns of {@code header}; {@code name} stands for the file in messages. */
    public static List<Row> parse(String name, String text, String header) {
        return parse(name, text, Format.of(header));
    }

    /** Parses text of a format; {@code name} stands for the file in messages. */
    public static List<Row> parse(String name, String text, Format format) {
        return parse(name, text, 1, format);
    }

    /** As {@link #parse(String, String, Format)}, for text that starts at line {@code firstLine} of the file. */
    public static List<Row> parse(String name, String text, int firstLine, Format format) {
        List<Row> rows = new ArrayList<>();
        parse(name, firstLine, format, rows::add, () -> FACTORY.createParser(text));
        return rows;
    }

    private interface Source {
        CsvParser open() throws IOException;
    }

    private static void parse(String name, int firstLine, Format format, Consumer<Row> each, Source source) {
        int offset = firstLine - 1;
        try (CsvParser p = source.open()) {
            p.setSchema(format.comments() ? COMMENTED : PLAIN);
            Header header = null;
            List<String> fields = new ArrayList<>();
            int[] lines = new int[8];
            int[] columns = new int[8];
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    fields = new ArrayList<>(header == null ? 8 : header.names.size());
                } else if (t == JsonToken.VALUE_STRING) {
                    int n = fields.size();
                    if (n == lines.length) {
                        lines = Arrays.copyOf(lines, 2 * n);
                        columns = Arrays.copyOf(columns, 2 * n);
                    }
                    JsonLocation at = p.currentTokenLocation();
                    lines[n] = at.getLineNr() + offset;
                    columns[n] = at.getColumnNr();
                    fields.add(p.getText());
                } else if (t == JsonToken.END_ARRAY) {
                    if (header == null) {
                        header = header(name, format, fields, lines[0], columns);
                        continue;
                    }
                    int n = fields.size();
                    int expected = header.names.size();
                    if (n != expected) {
                        // a field too many is shown where it starts; a missing one at the start of the row
                        int at = n > expected ? expected : 0;
                        throw new InputException(name, lines[at], columns[at], null, "The row has " + n + " fields, expected " + expected
                                + " (" + CsvWriter.line(header.names) + ")" + (n > expected ? "; maybe a value holds a comma: quote it (\"a,b\")" : ""));
                    }
                    each.accept(new Row(name, header, List.copyOf(fields), Arrays.copyOf(lines, n), Arrays.copyOf(columns, n)));
                }
            }
            if (header == null) {
                throw new InputException(name, "The file has no header line; expected the columns " + format.expected());
            }
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() <= 0 ? 0 : at.getLineNr() + offset;
            int column = line == 0 || at.getColumnNr() <= 0 ? 0 : at.getColumnNr();
            String message = e.getOriginalMessage();
            throw new InputException(name, line, column, null, "Malformed CSV: " + message + "; maybe a quote inside a quoted value "
                    + "is not doubled (\"say \"\"hi\"\"\")" + (message.contains("closing quote") ? ", or the file is cut short" : ""), e);
        } catch (CharConversionException e) {
            throw new InputException(name, 0, 0, null, "The file is not UTF-8 text: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(name, "Cannot read the CSV: " + e.getMessage());
        }
    }

    /** Checks the header line against the format: the columns by name, each once. */
    private static Header header(String name, Format format, List<String> fields, int line, int[] columns) {
        List<String> names = fields;
        String found = CsvWriter.line(names);
        String expected = "; expected the columns " + format.expected() + "; maybe this is not the file the command expects";
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new InputException(name, line, columns[i], null, "The header (" + found + ") names the column " + names.get(i)
                        + " twice" + expected);
            }
        }
        List<String> missing = format.columns().stream().filter(c -> !seen.contains(c)).toList();
        List<String> unknown = new ArrayList<>();
        int firstUnknown = -1;
        for (int i = 0; i < names.size(); i++) {
            String c = names.get(i);
            if (!format.othersAllowed() && !format.columns().contains(c)) {
                unknown.add(c);
                firstUnknown = firstUnknown < 0 ? i : firstUnknown;
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            String what = (missing.isEmpty() ? "" : "lacks the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing))
                    + (missing.isEmpty() || unknown.isEmpty() ? "" : " and ")
                    + (unknown.isEmpty() ? "" : "has the unknown column" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown));
            throw new InputException(name, line, firstUnknown < 0 ? columns[0] : columns[firstUnknown], null,
                    "The header (" + found + ") " + what + expected);
        }
        if (!format.anyOf().isEmpty() && format.anyOf().stream().noneMatch(seen::contains)) {
            throw new InputException(name, line, columns[0], null, "The header (" + found + ") has none of the columns "
                    + String.join(", ", format.anyOf()) + "; give at least one");
        }
        return new Header(names);
    }
}

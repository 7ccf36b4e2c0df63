package org.terastal.io.csv;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.terastal.io.AtomicFiles;

/**
 * Writing CSV, the one writer of every CSV file of the toolkit (RFC 4180, on jackson-dataformat-csv;
 * {@link CsvRows} reads it back): UTF-8, {@code \n} after every row, and a value quoted only when it
 * needs it, so that files of plain values are byte for byte what a comma join gives. A value is quoted
 * when it holds a comma, a quote (doubled inside) or a line break, when it starts or ends with white
 * space (which the reader drops around an unquoted value), and, in the first column, when it starts
 * with {@code #} (a comment line) or is empty alone on its row (a blank line).
 */
public final class CsvWriter implements Closeable {
    private static final CsvFactory FACTORY = CsvFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema();

    /** What writes the rows of a file. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(CsvWriter csv) throws IOException;
    }

    private final Writer out;
    private final CsvGenerator generator;

    private CsvWriter(Writer out) {
        this.out = out;
        try {
            generator = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setSchema(SCHEMA);
    }

    /** A writer of rows to {@code out}; {@link #close} writes them out but leaves {@code out} open. */
    private static CsvWriter to(Writer out) {
        return new CsvWriter(out);
    }

    /** Writes a header given as its line of plain column names, such as {@code a,b,c}. */
    public CsvWriter header(String header) {
        return row(header.split(",", -1));
    }

    /** Writes one row. */
    public CsvWriter row(String... fields) {
        return row(Arrays.asList(fields));
    }

    /** Writes one row. */
    public CsvWriter row(List<String> fields) {
        try {
            generator.writeStartArray();
            for (int i = 0; i < fields.size(); i++) {
                String value = fields.get(i);
                if (quoteAnyway(value, i, fields.size())) {
                    generator.writeRawValue('"' + value.replace("\"", "\"\"") + '"');
                } else {
                    generator.writeString(value);
                }
            }
            generator.writeEndArray();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a value needs quotes that the generator, which quotes only separators, quotes and line breaks, leaves out. */
    private static boolean quoteAnyway(String value, int column, int columns) {
        if (value.isEmpty()) {
            return columns == 1;
        }
        return value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' ' || column == 0 && value.charAt(0) == '#';
    }

    /** Writes comment lines ({@code # TEXT}), one per line of {@code text}; only formats that allow comments may have them. */
    public CsvWriter comment(String text) {
        try {
            generator.flush();
            for (String line : text.split("\\R", -1)) {
                out.write("# " + line + "\n");
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes out the buffered rows; {@code out} stays open. */
    @Override
    public void close() {
        try {
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV text of some rows. */
    public static String text(Rows rows) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = to(text)) {
            rows.writeTo(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** One row as a CSV line without its line break, e.g. for a message. */
    public static String line(List<String> fields) {
        String text = text(csv -> csv.row(fields));
        return text.substring(0, text.length() - 1);
    }

    /** Writes a file atomically ({@link AtomicFiles}): a reader sees the earlier file or this one, whole. */
    public static void write(Path file, Rows rows) {
        AtomicFiles.write(file, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            writeTo(w, rows);
        });
    }

    /** Writes rows to {@code out}, flushing them there; a failure of {@code out} is its {@link IOException}. */
    public static void writeTo(Writer out, Rows rows) throws IOException {
        try (CsvWriter csv = to(out)) {
            rows.writeTo(csv);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }
}

package org.terastal.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.domain.Task;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.csv.CsvWriter;
import org.terastal.io.csv.LatencyCsv;
import org.terastal.io.results.TraceFiles;
import org.terastal.testkit.SixModels;

/**
 * The shipped CSV files (results, latency tables, calibration fixtures) read unchanged through the CSV
 * codec and are written back to the same bytes: by the codec for every file, and by the toolkit's own
 * writer for the kinds it writes.
 */
class ShippedCsvTest {
    static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Stream.of("results", "latency", "src/test/resources/calibration").map(Path::of).flatMap(ShippedCsvTest::walk)) {
            List<Path> csv = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            assertTrue(csv.size() > 100, "shipped CSV files: " + csv.size());
            return csv;
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void readsAndWritesBackByteForByte(Path file) throws IOException {
        String text = Files.readString(file);
        String data = text.lines().filter(l -> !l.startsWith("#")).map(l -> l + "\n").collect(Collectors.joining());
        String header = data.substring(0, data.indexOf('\n'));
        List<CsvRows.Row> rows = CsvRows.read(file, CsvRows.Format.of(header).withComments());
        assertEquals(data, CsvWriter.text(csv -> {
            csv.header(header);
            rows.forEach(r -> csv.row(r.fields()));
        }));
    }

    @Test
    void theTracesIndexAndResponseTablesAreWrittenAsShipped() throws IOException {
        for (String results : List.of("results/builtin", "results/maestro")) {
            Path index = Path.of(results, TraceFiles.FOLDER, TraceFiles.INDEX);
            List<TraceFiles.TracedRun> runs = TraceFiles.readIndex(index);
            assertEquals(Files.readString(index), TraceFiles.indexCsv(runs));
            for (TraceFiles.TracedRun run : runs) {
                Path responses = index.resolveSibling(run.responses());
                assertEquals(Files.readString(responses), TraceFiles.responsesCsv(TraceFiles.readResponses(responses)), responses.toString());
            }
        }
    }

    @Test
    void theShippedLatencyTableIsWrittenAsShipped() throws IOException {
        String text = Files.readString(SixModels.LATENCY);
        // the models in the order of the table, which the writer follows
        List<String> order = CsvRows.parse("t.csv", text, CsvRows.Format.of(LatencyCsv.HEADER).withComments()).stream()
                .map(r -> r.get("model")).distinct().toList();
        List<Model> models = SixModels.models().stream().sorted(Comparator.comparing(m -> order.indexOf(m.id()))).toList();
        Instance six = new Instance("six", "", SixModels.platform(), models, List.of(new Task("t", models.get(0).id(), 1, 0, 0, 0, null, 1)));
        List<String> comments = text.lines().takeWhile(l -> l.startsWith("# ")).map(l -> l.substring(2)).toList();
        assertEquals(text, LatencyCsv.format(LatencyCsv.read(SixModels.LATENCY, six), six, comments));
    }
}

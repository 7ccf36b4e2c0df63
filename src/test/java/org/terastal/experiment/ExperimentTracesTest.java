package org.terastal.experiment;

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
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.InputException;
import org.terastal.io.csv.LatencyCsv;
import org.terastal.io.results.TraceCsv;
import org.terastal.io.results.TraceFiles;
import org.terastal.io.results.TraceFiles.ResponseQuantile;
import org.terastal.io.results.TraceFiles.TracedRun;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.LayerRecord;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.RunResult;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.testkit.AwkwardNames;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;

/** The traces an experiment keeps for the report: their content, and their files read back. */
class ExperimentTracesTest {
    @TempDir
    Path dir;

    private static final Instance MIX = SixModels.mix("pair", 1.2, List.of(Share.of("resnet50", 1), Share.of("sp2dense", 1)));
    private static final LatencyTable LATENCY = LatencyCsv.read(SixModels.LATENCY, MIX);

    private static ExperimentTraces.Runs spec(List<String> schedulers, List<LatePolicy> lates) {
        return new ExperimentTraces.Runs(List.of(new Experiment.Scenario("pair", MIX, LATENCY, null)), schedulers,
                (sc, s) -> Schedulers.factory(s, null), 7L, lates, 1_000_000_000L);
    }

    /** Each traced run is the experiment's own run (same metrics), and its files say what the trace says. */
    @Test
    void tracedRunsMatchTheirTraces() {
        long from = 300_000_000L;
        long to = 320_000_000L;
        ExperimentTraces.Runs spec = spec(List.of("fcfs", "edf"), List.of(LatePolicy.DROP, LatePolicy.CONTINUE));
        List<TracedRun> progress = new ArrayList<>();
        List<TracedRun> runs = ExperimentTraces.write(spec, 1.3, from, to, dir, progress::add);
        assertEquals(4, runs.size());
        assertEquals(runs, progress);
        Path traces = dir.resolve(TraceFiles.FOLDER);
        assertEquals(runs, TraceFiles.readIndex(traces.resolve(TraceFiles.INDEX)));
        for (TracedRun run : runs) {
            assertEquals(7L, run.seed(), "the first seed is traced");
            assertEquals(1.3, run.load());
            SimResult again = Simulator.run(MIX, LATENCY, Schedulers.factory(run.scheduler(), null),
                    new SimConfig(spec.horizonNs(), run.seed(), run.late(), run.load(), true));
            SimResult untraced = Simulator.run(MIX, LATENCY, Schedulers.factory(run.scheduler(), null),
                    new SimConfig(spec.horizonNs(), run.seed(), run.late(), run.load(), false));
            assertEquals(RunResult.of(untraced, "pair"), RunResult.of(again, "pair"), "keeping the trace changes nothing");
            List<LayerRecord> expected = again.trace().layers().stream().filter(l -> l.endNs() > from && l.startNs() < to).toList();
            List<LayerRecord> read = TraceCsv.readTimeline(traces.resolve(run.timeline()));
            assertFalse(read.isEmpty(), run.toString());
            assertEquals(expected, read, run.toString());

            List<ResponseQuantile> quantiles = TraceFiles.readResponses(traces.resolve(run.responses()));
            for (ModelMetrics m : again.models()) {
                List<ResponseQuantile> mine = quantiles.stream().filter(q -> q.model().equals(m.model())).toList();
                long completed = m.onTime() + m.missed();
                double highest = mine.get(mine.size() - 1).quantile();
                assertTrue(highest <= (double) completed / m.released() + 1e-12, m.model() + " " + highest);
                if (m.dropped() == 0) {
                    assertEquals(1.0, highest);
                    assertEquals(m.responseMaxNs(), mine.get(mine.size() - 1).responseNs());
                    assertEquals(m.responseP50Ns(), mine.stream().filter(q -> q.quantile() == 0.5).findFirst().orElseThrow().responseNs());
                }
                for (int i = 1; i < mine.size(); i++) {
                    assertTrue(mine.get(i).responseNs() >= mine.get(i - 1).responseNs(), "quantiles never decrease");
                }
            }
        }
    }

    @Test
    void responsesRoundTripAndGolden() throws IOException {
        List<ResponseQuantile> rows = List.of(new ResponseQuantile("a", 0, 5), new ResponseQuantile("a", 0.025, 7),
                new ResponseQuantile("b", 1, 123456789));
        String text = TraceFiles.responsesCsv(rows);
        assertEquals("model,quantile,response_ns\na,0,5\na,0.025,7\nb,1,123456789\n", text);
        Path f = dir.resolve("r.csv");
        Files.writeString(f, text);
        assertEquals(rows, TraceFiles.readResponses(f));
    }

    @Test
    void indexGolden() {
        TracedRun run = new TracedRun("s", "edf", 1, 1.0, LatePolicy.DROP, 0, 20_000_000, "s/drop/edf.timeline.csv", "s/drop/edf.responses.csv");
        assertEquals(TraceFiles.INDEX_HEADER + "\ns,edf,1,1,drop,0,20000000,s/drop/edf.timeline.csv,s/drop/edf.responses.csv\n",
                TraceFiles.indexCsv(List.of(run)));
    }

    /** Names that need quoting (free text in these records) come back whole from the index and response tables. */
    @Test
    void awkwardNamesSurviveTheIndexAndResponseTables() throws IOException {
        TracedRun run = new TracedRun(AwkwardNames.TEXT, " edf", 1, 1.0, LatePolicy.DROP, 0, 20, "a, \"b\".timeline.csv", "#r.csv");
        Files.writeString(dir.resolve(run.timeline()), "");
        Files.writeString(dir.resolve(run.responses()), "");
        Path index = dir.resolve(TraceFiles.INDEX);
        Files.writeString(index, TraceFiles.indexCsv(List.of(run)));
        assertEquals(List.of(run), TraceFiles.readIndex(index));
        List<ResponseQuantile> rows = List.of(new ResponseQuantile(AwkwardNames.TEXT, 0.5, 3), new ResponseQuantile(" #m", 1, 4));
        Path responses = dir.resolve("r.csv");
        Files.writeString(responses, TraceFiles.responsesCsv(rows));
        assertEquals(rows, TraceFiles.readResponses(responses));
    }

    @Test
    void badTraceFilesNameTheirPlace() throws IOException {
        Path r = dir.resolve("r.csv");
        Files.writeString(r, "model,quantile,response_ns\na,0.5,12\na,1.5,13\n");
        InputException e = assertThrows(InputException.class, () -> TraceFiles.readResponses(r));
        assertEquals(r + ":3:3: The quantile (1.5) is not in [0, 1]", e.getMessage());
        Files.writeString(r, "model,quantile,response_ns\na,0.5,twelve\n");
        e = assertThrows(InputException.class, () -> TraceFiles.readResponses(r));
        assertEquals(r + ":2:7: The response_ns (twelve) is not an integer", e.getMessage());
        Path index = dir.resolve("index.csv");
        Files.writeString(index, TraceFiles.INDEX_HEADER + "\ns,edf,1,1,drop,0,20,s/edf.timeline.csv,r.csv\n");
        e = assertThrows(InputException.class, () -> TraceFiles.readIndex(index));
        assertTrue(e.getMessage().startsWith(index + ":2:") && e.getMessage().contains("The timeline (s/edf.timeline.csv) names no file"),
                e.getMessage());
        Files.writeString(index, TraceFiles.INDEX_HEADER + "\ns,edf,1,1,late,0,20,r.csv,r.csv\n");
        e = assertThrows(InputException.class, () -> TraceFiles.readIndex(index));
        assertTrue(e.getMessage().startsWith(index + ":2:11: The late (late) is not one of [drop, continue]"), e.getMessage());
        Files.writeString(index, TraceFiles.INDEX_HEADER + "\ns,edf,1,1,drop,0,20,../r.csv,r.csv\n");
        e = assertThrows(InputException.class, () -> TraceFiles.readIndex(index));
        assertTrue(e.getMessage().contains("The timeline (../r.csv) names no file inside"), e.getMessage());
    }

    @Test
    void windowMustBeASpan() {
        assertThrows(IllegalArgumentException.class, () -> ExperimentTraces.write(spec(List.of("edf"), List.of(LatePolicy.DROP)), 1, 5, 5, dir, r -> { }));
        assertFalse(Files.exists(dir.resolve(TraceFiles.FOLDER)));
    }
}

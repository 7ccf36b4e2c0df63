package org.terastal.io.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.costmodel.AnalyticalCostModel;
import org.terastal.costmodel.CostModel;
import org.terastal.domain.Instance;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.json.InstanceFiles;
import org.terastal.online.Schedulers;
import org.terastal.sim.AcceleratorMetrics;
import org.terastal.sim.FrameRecord;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.LayerRecord;
import org.terastal.sim.RunResult;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.testkit.AwkwardNames;

/** The CSV files of a run (metrics, frames, timeline) read back whole when accelerator ids need quoting. */
class SimOutputsCsvTest {
    @Test
    void awkwardAcceleratorIdsSurviveTheFilesOfARun(@TempDir Path dir) throws IOException {
        Instance instance = AwkwardNames.renamed(InstanceFiles.read(Path.of("instances/skewed-vision.json")));
        SimResult r = Simulator.run(instance, CostModel.latencyTable(instance, new AnalyticalCostModel()), Schedulers.factory("edf", null),
                new SimConfig(200_000_000L, 1, LatePolicy.DROP, 1.0, true));
        SimOutputs.writeAll(r, dir);

        List<FrameRecord> frames = IntStream.range(0, r.trace().frameCount()).mapToObj(r.trace()::frame).toList();
        List<LayerRecord> layers = IntStream.range(0, r.trace().layerCount()).mapToObj(r.trace()::layer).toList();
        assertEquals(frames, TraceCsv.readFrames(dir.resolve(SimOutputs.FRAMES)));
        List<LayerRecord> timeline = TraceCsv.readTimeline(dir.resolve(SimOutputs.TIMELINE));
        assertEquals(layers, timeline);
        assertEquals(Set.copyOf(AwkwardNames.ACCELERATORS), timeline.stream().map(LayerRecord::accelerator).collect(Collectors.toSet()));

        List<CsvRows.Row> rows = CsvRows.read(dir.resolve(SimOutputs.METRICS), MetricsCsv.HEADER);
        List<String> accelerators = new ArrayList<>();
        AwkwardNames.ACCELERATORS.forEach(a -> accelerators.add(MetricsCsv.ACCELERATOR_PREFIX + a));
        assertEquals(accelerators, rows.stream().map(row -> row.get("model")).filter(m -> m.startsWith(MetricsCsv.ACCELERATOR_PREFIX))
                .distinct().toList());
        RunResult back = MetricsCsv.read(rows);
        assertEquals(r.models(), back.models());
        assertEquals(r.tasks(), back.tasks());
        assertEquals(r.overall(), back.overall());
        assertEquals(r.accelerators().stream().map(AcceleratorMetrics::accelerator).toList(),
                back.accelerators().stream().map(AcceleratorMetrics::accelerator).toList());
        String file = Files.readString(dir.resolve(SimOutputs.METRICS));
        assertEquals(file, MetricsCsv.HEADER + "\n" + MetricsCsv.rows(back), "the run read back writes the same rows");
    }
}

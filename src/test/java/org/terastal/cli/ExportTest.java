package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.costmodel.AnalyticalCostModel;
import org.terastal.costmodel.CostModel;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.Model;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.maestro.MaestroLayer;
import org.terastal.io.maestro.MaestroModelParser;
import org.terastal.io.maestro.MaestroNetwork;
import org.terastal.io.maestro.MaestroScenario;
import org.terastal.testkit.AwkwardNames;

class ExportTest {

    /** Accelerator ids that need quoting name their latency columns in the variant table, which reads back. */
    @Test
    void theVariantTableQuotesAwkwardAcceleratorIds() {
        Instance instance = AwkwardNames.renamed(InstanceFiles.read(Path.of("instances/skewed-six.json")));
        LatencyTable table = CostModel.latencyTable(instance, new AnalyticalCostModel());
        List<String> columns = AwkwardNames.ACCELERATORS.stream().map(a -> a + "_latency_ns").toList();
        List<CsvRows.Row> rows = CsvRows.parse("v.csv", ExportCommand.variantTable(instance, table), CsvRows.Format.atLeast(columns, List.of()));
        assertEquals(2 * instance.models().stream().mapToInt(m -> m.candidates().size()).sum(), rows.size());
        CsvRows.Row first = rows.get(0);
        Model model = instance.model(first.get("model"));
        assertEquals(table.get(model.id(), model.layerIndex(first.get("layer")), Implementation.ORIGINAL, 1), first.getLong(columns.get(1)));
    }

    @Test
    void maestroExportCountsTheTrueWorkOfEveryLayerAndVariant(@TempDir Path dir) throws IOException {
        Instance instance = InstanceFiles.read(Path.of("instances/skewed-six.json"));
        CliTest.Run r = CliTest.run("export", "instances/skewed-six.json", "--format", "maestro", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        MaestroScenario scenario = MaestroModelParser.parse(dir.resolve("skewed-six.m"));
        assertEquals(instance.tasks().size(), scenario.networks().size());
        for (MaestroNetwork network : scenario.networks()) {
            Model model = instance.model(network.name());
            assertEquals(instance.tasks().stream().filter(t -> t.id().equals(network.name())).findFirst().orElseThrow().fps(), network.fps());
            assertEquals(model.macs(), network.layers().stream().map(MaestroLayer::toLayer).mapToLong(Layer::macs).sum(), model.id());
            for (var candidate : model.candidates()) {
                MaestroNetwork variant = MaestroModelParser.parse(dir.resolve(model.id() + "_" + candidate.layer() + ".m")).networks().get(0);
                int index = model.layerIndex(candidate.layer());
                Layer exported = variant.layers().get(index).toLayer();
                Layer expected = model.variantOf(index).orElseThrow();
                assertEquals(expected.name(), exported.name());
                assertEquals(List.of(expected.k(), expected.c(), expected.yOut(), expected.xOut()),
                        List.of(exported.k(), exported.c(), exported.yOut(), exported.xOut()));
                assertEquals(expected.macs(), exported.macs());
            }
        }
    }

    @Test
    void aMaestroExportReplacesAnEarlierOneWhole(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("m");
        assertEquals(0, CliTest.run("export", "instances/skewed-six.json", "--format", "maestro", "-o", out.toString()).code());
        assertEquals(0, CliTest.run("export", "instances/skewed-vision.json", "--format", "maestro", "-o", out.toString()).code());
        Instance vision = InstanceFiles.read(Path.of("instances/skewed-vision.json"));
        try (var files = Files.list(out)) {
            assertEquals(1 + vision.models().stream().mapToLong(m -> m.candidates().size()).sum(), files.count(),
                    "only the files of the last export");
        }
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliTest.Run refused = CliTest.run("export", "instances/skewed-six.json", "--format", "maestro", "-o", out.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("holds notes.txt, which is not one of the MAESTRO model files"), refused.err());
        assertTrue(Files.exists(out.resolve("skewed-vision.m")) && Files.notExists(out.resolve("skewed-six.m")), "left as it was");
    }

    @Test
    void csvVariantTableHasOriginalAndVariantRowsWithLatencies(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("v.csv");
        assertEquals(0, CliTest.run("export", "instances/skewed-vision.json", "--format", "csv", "-o", csv.toString(),
                "--latency", "latency/six-models-maestro-dual2048.csv").code());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("model,layer,r,implementation,type,N,K,C,Y,X,R,S,stride,padY,padX,macs,ws_latency_ns,os_latency_ns", lines.get(0));
        assertEquals(1 + 2 * (7 + 3 + 4), lines.size());
        assertTrue(lines.contains("resnet50,layer2_0_conv1,2,variant,CONV,1,32,64,112,112,1,1,1,0,0,25690112,200704,354496"), lines.toString());
    }
}

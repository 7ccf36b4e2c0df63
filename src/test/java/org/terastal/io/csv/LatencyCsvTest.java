package org.terastal.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.costmodel.AnalyticalCostModel;
import org.terastal.costmodel.CostModel;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.io.InputException;
import org.terastal.io.json.InstanceFiles;
import org.terastal.testkit.AwkwardNames;

/** Latency tables written and read back, with accelerator ids that need quoting. */
class LatencyCsvTest {
    private static final Instance AWKWARD = AwkwardNames.renamed(InstanceFiles.read(Path.of("instances/skewed-vision.json")));

    @Test
    void awkwardAcceleratorIdsSurviveWriteAndRead(@TempDir Path dir) {
        LatencyTable table = CostModel.latencyTable(AWKWARD, new AnalyticalCostModel());
        Path file = dir.resolve("t.csv");
        LatencyCsv.write(file, table, AWKWARD, List.of("Latency table, \"built-in\"", AwkwardNames.TEXT));
        LatencyTable back = LatencyCsv.read(file, AWKWARD);
        assertEquals(AwkwardNames.ACCELERATORS, back.accelerators());
        for (Model model : AWKWARD.models()) {
            for (int l = 0; l < model.layers().size(); l++) {
                for (int a = 0; a < AwkwardNames.ACCELERATORS.size(); a++) {
                    assertEquals(table.get(model.id(), l, Implementation.ORIGINAL, a), back.get(model.id(), l, Implementation.ORIGINAL, a));
                }
            }
        }
        assertEquals(LatencyCsv.format(table, AWKWARD, List.of()), LatencyCsv.format(back, AWKWARD, List.of()));
    }

    @Test
    void errorsNameTheColumnOfAQuotedValue() {
        String text = LatencyCsv.HEADER + "\n" + AWKWARD.models().get(0).id() + ",\"no,such\",original,\"ws, \"\"big\"\"\nengine\",10\n";
        assertEquals("t.csv:2:" + (AWKWARD.models().get(0).id().length() + 2) + ": The layer (no,such) is not a layer of model '"
                + AWKWARD.models().get(0).id() + "'", assertThrows(InputException.class, () -> LatencyCsv.parse("t.csv", text, AWKWARD)).getMessage());
    }
}

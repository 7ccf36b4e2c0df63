package org.terastal.costmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.terastal.domain.AccuracyRow;
import org.terastal.domain.AccuracyTable;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.domain.VariantCandidate;

class CostModelTest {

    private static Layer conv(String name, int k, int c, int size) {
        return new Layer(name, LayerType.CONV, 1, k, c, size, size, 3, 3, 1, 1);
    }

    @Test
    void latencyTablePricesOriginalsEverywhereAndVariantsOfCandidates() {
        Model net = new Model("net", "", List.of(conv("a", 64, 3, 56), conv("b", 256, 256, 28), conv("c", 256, 256, 14)),
                List.of(new VariantCandidate("b", 2)),
                new AccuracyTable("top1", true, List.of(new AccuracyRow(List.of(), 70, null), new AccuracyRow(List.of("b"), 69, null))),
                0.97);
        Model plain = new Model("plain", "", List.of(conv("x", 32, 32, 28)), List.of(), null, 1.0);
        Platform soc = new Platform("Dual_4K", List.of(
                new Accelerator("ws", Dataflow.WS, 2048, 1000, 128, 128, 0, 0),
                new Accelerator("os", Dataflow.OS, 2048, 1000, 128, 128, 0, 0)));
        Instance instance = new Instance("i", "", soc, List.of(net, plain), List.of(
                new Task("net", "net", 30, 0, 0, 0, null, 1), new Task("plain", "plain", 30, 0, 0, 0, null, 1)));
        CostModel model = new AnalyticalCostModel();

        LatencyTable table = CostModel.latencyTable(instance, model);

        assertEquals("builtin/1", table.source());
        assertEquals(List.of("ws", "os"), table.accelerators());
        for (int a = 0; a < 2; a++) {
            Accelerator acc = soc.accelerators().get(a);
            for (int l = 0; l < 3; l++) {
                assertEquals(model.latencyNs(net.layers().get(l), acc), table.get("net", l, Implementation.ORIGINAL, a));
            }
            assertEquals(model.latencyNs(net.layers().get(1).variant(2), acc), table.get("net", 1, Implementation.VARIANT, a));
            assertEquals(LatencyTable.NONE, table.get("net", 0, Implementation.VARIANT, a));
            assertEquals(LatencyTable.NONE, table.get("net", 2, Implementation.VARIANT, a));
            assertEquals(model.latencyNs(plain.layers().get(0), acc), table.get("plain", 0, Implementation.ORIGINAL, a));
        }
    }
}

package org.terastal.cli;

import java.nio.file.Path;
import org.terastal.costmodel.AnalyticalCostModel;
import org.terastal.costmodel.CostModel;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.csv.LatencyCsv;

/** Where the commands get an instance's latency table: a CSV file, or the built-in cost model. */
public final class LatencyInputs {
    private LatencyInputs() {
    }

    /**
     * The table of an instance: from {@code csv} when given (rows of other models are skipped, so
     * one file of figures serves many scenarios), else from the built-in cost model.
     *
     * @param csv a latency CSV ({@link LatencyCsv}), or null
     */
    public static LatencyTable forInstance(Instance instance, Path csv) {
        return csv == null ? CostModel.latencyTable(instance, new AnalyticalCostModel()) : LatencyCsv.read(csv, instance);
    }
}

package org.terastal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/** Axis ranges of the bar charts. */
class ChartsTest {
    private final ResultsData shipped = ResultsData.read(Path.of("results/builtin"));

    /** All-zero bars (no scheduler misses at a light load) get a readable axis, not a sliver around 0 in 1E-9 steps. */
    @Test
    void allZeroBarsGetATenthOfTheScale() {
        Map<String, Map<String, Double>> zeros = Map.of("edf", Map.of("resnet50", 0.0), "fcfs", Map.of("resnet50", 0.0));
        JFreeChart rate = Charts.bars(shipped, "t", "rate", List.of("edf", "fcfs"), List.of("resnet50"), 1, zeros);
        assertEquals(new Range(0, 0.1), rate.getCategoryPlot().getRangeAxis().getRange());
        JFreeChart percent = Charts.bars(shipped, "t", "%", List.of("edf", "fcfs"), List.of("resnet50"), 100, zeros);
        assertEquals(new Range(0, 10), percent.getCategoryPlot().getRangeAxis().getRange());
    }

    @Test
    void otherBarsKeepTheirAutomaticRange() {
        Map<String, Map<String, Double>> some = Map.of("edf", Map.of("resnet50", 0.4), "fcfs", Map.of("resnet50", 0.0));
        JFreeChart rate = Charts.bars(shipped, "t", "rate", List.of("edf", "fcfs"), List.of("resnet50"), 1, some);
        Range r = rate.getCategoryPlot().getRangeAxis().getRange();
        assertEquals(0, r.getLowerBound());
        org.junit.jupiter.api.Assertions.assertTrue(r.getUpperBound() >= 0.4 && r.getUpperBound() < 0.5, r.toString());
    }
}

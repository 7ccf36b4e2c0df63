package org.terastal.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Implementation;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.io.InputException;

public class SolutionFilesTest {

    static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return out;
    }

    public static Solution sample() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("workers", "1");
        parameters.put("capPpm", "1000000");
        List<LayerPlan> layers = List.of(
                new LayerPlan("a", "ws", Implementation.ORIGINAL, 1500, 1500, false, ordered("ws", 1000, "os", 2000), Map.of()),
                new LayerPlan("b", "os", Implementation.VARIANT, 900, 2400, true, ordered("ws", 800, "os", 1600), ordered("ws", 300, "os", 500)));
        return new Solution("tiny", "sha256:abc", SolveStatus.FEASIBLE, "cpsat 9.15.6755", "table",
                ordered("maxLoadPpm", 48000, "migratableWorkPpm", 24000, "accuracyLossPpm", 14286),
                ordered("maxLoadPpm", 47000, "migratableWorkPpm", 24000), 0.0208333, 12, parameters,
                List.of(new ModelPlan("m", List.of("b"), 0.9857142857142858, layers)));
    }

    static final String SAMPLE_JSON = """
            {
              "format": "terastal-solution/1",
              "instance": "tiny",
              "instanceChecksum": "sha256:abc",
              "status": "FEASIBLE",
              "solver": "cpsat 9.15.6755",
              "formulation": "table",
              "parameters": {"workers": "1", "capPpm": "1000000"},
              "objective": {"maxLoadPpm": 48000, "migratableWorkPpm": 24000, "accuracyLossPpm": 14286},
              "bound": {"maxLoadPpm": 47000, "migratableWorkPpm": 24000},
              "gap": 0.0208333,
              "wallTimeMs": 12,
              "accelerators": ["ws", "os"],
              "models": [
                {
                  "model": "m",
                  "enabledVariants": ["b"],
                  "worstCaseAccuracy": 0.9857142857142858,
                  "layers": [
                    {"layer": "a", "home": "ws", "implementation": "ORIGINAL", "budgetNs": 1500, "deadlineOffsetNs": 1500, "flexible": false, "originalNs": [1000, 2000]},
                    {"layer": "b", "home": "os", "implementation": "VARIANT", "budgetNs": 900, "deadlineOffsetNs": 2400, "flexible": true, "originalNs": [800, 1600], "variantNs": [300, 500]}
                  ]
                }
              ]
            }
            """;

    private static String error(String json) {
        return assertThrows(InputException.class, () -> SolutionFiles.parse("plan.json", json)).getMessage();
    }

    @Test
    void theCanonicalLayoutHasOneLinePerLayer() {
        assertEquals(SAMPLE_JSON, SolutionFiles.toJson(sample()));
    }

    @Test
    void aSolutionRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.json");
        SolutionFiles.write(file, sample());
        Solution back = SolutionFiles.read(file);
        assertEquals(sample(), back);
        assertEquals(Files.readString(file), SolutionFiles.toJson(back));
        assertEquals(List.of("ws", "os"), List.copyOf(back.models().get(0).layers().get(1).variantNs().keySet()));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void anotherFormatIsRefused() {
        assertEquals("plan.json:2:13: The format (terastal-solution/2) of the solution table is not supported; this build reads "
                + "terastal-solution/1; maybe the file was written by another version of terastal (at format)", error(SAMPLE_JSON.replace("terastal-solution/1", "terastal-solution/2")));
    }

    @Test
    void latenciesMustMatchTheAccelerators() {
        assertEquals("plan.json:1:1: The originalNs of layer plan 'a' has 3 values for 2 accelerators [ws, os]; give one latency per "
                + "accelerator, in that order (at models[0].layers[0].originalNs)",
                error(SAMPLE_JSON.replace("\"originalNs\": [1000, 2000]", "\"originalNs\": [1000, 2000, 3000]")));
    }

    @Test
    void missingAndMistypedFieldsAreLocated() {
        assertEquals("plan.json:20:9: The field 'budgetNs' of layer plan 'a' is missing (at models[0].layers[0].budgetNs)",
                error(SAMPLE_JSON.replace("\"budgetNs\": 1500, ", "")));
        assertEquals("plan.json:5:13: The value (DONE) is not a valid SolveStatus; expected one of OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN "
                + "(at status)", error(SAMPLE_JSON.replace("\"FEASIBLE\"", "\"DONE\"")));
        assertEquals("plan.json:21:9: The originalNs[0] (-5) of layer plan 'b' must be a positive number of ns, at most 1e12 (at "
                + "models[0].layers[1].originalNs[0])", error(SAMPLE_JSON.replace("\"originalNs\": [800, 1600]", "\"originalNs\": [-5, 1600]")));
    }

    @Test
    void aSolutionWithoutLatencyListingCannotBeWritten() {
        Solution s = sample();
        Solution bare = new Solution(s.instance(), s.instanceChecksum(), s.status(), s.solver(), s.formulation(), s.objective(), s.bound(),
                s.gap(), s.wallTimeMs(), s.parameters(), List.of(new ModelPlan("m", List.of(), 1.0,
                List.of(new LayerPlan("a", "ws", Implementation.ORIGINAL, 1, 1, false)))));
        assertFalse(assertThrows(IllegalArgumentException.class, () -> SolutionFiles.toJson(bare)).getMessage().isEmpty());
    }
}

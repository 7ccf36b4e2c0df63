package org.terastal.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.io.InputException;

class InstanceFilesTest {

    static String tiny() {
        try (InputStream in = InstanceFilesTest.class.getResourceAsStream("/json/tiny.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mutate(String from, String to) {
        String text = tiny();
        assertTrue(text.contains(from), "fixture lacks " + from);
        return text.replace(from, to);
    }

    private static String error(String json) {
        return assertThrows(InputException.class, () -> InstanceFiles.parse("tiny.json", json)).getMessage();
    }

    @Test
    void canonicalFileRoundTripsByteForByte() {
        Instance instance = InstanceFiles.parse("tiny.json", tiny());
        assertEquals(tiny(), InstanceFiles.toJson(instance));
        Model m = instance.model("m");
        assertEquals(0.98571, m.normalisedAccuracy(Set.of("b")).getAsDouble(), 1e-4);
        assertEquals(33_333_333, instance.tasks().get(0).periodNs());
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        Instance instance = InstanceFiles.parse("tiny.json", mutate(
                "\"fps\": 30.0, \"deadlineNs\": 0, \"offsetNs\": 0, \"jitterNs\": 0, \"weight\": 1.0", "\"fps\": 30"));
        assertEquals(1.0, instance.tasks().get(0).weight());
        assertEquals(instance.tasks().get(0).periodNs(), instance.tasks().get(0).effectiveDeadlineNs());
        Instance noPad = InstanceFiles.parse("tiny.json", mutate("\"R\": 1, \"S\": 1, \"stride\": 1, \"pad\": 0}", "\"R\": 1, \"S\": 1}"));
        assertEquals(noPad.model("m").layers().get(1), instance.model("m").layers().get(1));
    }

    @Test
    void malformedJson() {
        assertEquals("tiny.json:34:105: Malformed JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name (at tasks[0])",
                error(mutate("\"weight\": 1.0}", "\"weight\": 1.0,}")));
        assertEquals("tiny.json:1:2: Malformed JSON: Unexpected end-of-input: expected close marker for Object", error("{"));
        assertEquals("tiny.json: The file is empty; expected a JSON object", error(""));
    }

    @Test
    void unknownField() {
        assertEquals("tiny.json:17:116: Unknown field 'strid'; known fields here are [C, K, N, R, S, X, Y, name, pad, padX, padY, stride, type]; maybe a typo (at models[0].layers[0].strid)",
                error(mutate("\"stride\": 1, \"pad\": 1}", "\"strid\": 1, \"pad\": 1}")));
    }

    @Test
    void missingField() {
        assertEquals("tiny.json:17:9: The field 'K' of layer 'a' is missing (at models[0].layers[0].K)",
                error(mutate("\"K\": 8, \"C\": 4", "\"C\": 4")));
        assertEquals("tiny.json:1:1: The field 'tasks' of instance 'tiny' is missing (at tasks)",
                error(tiny().substring(0, tiny().indexOf(",\n  \"tasks\"")) + "\n}\n"));
    }

    /** A null is not taken as left out: an optional field would silently take its default, a required one be called missing. */
    @Test
    void aFieldGivenAsNullIsRefusedAtItsPath() {
        String optional = error(mutate("\"deadlineNs\": 0", "\"deadlineNs\": null"));
        assertTrue(optional.matches("tiny\\.json:34:\\d+: The field 'deadlineNs' is null; give it a value, or leave it out if it is optional "
                + "\\(it then takes its default\\) \\(at tasks\\[0\\]\\.deadlineNs\\)"), optional);
        String required = error(mutate("\"K\": 8", "\"K\": null"));
        assertTrue(required.startsWith("tiny.json:17:") && required.endsWith("(at models[0].layers[0].K)"), required);
    }

    @Test
    void zeroOrNegativeDimension() {
        assertEquals("tiny.json:17:9: The K (0) of layer 'a' must be positive (at models[0].layers[0].K)",
                error(mutate("\"K\": 8, \"C\": 4", "\"K\": 0, \"C\": 4")));
        assertEquals("tiny.json:17:9: The Y (-8) of layer 'a' must be positive (at models[0].layers[0].Y)",
                error(mutate("\"C\": 4, \"Y\": 8", "\"C\": 4, \"Y\": -8")));
    }

    @Test
    void wrongTypes() {
        assertEquals("tiny.json:17:52: Expected an integer here; Cannot coerce Floating-point value (8.5) to Integer value (at models[0].layers[0].K)",
                error(mutate("\"K\": 8, \"C\": 4", "\"K\": 8.5, \"C\": 4")));
        assertEquals("tiny.json:17:31: The value (CONVX) is not a valid LayerType; expected one of CONV, DSCONV, FC (at models[0].layers[0].type)",
                error(mutate("\"name\": \"a\", \"type\": \"CONV\"", "\"name\": \"a\", \"type\": \"CONVX\"")));
    }

    @Test
    void aNumberIsNoEnumValue() {
        // Jackson would take 1 as the second constant, DSCONV
        assertEquals("tiny.json:17:31: The value (1) is not a valid LayerType; expected one of CONV, DSCONV, FC (at models[0].layers[0].type)", error(mutate("\"name\": \"a\", \"type\": \"CONV\"", "\"name\": \"a\", \"type\": 1")));
    }

    @Test
    void aListOfTheWrongTypeIsNamedWithoutJavaTypes() {
        assertEquals("tiny.json:27:24: Expected a list here; Cannot deserialize a list from Integer value (at models[0].accuracy.rows[0].variants)",
                error(mutate("{\"variants\": [], \"value\": 70.0}", "{\"variants\": 3, \"value\": 70.0}")));
    }

    @Test
    void ratioMustDivideChannels() {
        assertEquals("tiny.json:12:5: The K (6) of layer 'b' is not divisible by r² = 4 (r = 2); maybe choose an r whose square divides both K and C (at models[0].candidates[0].r)",
                error(mutate("\"K\": 8, \"C\": 8", "\"K\": 6, \"C\": 8")));
    }

    @Test
    void accuracyTableNamingAnUnknownLayer() {
        assertEquals("tiny.json:12:5: The accuracy row 1 of model 'm' names an unknown layer ('zz'); candidates are [b] (at models[0].accuracy.rows[1].variants)",
                error(mutate("[\"b\"]", "[\"zz\"]")));
        assertEquals("tiny.json:12:5: The accuracy row 1 of model 'm' names a layer that is not a variant candidate ('a'); candidates are [b] (at models[0].accuracy.rows[1].variants)",
                error(mutate("[\"b\"]", "[\"a\"]")));
    }

    @Test
    void duplicateIds() {
        assertEquals("tiny.json:12:5: The layer name 'a' appears twice in model 'm'; it must be unique (at models[0].layers[1].name)",
                error(mutate("\"name\": \"b\"", "\"name\": \"a\"")));
        String twoTasks = mutate("\"weight\": 1.0}", "\"weight\": 1.0},\n    {\"id\": \"m\", \"model\": \"m\", \"fps\": 10}");
        assertEquals("tiny.json:1:1: The task id 'm' appears twice in instance 'tiny'; it must be unique (at tasks[1].id)", error(twoTasks));
    }

    @Test
    void dependencyOnAnUnknownModelOrTask() {
        assertEquals("tiny.json:1:1: The model ('q') of task 'm' is not defined in instance 'tiny'; known models are [m] (at tasks[0].model)",
                error(mutate("\"model\": \"m\"", "\"model\": \"q\"")));
        assertEquals("tiny.json:1:1: The dependency of task 'm' names an unknown task ('nope'); known tasks are [m] (at tasks[0].dependsOn.parent)",
                error(mutate("\"weight\": 1.0}", "\"weight\": 1.0, \"dependsOn\": {\"parent\": \"nope\", \"probability\": 1.0}}")));
    }

    @Test
    void wrongFormatVersion() {
        assertEquals("tiny.json:2:13: The format (terastal-instance/2) of the instance file is not supported; this build reads terastal-instance/1; "
                + "maybe the file was written by another version of terastal (at format)",
                error(mutate("terastal-instance/1", "terastal-instance/2")));
    }

    @Test
    void missingFileIsNamed() {
        InputException e = assertThrows(InputException.class, () -> InstanceFiles.read(Path.of("no/such.json")));
        assertEquals("no/such.json: No such file; check the path", e.getMessage());
    }

    @Test
    void writeIsAtomicAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Instance instance = InstanceFiles.parse("tiny.json", tiny());
        Path target = dir.resolve("out.json");
        InstanceFiles.write(target, instance);
        assertEquals(tiny(), Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertFalse(InstanceFiles.checksum(instance).isEmpty());
    }
}

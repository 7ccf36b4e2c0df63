package org.terastal.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.cli.LatencyInputs;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.scenario.suite.SuiteGenerator;
import org.terastal.scenario.suite.SuiteManifest;
import org.terastal.scenario.suite.SuiteSettings;
import org.terastal.scenario.suite.Suites;
import org.terastal.testkit.SixModels;

/** The published JSON Schemas accept every shipped file and reject what the readers reject. */
class SchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static Schema schema(String file) throws IOException {
        return REGISTRY.getSchema(JSON.readTree(Path.of("schema", file).toFile()));
    }

    static List<Path> models() throws IOException {
        return ShippedFilesTest.models();
    }

    static List<Path> instances() throws IOException {
        return ShippedFilesTest.instances();
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelFilesMatchTheModelSchema(Path file) throws IOException {
        assertEquals(List.of(), schema("terastal-model-1.schema.json").validate(JSON.readTree(file.toFile())));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void instanceFilesMatchTheInstanceSchema(Path file) throws IOException {
        assertEquals(List.of(), schema("terastal-instance-1.schema.json").validate(JSON.readTree(file.toFile())));
    }

    static List<Path> sweeps() throws IOException {
        return ShippedFilesTest.sweeps();
    }

    @ParameterizedTest
    @MethodSource("sweeps")
    void sweepFilesMatchTheSweepSchema(Path file) throws IOException {
        Schema schema = schema("terastal-sweep-1.schema.json");
        JsonNode sweep = JSON.readTree(file.toFile());
        assertEquals(List.of(), schema.validate(sweep));
        ((ObjectNode) sweep).put("seed", 1);
        String list = sweep.has("scenarios") ? "scenarios" : "suites";
        ((ObjectNode) sweep.get(list).get(0)).put("solutions", "x.json");
        String all = schema.validate(sweep).toString();
        assertEquals(true, all.contains("seed") && all.contains("solutions"), all);
    }

    static List<Path> xrbenchModels() throws IOException {
        return ShippedFilesTest.files("models/xrbench");
    }

    @ParameterizedTest
    @MethodSource("xrbenchModels")
    void xrbenchModelFilesMatchTheModelSchema(Path file) throws IOException {
        assertEquals(List.of(), schema("terastal-model-1.schema.json").validate(JSON.readTree(file.toFile())));
    }

    @Test
    void aSuiteManifestMatchesTheSuiteSchema(@TempDir Path dir) throws IOException {
        List<Model> pool = SixModels.models();
        Platform platform = SixModels.platform();
        LatencyTable latency = LatencyInputs.forInstance(SuiteSettings.poolInstance(pool, platform), null);
        Path out = dir.resolve("suite");
        Suites.write(out, SuiteGenerator.generate(SuiteSettings.builder("schema", pool, platform, latency, 1).sets(5).cascade(0.5)
                .deadline(new SuiteSettings.Range(0.8, 1)).build()), false);
        Schema schema = schema("terastal-suite-1.schema.json");
        JsonNode manifest = JSON.readTree(out.resolve(SuiteManifest.FILE).toFile());
        assertEquals(List.of(), schema.validate(manifest));
        for (JsonNode set : manifest.get("sets")) {
            JsonNode instance = JSON.readTree(out.resolve(set.get("file").asText()).toFile());
            assertEquals(List.of(), schema("terastal-instance-1.schema.json").validate(instance));
        }
        ((ObjectNode) manifest.get("settings")).put("sed", 1);
        ((ObjectNode) manifest.get("sets").get(0)).put("checksum", "md5:0");
        ((ObjectNode) manifest.get("sets").get(0).get("tasks").get(0)).remove("share");
        String all = schema.validate(manifest).toString();
        assertEquals(true, all.contains("sed") && all.contains("/sets/0/checksum") && all.contains("share"), all);
    }

    @Test
    void schemaRejectsAnUnknownFieldAndANonPositiveDimension() throws IOException {
        JsonNode tiny;
        try (InputStream in = SchemaTest.class.getResourceAsStream("/json/tiny.json")) {
            tiny = JSON.readTree(in);
        }
        Schema schema = schema("terastal-instance-1.schema.json");
        assertEquals(List.of(), schema.validate(tiny));
        ObjectNode layer = (ObjectNode) tiny.get("models").get(0).get("layers").get(0);
        layer.put("strid", 1);
        layer.put("K", 0);
        List<Error> errors = schema.validate(tiny);
        assertFalse(errors.isEmpty());
        String all = errors.toString();
        assertEquals(true, all.contains("strid") && all.contains("/models/0/layers/0/K"), all);
    }

    /** The schema carries the input limits the reader checks: a name unsafe as a file name, an fps or deadline out of range. */
    @Test
    void schemaRejectsAnUnsafeNameAndQuantitiesOutOfRange() throws IOException {
        JsonNode tiny;
        try (InputStream in = SchemaTest.class.getResourceAsStream("/json/tiny.json")) {
            tiny = JSON.readTree(in);
        }
        ((ObjectNode) tiny).put("name", "../escaped");
        ObjectNode task = (ObjectNode) tiny.get("tasks").get(0);
        task.put("fps", 1e9);
        task.put("deadlineNs", Long.MAX_VALUE);
        String all = schema("terastal-instance-1.schema.json").validate(tiny).toString();
        assertTrue(all.contains("/name") && all.contains("/tasks/0/fps") && all.contains("/tasks/0/deadlineNs"), all);
    }
}

package org.terastal.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
        ((ObjectNode) sweep.get("scenarios").get(0)).put("solutions", "x.json");
        String all = schema.validate(sweep).toString();
        assertEquals(true, all.contains("seed") && all.contains("solutions"), all);
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
}

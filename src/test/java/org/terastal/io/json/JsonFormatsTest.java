package org.terastal.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.terastal.io.InputException;

/** The format field is read before the rest of a file, and a file of another format is named as such. */
class JsonFormatsTest {
    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String refusal(String json, String tag) {
        return assertThrows(InputException.class, () -> JsonFormats.require("f.json", bytes(json), tag)).getMessage();
    }

    @Test
    void theFormatIsFoundBeforeTheRestIsParsed() {
        assertEquals(new JsonFormats.Found(JsonFormats.SWEEP, 2, 25),
                JsonFormats.formatOf("f.json", bytes("{\"description\": {\"a\": [1, 2]},\n  \"late\": [], \"format\": \"terastal-sweep/1\",\n  \"loads\": [1,,]")));
        assertNull(JsonFormats.formatOf("f.json", bytes("{\"name\": \"x\", \"models\": []}")));
        assertEquals("f.json:1:1: Expected a JSON object with a \"format\" field; the file holds [",
                assertThrows(InputException.class, () -> JsonFormats.formatOf("f.json", bytes("[1]"))).getMessage());
        assertEquals("f.json:1:12: The format (1) is not a string such as \"terastal-instance/1\" (at format)",
                assertThrows(InputException.class, () -> JsonFormats.formatOf("f.json", bytes("{\"format\": 1}"))).getMessage());
    }

    @Test
    void eachOfTheToolkitsFormatsIsNamed() {
        assertEquals("f.json:1:12: The file is a sweep file (terastal-sweep/1), not an instance file (terastal-instance/1); "
                + "maybe the files were given in the wrong order (at format)", refusal("{\"format\": \"terastal-sweep/1\", \"x\": ", JsonFormats.INSTANCE));
        assertEquals("f.json:1:12: The file is a solution table (terastal-solution/1), not a suite manifest (suite.json) (terastal-suite/1); "
                + "maybe the files were given in the wrong order (at format)", refusal("{\"format\": \"terastal-solution/1\"}", JsonFormats.SUITE));
        assertEquals("f.json:1:12: The format (terastal-sweep-manifest/2) of the sweep folder manifest (sweep-manifest.json) is not supported; "
                        + "this build reads terastal-sweep-manifest/1; maybe the file was written by another version of terastal (at format)",
                refusal("{\"format\": \"terastal-sweep-manifest/2\"}", JsonFormats.SWEEP_MANIFEST));
        assertEquals("f.json:1:12: The format (geojson) is not one of terastal's; a model file has the format terastal-model/1 (at format)",
                refusal("{\"format\": \"geojson\"}", JsonFormats.MODEL));
        assertEquals("f.json: The file has no \"format\" field, which an instance file starts with (\"format\": \"terastal-instance/1\"); "
                + "maybe it is not an instance file", refusal("{\"scenarios\": []}", JsonFormats.INSTANCE));
    }

    @Test
    void readersCheckTheFormatFirst() {
        String sweep = "{\"format\": \"terastal-sweep/1\", \"scenarios\": [{\"instance\": \"a.json\"}]}";
        assertEquals("s.json:1:12: The file is a sweep file (terastal-sweep/1), not an instance file (terastal-instance/1); "
                + "maybe the files were given in the wrong order (at format)",
                assertThrows(InputException.class, () -> InstanceFiles.parse("s.json", sweep)).getMessage());
        assertEquals("s.json:1:12: The file is a sweep file (terastal-sweep/1), not a solution table (terastal-solution/1); "
                + "maybe the files were given in the wrong order (at format)",
                assertThrows(InputException.class, () -> SolutionFiles.parse("s.json", sweep)).getMessage());
    }
}

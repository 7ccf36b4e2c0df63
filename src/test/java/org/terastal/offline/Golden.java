package org.terastal.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.provider.Arguments;

/** The golden manifest src/test/resources/offline/golden.csv, one argument set per row and listed back-end. */
final class Golden {
    /**
     * One row.
     *
     * @param instance    test instance name ({@link TestInstances#named})
     * @param formulation formulation label
     * @param terms       proven optimal objective terms
     * @param backends    back-ends expected to prove them
     * @param slow        whether the row runs only with -Pslow
     */
    record Row(String instance, String formulation, Map<String, Long> terms, List<String> backends, boolean slow) {
        @Override
        public String toString() {
            return instance + " " + formulation;
        }
    }

    private Golden() {
    }

    static List<Row> rows() {
        try (InputStream in = Golden.class.getResourceAsStream("/offline/golden.csv")) {
            List<Row> rows = new ArrayList<>();
            String[] header = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.strip().split(",");
                if (header == null) {
                    header = f;
                    continue;
                }
                Map<String, Long> terms = new LinkedHashMap<>();
                for (int i = 2; i < 5; i++) {
                    terms.put(header[i], Long.parseLong(f[i]));
                }
                rows.add(new Row(f[0], f[1], terms, List.of(f[5].split(" ")), f[6].equals("slow")));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** (row, back-end) pairs of the fast or the slow rows. */
    static List<Arguments> cases(boolean slow) {
        List<Arguments> out = new ArrayList<>();
        for (Row row : rows()) {
            if (row.slow() == slow) {
                row.backends().forEach(b -> out.add(Arguments.of(b, row)));
            }
        }
        return out;
    }
}

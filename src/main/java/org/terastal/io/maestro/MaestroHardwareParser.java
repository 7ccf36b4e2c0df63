package org.terastal.io.maestro;

import static org.terastal.io.maestro.MaestroTokens.describe;
import static org.terastal.io.maestro.MaestroTokens.position;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.terastal.domain.Limits;
import org.terastal.io.InputException;
import org.terastal.io.maestro.MaestroTokens.Kind;
import org.terastal.io.maestro.MaestroTokens.Token;

/**
 * Reads the hardware files of XRBench's MAESTRO, one block per accelerator:
 *
 * <pre>
 * Accelerator Acc0_2K {
 *   num_pes: 2048
 *   offchip_bw: 128
 *   top_noc_bw: 128
 *   top_noc_latency: 1
 *   top_noc_multicast: True
 *   col_noc_bw: 128
 *   col_noc_latency: 1
 *   col_noc_multicast: True
 *   global_shared_memory: 2097152 // 2 MiB
 *   PE_local_memory: 8192 // 8KiB
 * }
 * </pre>
 *
 * <p>Every key is required, once, in any order; an unknown key is an error naming the allowed
 * ones. Counts, bandwidths and memory sizes are positive integers, latencies non-negative,
 * multicast flags {@code True} or {@code False}.
 */
public final class MaestroHardwareParser {

    private static final List<String> KEYS = List.of("num_pes", "offchip_bw", "top_noc_bw", "top_noc_latency",
            "top_noc_multicast", "col_noc_bw", "col_noc_latency", "col_noc_multicast", "global_shared_memory",
            "PE_local_memory");

    private MaestroHardwareParser() {
    }

    /**
     * Reads a hardware file (UTF-8); errors name the file as {@code file.toString()}.
     *
     * @throws InputException when the content is not a valid hardware file
     * @throws IOException    when the file cannot be read
     */
    public static MaestroHardware parse(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file));
    }

    /**
     * Parses the text of a hardware file.
     *
     * @param fileName the file name to report in errors, as the user gave it
     * @param text     the content
     * @throws InputException when the content is not a valid hardware file
     */
    public static MaestroHardware parse(String fileName, String text) {
        MaestroTokens tokens = new MaestroTokens(fileName, text);
        List<MaestroAccelerator> accelerators = new ArrayList<>();
        Map<String, Token> names = new HashMap<>();
        while (tokens.peek().kind() != Kind.END) {
            Token keyword = tokens.peek();
            if (!keyword.isWord("Accelerator")) {
                throw tokens.error(keyword, null, "Expected 'Accelerator' at the top level, found " + describe(keyword));
            }
            tokens.take();
            Token name = tokens.expect(Kind.WORD, "an accelerator name after 'Accelerator'", null);
            Token first = names.putIfAbsent(name.text(), name);
            if (first != null) {
                throw tokens.error(name, "Accelerator " + name.text(),
                        "Duplicate accelerator '" + name.text() + "'; the first is at " + position(first));
            }
            accelerators.add(accelerator(tokens, keyword, name));
        }
        if (accelerators.isEmpty()) {
            throw tokens.error(tokens.peek(), null, "No accelerator found; a MAESTRO hardware file holds one or more "
                    + "'Accelerator NAME { ... }' blocks");
        }
        return new MaestroHardware(fileName, accelerators);
    }

    /** The largest value of a key: the range of the accelerator field it becomes, so that it fails here, at its line. */
    private static long max(String key) {
        return switch (key) {
            case "num_pes" -> Limits.MAX_PES;
            case "offchip_bw", "top_noc_bw" -> Limits.MAX_BANDWIDTH;
            case "global_shared_memory", "PE_local_memory" -> Limits.MAX_MEMORY_BYTES;
            default -> Integer.MAX_VALUE;
        };
    }

    private static MaestroAccelerator accelerator(MaestroTokens tokens, Token keyword, Token name) {
        String path = "Accelerator " + name.text();
        Token open = tokens.expect(Kind.OPEN, "'{' after the accelerator name", path);
        Map<String, Token> seen = new HashMap<>();
        Map<String, Long> numbers = new HashMap<>();
        Map<String, Boolean> flags = new HashMap<>();
        while (tokens.inBlock(open, path)) {
            Token key = tokens.key(KEYS, "an accelerator", path);
            String keyPath = path + " > " + key.text();
            Token first = seen.putIfAbsent(key.text(), key);
            if (first != null) {
                throw tokens.error(key, keyPath, "Duplicate key '" + key.text() + "'; the first is at " + position(first));
            }
            Token value = tokens.value(key, keyPath);
            if (key.text().endsWith("_multicast")) {
                if (!value.text().matches("True|False|true|false")) {
                    throw tokens.error(value, keyPath, key.text() + " must be True or False, found '" + value.text() + "'");
                }
                flags.put(key.text(), Boolean.parseBoolean(value.text()));
            } else {
                int min = key.text().endsWith("_latency") ? 0 : 1;
                numbers.put(key.text(), tokens.integer(value, key.text(), min, max(key.text()), keyPath));
            }
        }
        for (String key : KEYS) {
            if (!seen.containsKey(key)) {
                throw tokens.error(keyword, path + " > " + key, "Missing key '" + key + "'; an accelerator needs "
                        + String.join(", ", KEYS));
            }
        }
        return new MaestroAccelerator(name.text(), numbers.get("num_pes").intValue(), numbers.get("offchip_bw").intValue(),
                numbers.get("top_noc_bw").intValue(), numbers.get("top_noc_latency").intValue(), flags.get("top_noc_multicast"),
                numbers.get("col_noc_bw").intValue(), numbers.get("col_noc_latency").intValue(), flags.get("col_noc_multicast"),
                numbers.get("global_shared_memory"), numbers.get("PE_local_memory"));
    }
}

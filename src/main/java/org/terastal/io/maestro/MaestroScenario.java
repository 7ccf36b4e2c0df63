package org.terastal.io.maestro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The networks of one MAESTRO model file, in file order (an XRBench usage scenario when the
 * networks carry FPS).
 *
 * @param networks at least one, unique names; every dependency names another network of the
 *                 scenario and the dependencies form no cycle
 */
public record MaestroScenario(List<MaestroNetwork> networks) {

    public MaestroScenario {
        if (networks == null || networks.isEmpty()) {
            throw new IllegalArgumentException("The networks of a MAESTRO scenario are missing; give at least one");
        }
        networks = List.copyOf(networks);
        Map<String, MaestroNetwork> byName = new HashMap<>();
        for (MaestroNetwork network : networks) {
            if (byName.put(network.name(), network) != null) {
                throw new IllegalArgumentException("The network name '" + network.name() + "' appears twice in a MAESTRO scenario");
            }
        }
        for (MaestroNetwork network : networks) {
            if (network.dependency() != null && !byName.containsKey(network.dependency())) {
                throw new IllegalArgumentException("The dependency of network '" + network.name() + "' names an unknown network ('"
                        + network.dependency() + "'); networks are " + names(networks));
            }
            List<String> chain = dependencyCycle(network.name(), byName);
            if (!chain.isEmpty()) {
                throw new IllegalArgumentException("The dependencies of network '" + network.name() + "' form a cycle: "
                        + String.join(" -> ", chain));
            }
        }
    }

    /** The network with that name. */
    public MaestroNetwork network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("No network '" + name + "' in the scenario; networks are " + names(networks)));
    }

    static String names(List<MaestroNetwork> networks) {
        return String.join(", ", networks.stream().map(MaestroNetwork::name).toList());
    }

    /**
     * The chain from a network back to itself along dependencies, e.g. {@code [A, B, A]}, or
     * empty when following its parents ends at an independent network.
     */
    static List<String> dependencyCycle(String start, Map<String, MaestroNetwork> byName) {
        List<String> chain = new ArrayList<>();
        String current = start;
        while (current != null && byName.containsKey(current)) {
            if (chain.contains(current)) {
                chain.add(current);
                return current.equals(start) ? chain : List.of();
            }
            chain.add(current);
            current = byName.get(current).dependency();
        }
        return List.of();
    }
}

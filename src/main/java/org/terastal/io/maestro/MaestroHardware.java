package org.terastal.io.maestro;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.io.InputException;

/**
 * The accelerators of one hardware file, in file order.
 *
 * @param file         the file name as the user gave it, for errors found after parsing
 * @param accelerators at least one, unique names
 */
public record MaestroHardware(String file, List<MaestroAccelerator> accelerators) {

    public MaestroHardware {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("The file name of a MAESTRO hardware description is missing");
        }
        if (accelerators == null || accelerators.isEmpty()) {
            throw new IllegalArgumentException("The accelerators of " + file + " are missing; give at least one");
        }
        accelerators = List.copyOf(accelerators);
        Set<String> seen = new HashSet<>();
        for (MaestroAccelerator accelerator : accelerators) {
            if (!seen.add(accelerator.name())) {
                throw new IllegalArgumentException("The accelerator name '" + accelerator.name() + "' appears twice in " + file);
            }
        }
    }

    /**
     * Domain accelerators, the i-th block with the i-th dataflow (hardware files carry no
     * dataflow; MAESTRO takes it from a separate file with one block per accelerator, in order).
     *
     * @throws InputException when the number of dataflows differs from the number of accelerators
     */
    public List<Accelerator> toAccelerators(List<Dataflow> dataflows) {
        if (dataflows.size() != accelerators.size()) {
            String names = String.join(", ", accelerators.stream().map(MaestroAccelerator::name).toList());
            String given = dataflows.isEmpty() ? "" : " (" + String.join(", ", dataflows.stream().map(Dataflow::name).toList()) + ")";
            throw new InputException(file, 0, 0, null, "The file defines " + plural(accelerators.size(), "accelerator")
                    + " (" + names + ") but " + plural(dataflows.size(), "dataflow") + (dataflows.size() == 1 ? " was" : " were")
                    + " given" + given + "; give one dataflow per accelerator, in order");
        }
        List<Accelerator> out = new ArrayList<>();
        for (int i = 0; i < accelerators.size(); i++) {
            out.add(accelerators.get(i).toAccelerator(dataflows.get(i)));
        }
        return out;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}

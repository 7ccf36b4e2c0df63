package org.terastal.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A DNN model: an ordered chain of layers, its variant candidates, their measured accuracy
 * and the accuracy floor that every combination used at run time must meet.
 *
 * @param id            unique model id
 * @param description   free text (source of the dims), may be empty
 * @param layers        layers in execution order
 * @param candidates    layers that may run as variants
 * @param accuracy      measured accuracy table, or null for a model without candidates
 * @param accuracyFloor lowest admissible normalised accuracy, in (0, 1]
 */
public record Model(String id, String description, List<Layer> layers, List<VariantCandidate> candidates,
                    AccuracyTable accuracy, double accuracyFloor) {

    public Model {
        Limits.requireName(id, "id", "a model");
        String where = "model '" + id + "'";
        description = description == null ? "" : description;
        if (layers == null || layers.isEmpty()) {
            throw new DomainException("layers", "The layers of " + where + " are missing; a model needs at least one layer");
        }
        Limits.inRange(layers.size(), 1, Limits.MAX_LAYERS, "layers", where, "layers");
        layers = List.copyOf(layers);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        Limits.inRange(candidates.size(), 0, Limits.MAX_CANDIDATES, "candidates", where, "candidates");
        Checks.unique(layers, Layer::name, "layer name", where, "layers", "name");
        Checks.unique(candidates, VariantCandidate::layer, "variant candidate", where, "candidates", "layer");
        Map<String, Layer> byName = new HashMap<>();
        layers.forEach(layer -> byName.put(layer.name(), layer));
        Set<String> candidateNames = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            VariantCandidate candidate = candidates.get(i);
            Layer layer = byName.get(candidate.layer());
            if (layer == null) {
                throw new DomainException("candidates[" + i + "].layer", "The variant candidate '" + candidate.layer() + "' of " + where
                        + " names no layer of the model; maybe a typo in the layer name");
            }
            try {
                layer.variant(candidate.ratio());
            } catch (IllegalArgumentException e) {
                throw new DomainException("candidates[" + i + "].r", e.getMessage());
            }
            candidateNames.add(candidate.layer());
        }
        if (!(accuracyFloor > 0 && accuracyFloor <= 1)) {
            throw new DomainException("accuracyFloor", "The accuracyFloor (" + accuracyFloor + ") of " + where
                    + " must be a normalised accuracy in (0, 1], e.g. 0.97 for 97% of the baseline");
        }
        if (!candidates.isEmpty() && accuracy == null) {
            throw new DomainException("accuracy", "The accuracy table of " + where
                    + " is missing; a model with variant candidates needs measured accuracy for their combinations");
        }
        if (accuracy != null) {
            List<AccuracyRow> rows = accuracy.rows();
            for (int i = 0; i < rows.size(); i++) {
                for (String name : rows.get(i).variants()) {
                    if (!candidateNames.contains(name)) {
                        String what = byName.containsKey(name) ? "a layer that is not a variant candidate" : "an unknown layer";
                        throw new DomainException("accuracy.rows[" + i + "].variants", "The accuracy row " + i + " of " + where + " names " + what
                                + " ('" + name + "'); candidates are " + candidateNames.stream().sorted().toList());
                    }
                }
            }
        }
    }

    /** Index of the layer with that name, or -1. */
    public int layerIndex(String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The candidate entry of a layer, if it has one. */
    public Optional<VariantCandidate> candidate(String layerName) {
        return candidates.stream().filter(c -> c.layer().equals(layerName)).findFirst();
    }

    /** The variant (inner conv) of a candidate layer. */
    public Optional<Layer> variantOf(int layerIndex) {
        Layer layer = layers.get(layerIndex);
        return candidate(layer.name()).map(c -> layer.variant(c.ratio()));
    }

    /** Normalised accuracy of running exactly these candidates as variants; empty if unmeasured. */
    public OptionalDouble normalisedAccuracy(Set<String> variants) {
        if (variants.isEmpty()) {
            return OptionalDouble.of(1.0);
        }
        return accuracy == null ? OptionalDouble.empty() : accuracy.normalised(variants);
    }

    /** Total MACs of one inference with original layers. */
    public long macs() {
        return layers.stream().mapToLong(Layer::macs).sum();
    }
}

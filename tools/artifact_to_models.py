#!/usr/bin/env python3
"""Build the toolkit's model files and MAESTRO latency table for the six published Terastal models.

Usage:
    python3 tools/artifact_to_models.py REFERENCE_DIR OUT_DIR

REFERENCE_DIR is the extracted Terastal artifact folder (the one holding maestro_per_layer.csv,
layers/ and accuracy/). OUT_DIR receives:

    OUT_DIR/models/<id>.json                          one terastal-model/1 file per model
    OUT_DIR/latency/six-models-maestro-dual2048.csv   MAESTRO latencies, WS and OS at 2048 PEs

Every decision (which rows, which ratio, how padding is recovered, which layers are FC) is
documented in tools/README.md. The script cross-checks the artifact's files against each
other and stops with a message on the first inconsistency it cannot explain. Python 3 stdlib
only; the output is byte-identical from run to run.
"""

import csv
import json
import os
import re
import sys

MODEL_IDS = ["vgg11", "resnet50", "inceptionv3", "mobilenetv2_ssd", "swin_tiny", "sp2dense"]

ACCURACY_FLOOR = 0.97

# MAESTRO configuration used for the latency table (hw_config column of maestro_per_layer.csv).
HW_CONFIG = "Dual_4K"
NUM_PES = "2048"
# accelerator id in the output -> dataflow column of maestro_per_layer.csv
ACCELERATORS = [("ws", "WS"), ("os", "OS")]

LATENCY_FILE = "six-models-maestro-dual2048.csv"

# Candidates the paper uses, idx -> r. Derived from the data (paper_subset rows and their ratios)
# and asserted against this table, which restates the artifact README's candidate table.
EXPECTED_CANDIDATES = {
    "vgg11": {1: 2, 2: 2, 3: 2, 4: 2},
    "resnet50": {0: 2, 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2},
    "inceptionv3": {0: 2, 1: 2, 2: 2},
    "mobilenetv2_ssd": {0: 3, 1: 2, 2: 2, 3: 2},
    "swin_tiny": {0: 2, 1: 2, 2: 2, 3: 2},
    "sp2dense": {0: 2, 1: 2, 2: 2, 3: 2},
}

# Layers that are torch Linear modules (exported by MAESTRO as 1x1 CONV on a 1x1 map); they become FC.
FC_LAYERS = {
    "vgg11": re.compile(r"^classifier_\d+$"),
    "resnet50": re.compile(r"^fc$"),
    "inceptionv3": re.compile(r"^fc$"),
    "mobilenetv2_ssd": None,
    "swin_tiny": re.compile(
        r"^swin_encoder_layers_\d+_("
        r"blocks_\d+_(attention_self_(query|key|value)|attention_output_dense|intermediate_dense|output_dense)"
        r"|downsample_reduction)$|^classifier$"),
    "sp2dense": None,
}

METRIC_NAMES = {"top5_pct": "top5_pct", "mAP": "mAP", "delta1": "delta1"}

DESCRIPTIONS = {
    "vgg11": (
        "VGG11 (torchvision, ImageNet, 224x224) from noiper/terastal-layer-versioning @52d1bab via the Terastal "
        "artifact extraction; metric ImageNet top-5 %. Candidates are the paper subset idx1-4 (features.16, "
        "features.18, classifier.0, classifier.3), all at the trained ratio r=2 (features.8/idx0 and every row "
        "containing it are left out; profiling once used r=4 for classifier.0, never trained); no single "
        "variant reaches the 0.97 floor (best: features.16 at 0.930 of the baseline)."),
    "resnet50": (
        "ResNet50 (torchvision, ImageNet, 224x224) from noiper/terastal-layer-versioning @52d1bab via the Terastal "
        "artifact extraction; metric ImageNet top-5 %. Residual adds are exported as *_Residual depthwise 1x1 "
        "layers and downsample convs are absent; the variant dims are formula-derived (no variant export in the "
        "repository); epoch count of the retraining unverified."),
    "inceptionv3": (
        "InceptionV3 (torchvision, ImageNet, 299x299) from noiper/terastal-layer-versioning @52d1bab via the "
        "Terastal artifact extraction; metric ImageNet top-5 %. Combinations that include Conv2d_4a fall to chance "
        "level, possibly an assembly artifact (KNOWN_ISSUES); the asymmetric padding of the 1x7/7x1/1x3/3x1 convs "
        "is folded into X or Y (see tools/README.md)."),
    "mobilenetv2_ssd": (
        "MobileNetV2-SSD-Lite (VOC, 300x300) from noiper/terastal-layer-versioning @52d1bab via the Terastal "
        "artifact extraction; metric VOC mAP as a fraction. classification_headers.0.3 uses r=3 because 126 is not "
        "divisible by 16; the other three candidates use r=2; training used an uncropped D2S with inner pad p, "
        "which is immaterial for these 1x1 pad-0 candidates."),
    "swin_tiny": (
        "Swin-Tiny (HuggingFace, ImageNet, 224x224) from noiper/terastal-layer-versioning @52d1bab via the Terastal "
        "artifact extraction; metric ImageNet top-5 %. Token-wise Linear layers carry their token map as Y x X with "
        "N=1 (the export lost the tokens); attention matmuls are absent; candidates at the trained r=2; the "
        "evaluator loaded the classifier from the idx0 checkpoint even for the baseline, and idx0+idx2 is "
        "non-monotone (worse than all four)."),
    "sp2dense": (
        "Sparse-to-Dense ResNet18-UpProj (RGBD 228x304) from noiper/terastal-layer-versioning @52d1bab via the "
        "Terastal artifact extraction; metric depth delta1 (fraction). Residual adds are *_Residual depthwise 1x1 "
        "layers, unpooling is absent, variant dims are formula-derived, and the checkpoint says NYU Depth V2 while "
        "the paper says KITTI (unresolved)."),
}

CAVEAT_INCEPTION_4A = "suspect: possibly an assembly artifact (KNOWN_ISSUES)"
CAVEAT_SWIN_BASELINE = ("caveat: the Swin evaluator loads the classifier from the idx0 checkpoint, "
                        "also for this baseline (KNOWN_ISSUES)")
CAVEAT_SWIN_NONMONOTONE = "caveat: non-monotone, worse than all four converted (KNOWN_ISSUES)"


class DataError(Exception):
    pass


def check(condition, message):
    if not condition:
        raise DataError(message)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def smallest_pad(size, kernel, stride, out):
    """Smallest p >= 0 with size + 2p >= kernel and floor((size + 2p - kernel) / stride) + 1 == out."""
    for p in range(0, kernel + 1):
        if size + 2 * p >= kernel and (size + 2 * p - kernel) // stride + 1 == out:
            return p
    return None


def out_size(size, kernel, stride, pad):
    return (size + 2 * pad - kernel) // stride + 1


def is_token_row(row):
    return "tokens folded" in row["note"]


def load_maestro(reference_dir):
    rows = read_csv(os.path.join(reference_dir, "maestro_per_layer.csv"))
    table = {}
    for row in rows:
        if row["hw_config"] != HW_CONFIG:
            continue
        check(row["num_pes"] == NUM_PES, "maestro row %s/%s at %s has num_pes %s, expected %s"
              % (row["model"], row["layer_name"], HW_CONFIG, row["num_pes"], NUM_PES))
        key = (row["model"], row["kind"], int(row["layer_index"]), row["dataflow"])
        check(key not in table, "duplicate maestro row %s" % (key,))
        table[key] = row
    return table


def build_layers(model, maestro, exported):
    """Original layers in execution order, from the WS rows, cross-checked with layers/<model>.csv."""
    ws_rows = sorted((row for (m, kind, _, df), row in maestro.items()
                      if m == model and kind == "original" and df == "WS"),
                     key=lambda r: int(r["layer_index"]))
    check([int(r["layer_index"]) for r in ws_rows] == list(range(len(ws_rows))),
          "%s: maestro original layer indices are not 0..n-1" % model)
    check(len(ws_rows) == len(exported),
          "%s: maestro has %d original layers, layers/%s.csv has %d" % (model, len(ws_rows), model, len(exported)))
    fc_pattern = FC_LAYERS[model]
    layers = []
    folded = []
    for row, exp in zip(ws_rows, exported):
        name = row["layer_name"]
        where = "%s layer %s (%s)" % (model, row["layer_index"], name)
        check(exp["layer_name"] == name and int(exp["layer_index"]) == int(row["layer_index"]),
              "%s: name/index differ from layers csv (%s)" % (where, exp["layer_name"]))
        for field in ("K", "C", "R", "S"):
            check(exp[field] == row[field], "%s: %s differs (%s vs %s)" % (where, field, exp[field], row[field]))
        check(exp["stride_x"] == exp["stride_y"] == row["stride"], "%s: stride differs" % where)
        check(exp["type"] == row["type"], "%s: type differs" % where)
        check(exp["N"] == row["N_exported"] and exp["Y"] == row["Y_exported"] and exp["X"] == row["X_exported"],
              "%s: exported N/Y/X differ between the two files" % where)
        k, c, r, s, stride = (int(row[f]) for f in ("K", "C", "R", "S", "stride"))
        y_out, x_out = int(row["Yout"]), int(row["Xout"])
        if is_token_row(row):
            # Token-wise Linear of Swin: the corrected row carries the token map, N=1.
            n, y, x = int(row["N"]), int(row["Y"]), int(row["X"])
            check(n == 1 and r == 1 and s == 1 and stride == 1 and (y, x) == (y_out, x_out),
                  "%s: token row is not a 1x1 stride-1 map with N=1" % where)
            tokens = int(row["N_exported"]) * int(row["Y_exported"]) * int(row["X_exported"])
            check(tokens <= y * x, "%s: token map smaller than the exported tokens" % where)
        else:
            n, y, x = int(row["N_exported"]), int(row["Y_exported"]), int(row["X_exported"])
            check(n == int(row["N"]), "%s: N changed without a token note" % where)
        if row["type"] == "DSCONV":
            check(k == 1, "%s: depthwise layer with K != 1" % where)
            layer_type = "DSCONV"
        elif fc_pattern is not None and fc_pattern.match(name):
            check(r == 1 and s == 1 and stride == 1, "%s: FC layer is not 1x1 stride 1" % where)
            check(row["Y_exported"] == "1" and row["X_exported"] == "1",
                  "%s: Linear export should record a 1x1 map" % where)
            layer_type = "FC"
        else:
            check(row["type"] == "CONV", "%s: unknown exported type %s" % (where, row["type"]))
            layer_type = "CONV"
        pad_y = smallest_pad(y, r, stride, y_out)
        pad_x = smallest_pad(x, s, stride, x_out)
        check(pad_y is not None and pad_x is not None,
              "%s: no padding gives the true output %dx%d from %dx%d" % (where, y_out, x_out, y, x))
        layer = {"name": name, "type": layer_type, "N": n, "K": k, "C": c, "Y": y, "X": x,
                 "R": r, "S": s, "stride": stride}
        if pad_y == pad_x:
            layer["pad"] = pad_y
        else:
            # Inception's 1x7 / 7x1 / 1x3 / 3x1 convs pad only along the filter's long axis.
            folded.append((name, pad_y, pad_x))
            layer["padY"] = pad_y
            layer["padX"] = pad_x
        check(min(n, k, c, y, x, r, s, stride) > 0, "%s: non-positive dimension" % where)
        check(out_size(y, r, stride, pad_y) == y_out and out_size(x, s, stride, pad_x) == x_out,
              "%s: output size does not match Yout/Xout" % where)
        layers.append(layer)
    names = [layer["name"] for layer in layers]
    check(len(set(names)) == len(names), "%s: duplicate layer names" % model)
    return layers, folded


def variant_of(layer, ratio):
    r2 = ratio * ratio
    return {"K": layer["K"] // r2, "C": layer["C"] // r2, "Y": layer["Y"] * ratio, "X": layer["X"] * ratio,
            "R": layer["R"], "S": layer["S"], "stride": layer["stride"], "N": layer["N"],
            "padY": pad_of(layer, "Y") * ratio, "padX": pad_of(layer, "X") * ratio}


def pad_of(layer, axis):
    return layer["pad"] if "pad" in layer else layer["pad" + axis]


def build_candidates(model, layers, maestro, variant_rows, accuracy_rows):
    """Kept candidates: idx used in paper-subset accuracy rows, at the ratio those rows used."""
    ratios = {}
    for row in accuracy_rows:
        if row["paper_subset"] != "true" or not row["converted_idx"]:
            continue
        idxs = row["converted_idx"].split(";")
        rs = row["ratios"].split(";")
        check(len(idxs) == len(rs), "%s accuracy row %s: idx and ratios differ in length" % (model, row["source_row"]))
        for idx, r in zip(idxs, rs):
            i = int(idx[3:])
            check(ratios.setdefault(i, int(r)) == int(r), "%s: idx%d used with two ratios" % (model, i))
    check(ratios == EXPECTED_CANDIDATES[model],
          "%s: candidates from the data %s differ from the expected %s" % (model, ratios, EXPECTED_CANDIDATES[model]))
    by_name = {layer["name"]: (i, layer) for i, layer in enumerate(layers)}
    candidates = []
    for idx in sorted(ratios):
        ratio = ratios[idx]
        matches = [v for v in variant_rows if int(v["candidate_idx"]) == idx and int(v["r"]) == ratio]
        check(len(matches) == 1, "%s idx%d r=%d: %d rows in the variants csv" % (model, idx, ratio, len(matches)))
        vrow = matches[0]
        name = vrow["orig_layer_name"]
        where = "%s candidate idx%d (%s, r=%d)" % (model, idx, name, ratio)
        check(name in by_name, "%s: not an original layer" % where)
        position, layer = by_name[name]
        check(position == int(vrow["maestro_layer_index"]), "%s: maestro index differs" % where)
        check(layer["type"] != "DSCONV", "%s: a depthwise layer cannot be a candidate" % where)
        check(layer["K"] % (ratio * ratio) == 0 and layer["C"] % (ratio * ratio) == 0,
              "%s: K or C not divisible by r^2" % where)
        orig_ws = maestro[(model, "original", position, "WS")]
        check(orig_ws["candidate_idx"] == str(idx) and orig_ws["r"] == str(ratio),
              "%s: maestro original row does not mark this candidate" % where)
        var = variant_of(layer, ratio)
        mrow = maestro.get((model, "variant", position, "WS"))
        check(mrow is not None and mrow["candidate_idx"] == str(idx) and mrow["r"] == str(ratio),
              "%s: no maestro variant row" % where)
        # K', C', R, S, stride against the maestro variant row and the variants csv.
        for field, vfield in (("K", "var_K"), ("C", "var_C"), ("R", "var_R"), ("S", "var_S"), ("stride", "var_stride")):
            check(var[field] == int(mrow[field]) == int(vrow[vfield]),
                  "%s: variant %s %d vs maestro %s vs variants csv %s" % (where, field, var[field], mrow[field], vrow[vfield]))
        # Input Y', X': exported values, or for token rows the corrected token map.
        if is_token_row(orig_ws):
            check((var["N"], var["Y"], var["X"]) == (int(mrow["N"]), int(mrow["Y"]), int(mrow["X"])),
                  "%s: variant token map differs from maestro" % where)
            tokens = int(vrow["var_N"]) * int(vrow["var_Y"]) * int(vrow["var_X"])
            check(tokens == var["Y"] * var["X"], "%s: exported variant tokens %d != %dx%d"
                  % (where, tokens, var["Y"], var["X"]))
        else:
            check((var["N"], var["Y"], var["X"]) == (int(mrow["N_exported"]), int(mrow["Y_exported"]),
                                                     int(mrow["X_exported"])),
                  "%s: variant input differs from the maestro export" % where)
            check((var["N"], var["Y"], var["X"]) == (int(vrow["var_N"]), int(vrow["var_Y"]), int(vrow["var_X"])),
                  "%s: variant input differs from the variants csv" % where)
        check(out_size(var["Y"], var["R"], var["stride"], var["padY"]) == int(mrow["Yout"])
              and out_size(var["X"], var["S"], var["stride"], var["padX"]) == int(mrow["Xout"]),
              "%s: variant output with pad*r does not match maestro Yout/Xout" % where)
        candidates.append({"idx": idx, "layer": name, "r": ratio, "module": vrow["module_path"],
                           "position": position})
    return candidates


def build_accuracy(model, accuracy_rows, candidates):
    by_idx = {c["idx"]: c for c in candidates}
    metric = None
    rows = []
    for row in accuracy_rows:
        if row["paper_subset"] != "true":
            continue
        check(row["model"] == model, "accuracy row of another model")
        metric = metric or row["paper_metric"]
        check(row["paper_metric"] == metric, "%s: mixed paper metrics" % model)
        names = []
        if row["converted_idx"]:
            modules = row["converted_layers"].split(";")
            for idx_text, module in zip(row["converted_idx"].split(";"), modules):
                candidate = by_idx[int(idx_text[3:])]
                check(candidate["module"] == module, "%s row %s: idx %s is %s, not %s"
                      % (model, row["source_row"], idx_text, candidate["module"], module))
                names.append(candidate["layer"])
        check(len(names) == int(row["n_converted"]), "%s row %s: n_converted mismatch" % (model, row["source_row"]))
        note = row["source_label"]
        idxs = set(int(t[3:]) for t in row["converted_idx"].split(";")) if row["converted_idx"] else set()
        if model == "inceptionv3" and 0 in idxs and float(row["top1_pct"]) < 1.0:
            note += "; " + CAVEAT_INCEPTION_4A
        if model == "swin_tiny" and not idxs:
            note += "; " + CAVEAT_SWIN_BASELINE
        if model == "swin_tiny" and idxs == {0, 2}:
            note += "; " + CAVEAT_SWIN_NONMONOTONE
        rows.append({"variants": names, "value": float(row["paper_metric_value"]), "note": note})
    combos = [frozenset(r["variants"]) for r in rows]
    check(len(set(combos)) == len(combos) == 2 ** len(candidates),
          "%s: the kept rows are not the power set of the candidates" % model)
    check(rows[0]["variants"] == [], "%s: first row is not the baseline" % model)
    return {"metric": METRIC_NAMES[metric], "higherIsBetter": True, "rows": rows}


def inline(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def model_json(model_id, layers, candidates, accuracy):
    """terastal-model/1 JSON, 2-space indent, one layer / candidate / accuracy row per line."""
    out = ["{"]
    out.append('  "format": "terastal-model/1",')
    out.append('  "id": %s,' % inline(model_id))
    out.append('  "description": %s,' % inline(DESCRIPTIONS[model_id]))
    out.append('  "accuracyFloor": %s,' % inline(ACCURACY_FLOOR))
    out.append('  "layers": [')
    out.append(",\n".join("    " + inline(layer) for layer in layers))
    out.append("  ],")
    out.append('  "candidates": [')
    out.append(",\n".join("    " + inline({"layer": c["layer"], "r": c["r"]}) for c in candidates))
    out.append("  ],")
    out.append('  "accuracy": {')
    out.append('    "metric": %s,' % inline(accuracy["metric"]))
    out.append('    "higherIsBetter": %s,' % inline(accuracy["higherIsBetter"]))
    out.append('    "rows": [')
    out.append(",\n".join("      " + inline(row) for row in accuracy["rows"]))
    out.append("    ]")
    out.append("  }")
    out.append("}")
    text = "\n".join(out) + "\n"
    parsed = json.loads(text)
    check(list(parsed) == ["format", "id", "description", "accuracyFloor", "layers", "candidates", "accuracy"],
          "internal: key order")
    return text


LATENCY_HEADER = [
    "# Terastal toolkit latency table: the six published Terastal models on two 2048-PE engines (WS, OS).",
    "# Source: MAESTRO (XRBench-MAESTRO build) per-layer cycles from the Terastal artifact extraction",
    "#   (noiper/terastal-layer-versioning @52d1bab, maestro_per_layer.csv), hw_config Dual_4K: one engine =",
    "#   2048 PEs, NoC and off-chip bandwidth 128, 1 GHz clock, so cycles = ns.",
    "# Geometry corrected before running MAESTRO (it ignores Stride blocks and N): each layer's input was set so",
    "#   that MAESTRO's stride-1 no-padding output equals the true output size; Swin token-wise layers carry",
    "#   their token map (56x56, 28x28, 14x14, 7x7; stage-3 MLP variants 14x14).",
    "# accelerator: ws = WS dataflow, 2048 PEs; os = OS dataflow, 2048 PEs.",
    "# implementation: original = the layer of models/<model>.json; variant = the inner conv of its",
    "#   D2S-conv-S2D variant at the candidate's r (the layer column names the ORIGINAL layer).",
    "# Only the paper's candidates have variant rows (VGG11: idx1-4; features_8 has none).",
    "# latency_ns: integer nanoseconds. Generated by tools/artifact_to_models.py; do not edit by hand.",
]


def latency_rows(model, layers, candidates, maestro):
    cand_by_pos = {c["position"]: c for c in candidates}
    rows = []
    for position, layer in enumerate(layers):
        kinds = ["original"] + (["variant"] if position in cand_by_pos else [])
        for kind in kinds:
            for acc_id, dataflow in ACCELERATORS:
                mrow = maestro.get((model, kind, position, dataflow))
                check(mrow is not None, "%s %s %s: no maestro row for %s" % (model, layer["name"], kind, dataflow))
                check(mrow["num_pes"] == NUM_PES, "num_pes")
                if kind == "original":
                    check(mrow["layer_name"] == layer["name"], "%s: maestro name differs" % layer["name"])
                cycles = mrow["cycles"]
                check(re.fullmatch(r"[0-9]+", cycles) is not None and int(cycles) > 0,
                      "%s %s %s: cycles %r is not a positive integer" % (model, layer["name"], kind, cycles))
                rows.append([model, layer["name"], kind, acc_id, int(cycles)])
    return rows


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: artifact_to_models.py REFERENCE_DIR OUT_DIR\n")
        return 2
    reference_dir, out_dir = argv[1], argv[2]
    maestro = load_maestro(reference_dir)
    os.makedirs(os.path.join(out_dir, "models"), exist_ok=True)
    os.makedirs(os.path.join(out_dir, "latency"), exist_ok=True)
    all_latency = []
    for model in MODEL_IDS:
        exported = read_csv(os.path.join(reference_dir, "layers", model + ".csv"))
        variant_rows = read_csv(os.path.join(reference_dir, "layers", model + "_variants.csv"))
        accuracy_rows = read_csv(os.path.join(reference_dir, "accuracy", model + ".csv"))
        accuracy_rows.sort(key=lambda r: int(r["source_row"]))
        layers, folded = build_layers(model, maestro, exported)
        candidates = build_candidates(model, layers, maestro, variant_rows, accuracy_rows)
        accuracy = build_accuracy(model, accuracy_rows, candidates)
        text = model_json(model, layers, candidates, accuracy)
        with open(os.path.join(out_dir, "models", model + ".json"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        rows = latency_rows(model, layers, candidates, maestro)
        all_latency.extend(rows)
        print("%-16s %3d layers, %d candidates %s, %d accuracy rows, %d latency rows%s"
              % (model, len(layers), len(candidates), [(c["layer"], c["r"]) for c in candidates],
                 len(accuracy["rows"]), len(rows),
                 ", per-axis padding: %d layers" % len(folded) if folded else ""))
    with open(os.path.join(out_dir, "latency", LATENCY_FILE), "w", encoding="utf-8", newline="\n") as handle:
        for line in LATENCY_HEADER:
            handle.write(line + "\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["model", "layer", "implementation", "accelerator", "latency_ns"])
        writer.writerows(all_latency)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except DataError as error:
        sys.stderr.write("artifact_to_models: data inconsistency: %s\n" % error)
        sys.exit(1)

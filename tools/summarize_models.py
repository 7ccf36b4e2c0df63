#!/usr/bin/env python3
"""Check the generated model files against their latency table and print per-model totals.

Usage:
    python3 tools/summarize_models.py PROJECT_DIR

Reads PROJECT_DIR/models/<id>.json and PROJECT_DIR/latency/six-models-maestro-dual2048.csv (the
outputs of artifact_to_models.py; no reference data needed). It re-checks each layer the way the
Java domain does (positive dims, FC only 1x1, filter fits the padded input, variant divisibility),
checks that the latency table has exactly one entry per (layer, implementation, accelerator), and
prints a Markdown table: total WS and OS time of a frame with original layers, the candidates'
share of the WS time, and per candidate the variant's OS latency relative to the original on WS.
Python 3 stdlib only.
"""

import csv
import json
import os
import sys

MODEL_IDS = ["vgg11", "resnet50", "inceptionv3", "mobilenetv2_ssd", "swin_tiny", "sp2dense"]
LATENCY_FILE = os.path.join("latency", "six-models-maestro-dual2048.csv")


def fail(message):
    sys.stderr.write("summarize_models: %s\n" % message)
    sys.exit(1)


def out_size(size, kernel, stride, pad):
    return (size + 2 * pad - kernel) // stride + 1


def check_model(model):
    where = model["id"]
    if model["format"] != "terastal-model/1":
        fail("%s: unknown format %s" % (where, model["format"]))
    names = set()
    for layer in model["layers"]:
        lw = "%s/%s" % (where, layer["name"])
        if layer["name"] in names:
            fail("%s: duplicate layer" % lw)
        names.add(layer["name"])
        if layer["type"] not in ("CONV", "DSCONV", "FC"):
            fail("%s: type %s" % (lw, layer["type"]))
        pad_y = layer.get("pad", layer.get("padY"))
        pad_x = layer.get("pad", layer.get("padX"))
        if min(layer[f] for f in ("N", "K", "C", "Y", "X", "R", "S", "stride")) <= 0 or min(pad_y, pad_x) < 0:
            fail("%s: non-positive dimension" % lw)
        if layer["type"] == "FC" and (layer["R"], layer["S"]) != (1, 1):
            fail("%s: FC with a filter larger than 1x1" % lw)
        if layer["type"] == "DSCONV" and layer["K"] != 1:
            fail("%s: depthwise with K != 1" % lw)
        if layer["Y"] + 2 * pad_y < layer["R"] or layer["X"] + 2 * pad_x < layer["S"]:
            fail("%s: filter larger than the padded input" % lw)
    by_name = {layer["name"]: layer for layer in model["layers"]}
    for cand in model["candidates"]:
        layer = by_name.get(cand["layer"])
        r2 = cand["r"] ** 2
        if layer is None or layer["type"] == "DSCONV" or layer["K"] % r2 or layer["C"] % r2:
            fail("%s: candidate %s cannot have a variant at r=%d" % (where, cand["layer"], cand["r"]))
    cand_names = {c["layer"] for c in model["candidates"]}
    combos = set()
    for row in model["accuracy"]["rows"]:
        combo = frozenset(row["variants"])
        if not combo <= cand_names or combo in combos or len(combo) != len(row["variants"]):
            fail("%s: bad accuracy row %s" % (where, row["variants"]))
        combos.add(combo)
    if frozenset() not in combos:
        fail("%s: no baseline row" % where)


def read_latency(path):
    with open(path, newline="", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    table = {}
    for row in csv.DictReader(lines):
        key = (row["model"], row["layer"], row["implementation"], row["accelerator"])
        if key in table:
            fail("duplicate latency row %s" % (key,))
        table[key] = int(row["latency_ns"])
    return table


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: summarize_models.py PROJECT_DIR\n")
        return 2
    root = argv[1]
    latency = read_latency(os.path.join(root, LATENCY_FILE))
    expected = set()
    print("| model | layers | WS total ms | OS total ms | OS/WS | candidates % of WS | baseline | "
          "variant-on-OS / original-on-WS per candidate |")
    print("|---|---|---|---|---|---|---|---|")
    for model_id in MODEL_IDS:
        with open(os.path.join(root, "models", model_id + ".json"), encoding="utf-8") as handle:
            model = json.load(handle)
        check_model(model)
        cands = {c["layer"]: c["r"] for c in model["candidates"]}
        ws = os_ = cand_ws = 0
        ratios = []
        for layer in model["layers"]:
            for impl in ["original"] + (["variant"] if layer["name"] in cands else []):
                for acc in ("ws", "os"):
                    key = (model_id, layer["name"], impl, acc)
                    if key not in latency:
                        fail("missing latency %s" % (key,))
                    expected.add(key)
            ws += latency[(model_id, layer["name"], "original", "ws")]
            os_ += latency[(model_id, layer["name"], "original", "os")]
            if layer["name"] in cands:
                orig_ws = latency[(model_id, layer["name"], "original", "ws")]
                cand_ws += orig_ws
                ratios.append("%s r%d %.2f" % (layer["name"], cands[layer["name"]],
                                               latency[(model_id, layer["name"], "variant", "os")] / orig_ws))
        baseline = [r["value"] for r in model["accuracy"]["rows"] if not r["variants"]][0]
        print("| %s | %d | %.3f | %.3f | %.2f | %.1f | %s %s | %s |"
              % (model_id, len(model["layers"]), ws / 1e6, os_ / 1e6, os_ / ws, 100.0 * cand_ws / ws,
                 model["accuracy"]["metric"], baseline, "; ".join(ratios)))
    extra = set(latency) - expected
    if extra:
        fail("latency rows for unknown layers or variants: %s" % sorted(extra)[:5])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

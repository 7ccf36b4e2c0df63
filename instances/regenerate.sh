#!/usr/bin/env bash
# Regenerates every shipped instance (and the XRBench model files in models/xrbench) from the
# project's own files (models/, platforms/ and the XRBench scenarios re-emitted under
# src/test/resources/maestro/). docs/scenarios.md explains each choice. Needs the jar:
# mvn -B -ntp package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
t=./terastal
platform=(--platform platforms/Dual_4K.m --dataflows WS,OS)

compose() { # NAME DESCRIPTION TASK...
  local name=$1 description=$2; shift 2
  local args=()
  for task in "$@"; do args+=(--model "models/${task%@*}.json" --task "$task"); done
  $t compose --name "$name" --description "$description" "${platform[@]}" "${args[@]}" -o "instances/$name.json"
}

compose skewed-vision "Skewed: three classifiers that all prefer the WS engine. With each layer on its faster engine WS carries 1.34 (MAESTRO latencies; 1.07 built-in) while the balanced bound of the pair is 0.79 (0.59): WS is overloaded, the pair could carry the load. See docs/scenarios.md." \
  resnet50@30 inceptionv3@15 swin_tiny@10
compose skewed-xr "Skewed: an XR perception mix (detection, depth, classification, a transformer). Each layer on its faster engine puts 1.43 on WS (MAESTRO; 1.06 built-in); balanced bound 0.86 (0.62). See docs/scenarios.md." \
  mobilenetv2_ssd@40 sp2dense@40 resnet50@25 swin_tiny@10
compose skewed-six "Skewed: all six published Terastal models. Each layer on its faster engine puts 1.50 on WS (MAESTRO; 1.07 built-in); balanced bound 0.86 (0.60). See docs/scenarios.md." \
  vgg11@12 resnet50@20 inceptionv3@12 mobilenetv2_ssd@25 swin_tiny@7 sp2dense@25
compose balanced-six "Within capacity: all six models at rates where WS alone carries the work of each layer on its faster engine (0.80 MAESTRO; 0.58 built-in). No published model prefers OS, so a mix balanced by preference cannot be built from them. See docs/scenarios.md." \
  vgg11@5 resnet50@10 inceptionv3@5 mobilenetv2_ssd@15 swin_tiny@5 sp2dense@15

for scenario in AR_gaming VR_gaming social_interactionA social_interactionB; do
  $t import --model "src/test/resources/maestro/$scenario.m" --hw platforms/Dual_4K.m --dataflows WS,OS \
    --name "xrbench-$scenario" \
    --description "XRBench-MLSys2023 scenario $scenario (MIT License, (c) 2023 XRBench) on Dual_4K with a WS and an OS engine of 2048 PEs; no variant candidates." \
    -o "instances/xrbench-$scenario.json"
done

# The XRBench models as model files, a pool for terastal suite (docs/scenarios.md, "Random workload suites")
$t models instances/xrbench-AR_gaming.json instances/xrbench-VR_gaming.json instances/xrbench-social_interactionA.json \
  instances/xrbench-social_interactionB.json -o models/xrbench

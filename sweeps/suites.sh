#!/usr/bin/env bash
# Draws the design and test suites of the evaluation protocol (docs/evaluation.md) into out/suites/.
# The same command gives the same bytes on any machine; each suite's manifest records its checksum
# per set. Needs the jar: mvn -B -ntp package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
t=./terastal
out=${1:-out/suites}
platform=(--platform platforms/Dual_4K.m --dataflows WS,OS)
maestro=(--latency latency/six-models-maestro-dual2048.csv)

suite() { # NAME SEED SETS ARGS...
  local name=$1 seed=$2 sets=$3; shift 3
  $t suite --name "$name" --seed "$seed" --sets "$sets" "${platform[@]}" "$@" --force -o "$out/$name"
}

# design: the only suites on which any constant of any policy may be chosen
suite design-six-builtin 1101 100 --pool models
suite design-six-maestro 1102 100 --pool models "${maestro[@]}"
suite design-xrbench 1103 50 --pool models/xrbench --cascade 0.25
# test: the shipped results and the README, never used for tuning
suite test-six-builtin 9101 200 --pool models
suite test-six-maestro 9102 200 --pool models "${maestro[@]}"
suite test-xrbench 9103 100 --pool models/xrbench --cascade 0.25

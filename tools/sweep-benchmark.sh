#!/usr/bin/env bash
# Times the study's 48-point accuracy grid (input bits 1-8 x ADC bits 3-8) on the shipped default model,
# spec and full Fashion-MNIST test set, and checks that every output file was written.
# usage: tools/sweep-benchmark.sh [OUTPUT_DIR] [extra bnnc sweep options...]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/bnnc-sweep-benchmark}"
shift || true
dotnet build src/BnnCompiler.Cli -c Release -v q -nologo > /dev/null
bnnc="dotnet src/BnnCompiler.Cli/bin/Release/net10.0/bnnc.dll"
rm -rf "$out"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "command: bnnc sweep --data fashion-mnist --input-bits 1..8 --adc-bits 3..8 -o $out $*"
start=$(date +%s.%N)
$bnnc sweep --data fashion-mnist --input-bits 1..8 --adc-bits 3..8 -o "$out" "$@" > "$out.log"
end=$(date +%s.%N)
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
points=$(($(wc -l < "$out/results.csv") - 1))
images=$((points * 10000))
missing=0
for f in results.csv results.json report.md; do
  [ -s "$out/$f" ] || { echo "missing $out/$f"; missing=1; }
done
pngs=$(ls "$out"/*.png 2>/dev/null | wc -l)
printf 'points: %d, point-images evaluated: %d (points whose ADCs all read exactly share one simulation), plots: %d\n' "$points" "$images" "$pngs"
awk -v s="$seconds" -v n="$images" 'BEGIN { printf "wall time: %.1f s (%.1f min); %.0f point-images/s; target under 60 s (issue 13): %s\n", s, s / 60, n / s, (s < 60 ? "met" : "missed") }'
exit $missing

#!/usr/bin/env bash
# Measures defect repair (docs/repair.md): Monte-Carlo trials of the naive and the repaired chip on hwspecs/rram-nonideal.yaml
# (variation, read noise and the on/off ratio as published) across stuck-at rates and wire resistances, on the default CNN
# (Fashion-MNIST test images) and the MNIST CNN (mnist-heldout; calibrated on mnist-train), and prints a Markdown table.
# usage: tools/repair-study.sh [IMAGES] [TRIALS] [OUTPUT_DIR]
# POINTS="RATE_WIRE ..." and MODELS="fmnist-cnn mnist-cnn" choose the points and models; PARALLEL_ROWS=P reads the
# repaired chip's subarrays in groups of P rows (subarray.parallel_rows) and COLUMNS=C gives it subarrays of C columns
# (subarray.columns: shorter rows); the naive chip stays the spec's (128 × 128, every row at once). A run
# whose report is already in OUTPUT_DIR is not repeated, so an interrupted study resumes where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
images="${1:-300}"
trials="${2:-10}"
out="${3:-/tmp/bnnc-repair-study}"
mkdir -p "$out"
if [ -z "${BNNC:-}" ]; then
  dotnet build src/BnnCompiler.Cli -c Release -v q -nologo > /dev/null
fi
bnnc="${BNNC:-dotnet src/BnnCompiler.Cli/bin/Release/net10.0/bnnc.dll}"   # BNNC: a bnnc command to use instead of building
chip=(--hw hwspecs/rram-nonideal.yaml --set subarray.spare_rows=8 --set subarray.spare_columns=8 --set repair.calibration_images=64)
# Points: total stuck rate split as the published 9.04 : 1.75 (on : off), and the wire resistance per cell segment.
points=("0.1079 6" "0.01 0" "0.1 0" "0.001 0" "0 1" "0 6")
if [ -n "${POINTS:-}" ]; then read -r -a points <<< "$POINTS"; points=("${points[@]/_/ }"); fi   # e.g. POINTS="0_1 0_6"
models=("fmnist-cnn fashion-mnist" "mnist-cnn mnist-heldout")
if [ -n "${MODELS:-}" ]; then models=(); for m in $MODELS; do [ "$m" = fmnist-cnn ] && models+=("fmnist-cnn fashion-mnist"); [ "$m" = mnist-cnn ] && models+=("mnist-cnn mnist-heldout"); done; fi
echo "images: $images, trials: $trials, spec: hwspecs/rram-nonideal.yaml with 8 spare rows and 8 spare columns a subarray${PARALLEL_ROWS:+, repaired chip read $PARALLEL_ROWS rows at a time}${COLUMNS:+, repaired chip of $COLUMNS-column subarrays}"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| model | stuck cells | wire (Ω) | ideal top-1 | naive mean [95 % CI] | repaired mean [95 % CI] | naive loss | repaired loss |"
echo "|---|---|---|---|---|---|---|---|"
declare -A ideal
for pair in "${models[@]}"; do
  set -- $pair
  [ -s "$out/$1-ideal.json" ] || $bnnc evaluate "onnx-models/$1.onnx" --data "$2" --limit "$images" -o "$out/$1-ideal.json" > /dev/null 2>&1
  ideal[$1]=$(jq '.accuracy.simulated_top1' "$out/$1-ideal.json")
done
for point in "${points[@]}"; do
  set -- $point
  rate="$1"; wire="$2"
  on=$(awk -v r="$rate" 'BEGIN { printf "%.6f", r * 9.04 / 10.79 }')
  off=$(awk -v r="$rate" 'BEGIN { printf "%.6f", r * 1.75 / 10.79 }')
  knobs=(--set "non_idealities.stuck_at_on_rate=$on" --set "non_idealities.stuck_at_off_rate=$off" --set "non_idealities.ir_drop.wire_resistance_ohm=$wire")
  for pair in "${models[@]}"; do
    set -- $pair
    name="$1"; model="onnx-models/$1.onnx"; data="$2"
    row=()
    for mode in none map+spares+calibrate; do
      file="$out/$name-$rate-$wire-$mode.json"
      groups=()
      if [ "$mode" != none ] && [ -n "${PARALLEL_ROWS:-}" ]; then
        file="${file%.json}-rows$PARALLEL_ROWS.json"; groups+=(--set "subarray.parallel_rows=$PARALLEL_ROWS")
      fi
      if [ "$mode" != none ] && [ -n "${COLUMNS:-}" ]; then
        file="${file%.json}-cols$COLUMNS.json"; groups+=(--set "subarray.columns=$COLUMNS")
      fi
      [ -s "$file" ] || $bnnc evaluate "$model" --data "$data" --limit "$images" "${chip[@]}" "${knobs[@]}" "${groups[@]}" --repair "$mode" --trials "$trials" --seed 1 -o "$file" > /dev/null 2>&1
      row+=("$(jq -r '.monte_carlo | "\(.mean_top1) \(.ci95_low) \(.ci95_high)"' "$file")")
    done
    awk -v m="$name" -v r="$rate" -v w="$wire" -v i="${ideal[$name]}" -v a="${row[0]}" -v b="${row[1]}" 'BEGIN {
      split(a, n, " "); split(b, p, " ");
      printf "| %s | %.1f %% | %s | %.2f %% | %.2f %% [%.2f, %.2f] | %.2f %% [%.2f, %.2f] | %.2f | %.2f |\n",
        m, r * 100, w, i * 100, n[1] * 100, n[2] * 100, n[3] * 100, p[1] * 100, p[2] * 100, p[3] * 100, (i - n[1]) * 100, (i - p[1]) * 100 }'
  done
done

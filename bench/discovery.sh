#!/usr/bin/env bash
# WS-Discovery benchmark: how many of 50 simulated responders one 3 s sweep of `vtrack discover`
# finds, and how long the sweep takes, against a one-device baseline run in the same script.
# Needs root (it makes two network namespaces joined by a veth pair) and the built binaries
# (BIN=.build/debug by default; run `swift build` first, or BIN=.build/release).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug}
N=${N:-50}
WINDOW=${WINDOW:-3}
[ "$(id -u)" -eq 0 ] || { echo "bench/discovery.sh needs root to create network namespaces" >&2; exit 1; }
[ -x "$BIN/vtrack" ] && [ -x "$BIN/vtrack-sim" ] || { echo "build first: swift build (missing $BIN/vtrack or $BIN/vtrack-sim)" >&2; exit 1; }

C=vtbench$$c D=vtbench$$d
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  ip netns del "$C" 2>/dev/null || true
  ip netns del "$D" 2>/dev/null || true
}
trap cleanup EXIT
ip netns add "$C"; ip netns add "$D"
ip -n "$C" link set lo up; ip -n "$D" link set lo up
ip -n "$C" link add vc1 type veth peer name vd1 netns "$D"
ip -n "$C" addr add 10.77.1.1/24 dev vc1; ip -n "$C" link set vc1 up
ip -n "$D" addr add 10.77.1.2/24 dev vd1; ip -n "$D" link set vd1 up

# start_sims COUNT [extra vtrack-sim flags…]: COUNT separate responder processes (one socket each)
start_sims() {
  local count=$1; shift
  local log; log=$(mktemp)
  for i in $(seq 1 "$count"); do
    ip netns exec "$D" "$BIN/vtrack-sim" --discovery --host 0.0.0.0 --port $((8000 + i)) \
      --discovery-endpoint "urn:uuid:00000000-0000-4000-8000-$(printf '%012d' "$i")" "$@" >>"$log" 2>&1 &
    pids+=($!)
  done
  for _ in $(seq 1 200); do
    [ "$(grep -c 'WS-Discovery on UDP' "$log" || true)" -ge "$count" ] && break
    sleep 0.05
  done
  rm -f "$log"
}
stop_sims() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}

# sweep LABEL EXPECTED [extra vtrack discover flags…]: prints one result line
printf '%-44s %7s %9s %9s %10s\n' "scenario" "found" "sweep_s" "wall_s" "last_new_s"
declare -A FOUND WALL
sweep() {
  local label=$1 expected=$2; shift 2
  local t0 t1 out found secs last
  t0=$(date +%s.%N)
  out=$(ip netns exec "$C" "$BIN/vtrack" discover --timeout "$WINDOW" --verbose "$@" 2>&1)
  t1=$(date +%s.%N)
  found=$(sed -n 's/^Found \([0-9]*\) device.* in \([0-9.]*\) s.*/\1/p' <<<"$out" | head -1)
  secs=$(sed -n 's/^Found [0-9]* device.* in \([0-9.]*\) s.*/\1/p' <<<"$out" | head -1)
  last=$(sed -n 's/^Last new device answered after \([0-9.]*\) s\./\1/p' <<<"$out" | head -1)
  FOUND[$label]=$found
  WALL[$label]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  printf '%-44s %3s/%-3s %9s %9.3f %10s\n' "$label" "${found:-0}" "$expected" "${secs:--}" "${WALL[$label]}" "${last:--}"
}

start_sims 1
sweep "baseline: 1 responder" 1
stop_sims

ip netns exec "$D" "$BIN/vtrack-sim" --discovery --host 0.0.0.0 --port 8000 --discovery-devices "$N" >/dev/null 2>&1 &
pids+=($!); sleep 0.5
sweep "$N devices on one socket" "$N"
stop_sims

start_sims "$N"
sweep "$N responder processes" "$N"
stop_sims

start_sims "$N" --discovery-loss 0.3
sweep "$N responders, 30% answers lost" "$N"
sweep "$N responders, 30% lost, 1 probe (nvt, once)" "$N" --repeats 1 --forms nvt
stop_sims

echo
base=${WALL["baseline: 1 responder"]}
for k in "$N responder processes" "$N responders, 30% answers lost"; do
  printf 'ratio wall(%s)/wall(baseline) = %s\n' "$k" "$(awk -v a="${WALL[$k]}" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
done
printf 'found with 3 forms x 2 under 30%% loss: %s/%s; with one probe: %s/%s\n' \
  "${FOUND["$N responders, 30% answers lost"]}" "$N" "${FOUND["$N responders, 30% lost, 1 probe (nvt, once)"]}" "$N"

#!/usr/bin/env bash
# Camera pictures in the terminal app (issue 13), release build, against a 32-channel
# `vtrack-sim` in its own process (so its CPU is not counted): `vtrack picture-bench` drives the
# app's own loop (update, engine glue, render, cell diff; no terminal) and prints
#  1. connected -> first screenful and -> every tile drawn, cold (goal < 1.5 s), against the
#     probe of the same device (baseline);
#  2. memory with 32 pictures cached (RSS before/after);
#  3. CPU while the full-screen preview refreshes every second (goal < 5 % of a core), against
#     the idle grid (baseline);
#  4. the live view of the 640x360 sub stream: pictures/s, CPU (goal < 25 %), bytes/s sent to
#     the terminal (estimated from the cell diff).
# Not a test: it prints figures (BENCHMARKS.md, "Pictures in the app").
# usage: bench/pictures-app.sh [SECONDS]   (each CPU measurement; default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
SCRATCH=${SCRATCH:-.build-bench}
echo "building release binaries in $SCRATCH…" >&2
swift build -c release --scratch-path "$SCRATCH" --product vtrack >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product vtrack-sim >/dev/null
BIN=$SCRATCH/release

work=$(mktemp -d)
sim_pid=""
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$BIN/vtrack-sim" --channels 32 --user admin --password admin123 >"$work/sim.out" 2>&1 &
sim_pid=$!
for _ in $(seq 1 600); do grep -q '^ready ' "$work/sim.out" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's#^ready http://[^:]*:\([0-9]*\)/.*#\1#p' "$work/sim.out")
[ -n "$port" ] || { echo "vtrack-sim did not start" >&2; exit 1; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN/vtrack" picture-bench --port "$port" --seconds "$SECONDS_EACH"

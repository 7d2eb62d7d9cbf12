#!/usr/bin/env bash
# Benchmark: median wall time of 5 cold `vtrack probe --json` runs (release build) against a
# 16-channel simulator, next to the same work done by onvif-zeep-async (bench/zeep_probe.py, a cold
# Python process: device information, scopes, profiles, video sources, every stream URI and a
# snapshot URI per camera; the library has no Media2, so vtrack does 8 more requests), and the ratio.
# Goal: vtrack at least 20x faster. Not a test: it prints figures.
# Both clients run against the same simulator process, one after the other, in the same run.
#
# usage: bench/probe.sh [RUNS]     (RUNS defaults to 5)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
CHANNELS=16
PASS='bench-Pass1'
. scripts/interop/zeep-venv.bash

# Release build with the Swift runtime and Foundation linked statically: a CLI started by
# scripts and cron pays the dynamic loader on every run (about 10 ms of symbol binding for a
# dynamically linked Swift binary here). Its own build folder, so the debug build is untouched.
SCRATCH=${SCRATCH:-.build-bench}
echo "building release binaries in $SCRATCH…" >&2
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product vtrack >/dev/null
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product vtrack-sim >/dev/null
BIN=$SCRATCH/release

work=$(mktemp -d)
sim_pid=""
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

flags=(--channels "$CHANNELS" --auth wsse --user admin --password "$PASS")
"$BIN/vtrack-sim" "${flags[@]}" --print-model >"$work/model.json"
"$BIN/vtrack-sim" "${flags[@]}" >"$work/sim.out" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do grep -q '^ready ' "$work/sim.out" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's#^ready http://[^:]*:\([0-9]*\)/.*#\1#p' "$work/sim.out")
[ -n "$port" ] || { echo "vtrack-sim did not start" >&2; exit 1; }

# `time` prints "wall user sys" in seconds for each run
TIMEFORMAT='%R %U %S'
wall() { awk '{ printf "%.1f\n", $1 * 1000 }' "$1"; }
cpu() { awk '{ printf "%.1f\n", ($2 + $3) * 1000 }' "$1"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# vtrack: the whole probe (clock, services, device info, scopes, Media + Media2 profiles, video
# sources, every stream URI and a snapshot URI per camera), one cold process per run
: >"$work/vtrack.times"
for i in $(seq 1 "$RUNS"); do
  { time VTRACK_PASSWORD="$PASS" "$BIN/vtrack" probe "127.0.0.1:$port" --user admin --json >"$work/probe.json" ; } 2>>"$work/vtrack.times"
done
cams=$(python3 -c "import json,sys; print(len(json.load(open('$work/probe.json'))['cameras']))")
[ "$cams" = "$CHANNELS" ] || { echo "vtrack probe found $cams cameras, want $CHANNELS" >&2; exit 1; }
v_med=$(wall "$work/vtrack.times" | median)
v_cpu=$(cpu "$work/vtrack.times" | median)

# onvif-zeep-async: the same reads as far as it goes (no Media2): device information, scopes, Media
# profiles, video sources, every stream URI, a snapshot URI per camera; one cold process per run
z_med=""
zeep_venv_ready || BIN="$BIN" bash scripts/interop/onvif-zeep-async.sh >/dev/null 2>&1 || true
if zeep_venv_ready; then
  : >"$work/zeep.times"
  for i in $(seq 1 "$RUNS"); do
    { time "$VENV/bin/python" bench/zeep_probe.py 127.0.0.1 "$port" admin "$PASS" >"$work/zeep.out" ; } 2>>"$work/zeep.times"
  done
  [ "$(cat "$work/zeep.out")" = "$CHANNELS" ] || { echo "onvif-zeep-async found $(cat "$work/zeep.out") cameras, want $CHANNELS" >&2; exit 1; }
  z_med=$(wall "$work/zeep.times" | median)
  z_cpu=$(cpu "$work/zeep.times" | median)
fi

echo "probe of a $CHANNELS-channel simulator (WS-Security), median of $RUNS cold runs (load average: $(cut -d' ' -f1 /proc/loadavg)):"
printf "  %-22s %10s %10s   %s\n" "" "wall ms" "CPU ms" "wall of each run"
printf "  %-22s %10.1f %10.1f   %s\n" "vtrack probe --json" "$v_med" "$v_cpu" "$(wall "$work/vtrack.times" | paste -sd' ')"
if [ -n "$z_med" ]; then
  printf "  %-22s %10.1f %10.1f   %s\n" "onvif-zeep-async" "$z_med" "$z_cpu" "$(wall "$work/zeep.times" | paste -sd' ')"
  printf "  %-22s %9.1fx %9.1fx   (goal: >= 20x)\n" "ratio" "$(awk -v z="$z_med" -v v="$v_med" 'BEGIN { print z / v }')" "$(awk -v z="$z_cpu" -v v="$v_cpu" 'BEGIN { print z / v }')"
else
  echo "  onvif-zeep-async: not available (no python3 venv/pip/PyPI)"
fi

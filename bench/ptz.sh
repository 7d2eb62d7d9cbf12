#!/usr/bin/env bash
# PTZ benchmark (issue 14).
#  1. Engine: one ContinuousMove round trip through Core's PTZService (what a held key sends),
#     its one-way time (call → the simulator's request log), one Stop, and the same-run baseline:
#     a GetSystemDateAndTime round trip to the same device through the same ONVIF client stack.
#     CALLS (default 200) of each, interleaved, against the simulator in the tool's process
#     (real sockets on 127.0.0.1, real-time PTZ clock). p50/p90/p99/max in milliseconds.
#  (Key press → request and requests per second while a key is held are the terminal app's
#  figures, measured in tmux: see BENCHMARKS.md "PTZ".)
# Needs: a release build (BIN=.build/release: swift build -c release --product ptz-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release}
CALLS=${CALLS:-200}
[ -x "$BIN/ptz-bench" ] || { echo "build first: swift build -c release --product ptz-bench (missing $BIN/ptz-bench)" >&2; exit 1; }
echo "== 1. engine round trips (the machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
"$BIN/ptz-bench" "$CALLS"

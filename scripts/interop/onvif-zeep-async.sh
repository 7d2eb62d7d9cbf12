#!/usr/bin/env bash
# A real third-party ONVIF client accepts the simulator: onvif-zeep-async (PyPI) reads device
# information, every Media profile and its stream URI from `vtrack-sim --channels 8` with
# WS-Security on, and each reading is checked against the simulator's own model.
# Skips (exit 0, with a message) when python3 venv/pip or PyPI is unavailable.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/debug}
. scripts/interop/zeep-venv.bash

skip() { echo "SKIP onvif-zeep-async interop: $*"; exit 0; }

[ -x "$BIN/vtrack-sim" ] || { echo "build first: $BIN/vtrack-sim is missing" >&2; exit 1; }
zeep_venv_make skip

work=$(mktemp -d)
sim_pid=""
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

flags=(--channels 8 --auth wsse --user admin --password 'interop-Pass1')
"$BIN/vtrack-sim" "${flags[@]}" --print-model >"$work/model.json"
"$BIN/vtrack-sim" "${flags[@]}" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do grep -q '^ready ' "$work/sim.out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/^ready //p' "$work/sim.out")
[ -n "$url" ] || { echo "vtrack-sim did not start: $(cat "$work/sim.err")" >&2; exit 1; }
port=$(echo "$url" | sed 's#http://[^:]*:\([0-9]*\)/.*#\1#')

"$VENV/bin/python" scripts/interop/onvif_zeep_async_check.py 127.0.0.1 "$port" admin 'interop-Pass1' "$work/model.json"
echo "PASS onvif-zeep-async interop"

#!/usr/bin/env bash
# A real third-party ONVIF client reads the simulator's Profile G services: onvif-zeep-async
# (PyPI), with zeep's strict schema checking on, finds Recording/Search/Replay, pages
# FindRecordings, reads FindEvents track states (the gaps), GetReplayUri, GetMediaAttributes
# and ends every search; each reading is checked against the device's own other answers.
# Skips (exit 0, with a message) when python3 venv/pip or PyPI is unavailable.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/debug}
. scripts/interop/zeep-venv.bash

skip() { echo "SKIP Profile G zeep interop: $*"; exit 0; }

[ -x "$BIN/vtrack-sim" ] || { echo "build first: $BIN/vtrack-sim is missing" >&2; exit 1; }
zeep_venv_make skip

work=$(mktemp -d)
sim_pid=""
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

channels=5
"$BIN/vtrack-sim" --channels "$channels" --days 3 --auth wsse --user admin --password 'interop-Pass1' >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do grep -q '^ready ' "$work/sim.out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/^ready //p' "$work/sim.out")
[ -n "$url" ] || { echo "vtrack-sim did not start: $(cat "$work/sim.err")" >&2; exit 1; }
port=$(echo "$url" | sed 's#http://[^:]*:\([0-9]*\)/.*#\1#')

"$VENV/bin/python" scripts/interop/profile_g_zeep_check.py 127.0.0.1 "$port" admin 'interop-Pass1' "$channels"
echo "PASS Profile G zeep interop"

#!/usr/bin/env bash
# PTZ keys benchmark (issue 14): the terminal app in tmux steering a simulated PTZ camera.
#  1. key press → ContinuousMove seen by the simulator: PRESSES (default 200) presses of ← and →
#     in turn (each a new direction, so each is sent at once), 150 ms apart; from just before
#     `tmux send-keys` runs to the request's arrival in the simulator's PTZ request log
#     (SimPTZ.requests, wall-clock arrival times); p50/p90/p99/max. Goal: p99 < 50 ms.
#  2. requests while a key is held: ← sent 30 times a second for HOLD seconds (default 5);
#     ContinuousMoves per second (goal ≤ 5) and every PTZ request per second (GetStatus too).
# The simulator runs in the test process (real sockets on 127.0.0.1, real-time PTZ clock); the
# app is the built `vtrack` (the debug build next to the tests, as `swift build --build-tests`
# makes it). Driven by the PTZKeysBenchmark test (Tests/TUITests/EndToEnd), which only runs
# with VTRACK_BENCH_PTZ_KEYS=1. Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "bench/ptz-keys.sh needs tmux" >&2; exit 1; }
[ -x .build/debug/vtrack ] || { echo "build first: swift build --build-tests (missing .build/debug/vtrack)" >&2; exit 1; }
export VTRACK_BENCH_PTZ_KEYS=1 PRESSES=${PRESSES:-200} HOLD=${HOLD:-5}
out=$(swift test --skip-build --filter PTZKeysBenchmark 2>&1) || { echo "$out" | tail -40 >&2; exit 1; }
grep '^ptz-keys:' <<<"$out" | sed 's/^ptz-keys: //'

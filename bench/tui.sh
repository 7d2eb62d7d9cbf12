#!/usr/bin/env bash
# Terminal app benchmark (release build):
#  1. frame time of update + render + diff on the downloads screen with 16 running cameras
#     (every frame a progress event that moves all bars), median and p99, against a baseline
#     of the same loop on a screen that does not change;
#  2. idle CPU of the real app in tmux over 10 s, against `less` idle in the same tmux size.
# Goals: p99 under 5 ms; idle CPU under 1 %.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vtrack >/dev/null
bin="$(swift build -c release --show-bin-path)/vtrack"
seconds=${IDLE_SECONDS:-10}

echo "== frame time (update + render + diff, no terminal)"
"$bin" tui-bench --frames "${FRAMES:-5000}" --cameras 16 --size 120x40

command -v tmux >/dev/null || { echo "tmux is not installed: skipping the idle CPU part"; exit 0; }
tmp="$(mktemp -d)"
sock="vtrack-bench-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
hz=$(getconf CLK_TCK)

# cpu_of PID: user+system ticks of a process
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# idle NAME SESSION: CPU % of the session's program over $seconds
idle() {
  local name=$1 session=$2 pid
  pid=$(tmux -L "$sock" list-panes -t "$session" -F '#{pane_pid}')
  # the program itself, not the shell around it
  pid=$(pgrep -P "$pid" | head -1 || echo "$pid")
  sleep 2
  local a b
  a=$(cpu_of "$pid")
  sleep "$seconds"
  b=$(cpu_of "$pid")
  awk -v d=$((b - a)) -v hz="$hz" -v s="$seconds" -v n="$name" 'BEGIN { printf "%-28s %6.3f %% CPU (%d ticks in %d s)\n", n, d / hz / s * 100, d, s }'
}

echo "== idle CPU over ${seconds} s in a 120x40 tmux window"
tmux -L "$sock" -f /dev/null new-session -d -s app -x 120 -y 40 \
  "env XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config $bin --db $tmp/vtrack.db --lang en; sleep 60"
tmux -L "$sock" new-session -d -s base -x 120 -y 40 "less /etc/services; sleep 60"
# wait until the app has drawn and its discovery sweep (3 s) is over
for _ in $(seq 100); do tmux -L "$sock" capture-pane -p -t app | grep -q "Saved sources" && break; sleep 0.1; done
sleep 4
idle "vtrack (devices & sources)" app &
idle "baseline: less" base &
wait
echo "goal: under 1 % CPU when idle"

#!/usr/bin/env bash
# Sync benchmark (issue 15).
#  1. Steady state: `vtrack sync` (loop, --interval 60s, --lag 10s) of a 32-camera simulator whose
#     recordings grow in real time (sub streams recorded): after the first pass, CPU seconds and
#     peak RSS of the sync process over STEADY seconds of passes, per camera.
#  2. Catch-up after an outage: the cameras' high-water marks an hour behind (the NVR was away
#     for an hour), `vtrack sync --once` brings them up to date: wall time, hours of footage, and
#     the speed in times real time (per camera and in all).
# Needs: binaries in BIN (default .build/release: swift build -c release --product vtrack and
# vtrack-sim). CAMERAS=32, STEADY=180, OUTAGE=3600 (seconds), PARALLEL=4 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release}
CAMERAS=${CAMERAS:-32}
STEADY=${STEADY:-180}
OUTAGE=${OUTAGE:-3600}
PARALLEL=${PARALLEL:-4}
for b in vtrack vtrack-sim; do
  [ -x "$BIN/$b" ] || { echo "build first: swift build -c release --product $b (missing $BIN/$b)" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/vtrack-sync-bench.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share" HOME="$work/home" LANG=C.UTF-8
ticks=$(getconf CLK_TCK)
cpu_seconds() { awk -v t="$ticks" '{ print ($14 + $15) / t }' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

start_sim() { # $1: log file; then vtrack-sim args
  local log=$1; shift
  "$BIN/vtrack-sim" --channels "$CAMERAS" --record-sub-streams --replay-limit 64 "$@" > "$log" 2>"$log.err" &
  pids+=($!)
  for _ in $(seq 300); do grep -q '^ready' "$log" && break; sleep 0.1; done
  sed -n 's#^ready http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$log"
}

echo "== 1. steady state: $CAMERAS cameras, a pass every 60 s, recordings growing in real time ($BIN)"
port=$(start_sim "$work/sim1.log")
db="$work/steady.db"
"$BIN/vtrack" sources add sim --host "127.0.0.1:$port" --user admin --password admin123 --video-root "$work/videos1" --db "$db" >/dev/null
"$BIN/vtrack" sync --db "$db" --interval 60s --lag 10s --since 70s --no-retention --parallel "$PARALLEL" --replay-sessions "$PARALLEL" \
  > "$work/steady.out" 2>&1 &
sync_pid=$!
pids+=($sync_pid)
for _ in $(seq 1200); do grep -q 'Sync pass done' "$work/steady.out" && break; sleep 0.1; done
grep -q 'Sync pass done' "$work/steady.out" || { echo "the first pass did not end" >&2; tail "$work/steady.out" >&2; exit 1; }
c0=$(cpu_seconds $sync_pid); peak=0
for _ in $(seq "$STEADY"); do
  r=$(rss_kb $sync_pid); [ "$r" -gt "$peak" ] && peak=$r
  sleep 1
done
c1=$(cpu_seconds $sync_pid)
passes=$(grep -c 'Sync pass done' "$work/steady.out")
kill -TERM $sync_pid; wait $sync_pid || true
status=$("$BIN/vtrack" sync --status --json --db "$db")
lag=$(printf '%s' "$status" | python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print(max(c["lag_seconds"] or 0 for c in d["cameras"]))')
files=$(find "$work/videos1" -name '*.mp4' | wc -l)
awk -v c0="$c0" -v c1="$c1" -v s="$STEADY" -v n="$CAMERAS" -v rss="$peak" -v p="$passes" -v lag="$lag" -v f="$files" 'BEGIN {
  cpu = (c1 - c0) / s * 100
  printf "passes %d, files %d, largest lag at the end %.0f s\n", p, f, lag
  printf "CPU %.2f %% of one core in all, %.3f %% per camera\n", cpu, cpu / n
  printf "peak RSS %.1f MB in all, %.2f MB per camera\n", rss / 1024, rss / 1024 / n
}'

echo "== 2. catch-up after a $((OUTAGE / 60))-minute outage: $CAMERAS cameras"
db="$work/catchup.db"
"$BIN/vtrack" sources add sim --host "127.0.0.1:$port" --user admin --password admin123 --video-root "$work/videos2" --db "$db" >/dev/null
t0=$(date +%s.%N)
"$BIN/vtrack" sync --db "$db" --once --lag 10s --since "${OUTAGE}s" --no-retention --parallel "$PARALLEL" --replay-sessions "$PARALLEL" \
  --json > "$work/catchup.out" 2>&1 &
sync_pid=$!
pids+=($sync_pid)
peak=0; c=0
while kill -0 $sync_pid 2>/dev/null; do
  r=$(rss_kb $sync_pid 2>/dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r
  c=$(cpu_seconds $sync_pid 2>/dev/null || echo "$c")
  sleep 0.5
done
wait $sync_pid || { echo "the catch-up pass failed" >&2; tail "$work/catchup.out" >&2; exit 1; }
t1=$(date +%s.%N)
python3 - "$work/catchup.out" "$t0" "$t1" "$CAMERAS" "$peak" "${c:-0}" <<'PY'
import json, sys
out, t0, t1, n, rss, cpu = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
p = [json.loads(l) for l in open(out) if l.startswith("{")]
last = [x for x in p if x.get("type") == "pass"][-1]
wall = t1 - t0
media = last["media_seconds"]
print(f"{media / 3600:.1f} h of footage ({last['bytes'] / 1e9:.2f} GB, {last['files']} files) in {wall:.1f} s: "
      f"{media / wall:.0f}x real time in all, {media / wall / n:.0f}x per camera; CPU {cpu:.1f} s, peak RSS {rss / 1024:.1f} MB")
print(f"an hour-long outage of {n} cameras is caught up in {wall / (media / 3600 / n):.1f} s per hour missed")
PY

#!/usr/bin/env bash
# Download benchmark: `vtrack download` of 4 cameras x 1 h from the unpaced simulator (release
# build), with aggregate MB/s, x real time, CPU seconds and peak RSS (`/usr/bin/time -v`), then the
# same for a 4 h range (peak RSS must not grow with the range), next to a 1 camera x 1 h baseline
# run in the same script. The simulator runs in its own process (its CPU is not counted).
#
# Main streams (1080p H.264, about 1.4 Mbit/s): 1 h = ~640 MB per camera, so the 4 h run writes
# ~10 GB: WORK (default /tmp) needs that much free space; files are deleted after each run.
# Builds the release binaries with the Swift runtime and Foundation linked statically, in their
# own folder (SCRATCH, default .build-bench, shared with bench/probe.sh), unless BIN names
# binaries to use. SESSIONS (default 4) replay sessions and cameras at once; HOURS_LONG (default 4).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then
  SCRATCH=${SCRATCH:-.build-bench}
  echo "building release binaries in $SCRATCH…" >&2
  swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product vtrack >/dev/null
  swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product vtrack-sim >/dev/null
  BIN=$SCRATCH/release
fi
SESSIONS=${SESSIONS:-4}
HOURS_LONG=${HOURS_LONG:-4}
for b in vtrack vtrack-sim; do
  [ -x "$BIN/$b" ] || { echo "build first: swift build -c release --product $b (missing $BIN/$b)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d "${WORK:-/tmp}/vtrack-dl-bench.XXXXXX")
sim_pid=
cleanup() {
  [ -n "$sim_pid" ] && { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

"$BIN/vtrack-sim" --channels 4 --days 2 > "$work/sim.out" 2>&1 &
sim_pid=$!
for _ in $(seq 100); do grep -q ready "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's|^ready http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/sim.out")
[ -n "$port" ] || { echo "vtrack-sim did not start:"; cat "$work/sim.out"; exit 1; }

export XDG_DATA_HOME="$work/share" XDG_CONFIG_HOME="$work/config" HOME="$work/home" LANG=C.UTF-8
db="$work/vtrack.db"
"$BIN/vtrack" sources add sim --host "127.0.0.1:$port" --user admin --password admin123 \
  --video-root "$work/videos" --db "$db" >/dev/null

# Yesterday from 06:00 UTC (daytime: the simulator's footage has few gaps then).
day=$(( $(date -u +%s) / 86400 - 1 ))
from=$(( day * 86400 + 6 * 3600 ))
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

printf '%-22s %8s %9s %9s %9s %8s %9s %9s\n' "run" "media_h" "GB" "wall_s" "MB/s" "x_real" "cpu_s" "rss_MB"
declare -A RSS XRT
# run LABEL HOURS CAMERAS
run() {
  local label=$1 hours=$2 cams=$3
  local to=$(( from + hours * 3600 ))
  /usr/bin/time -v -o "$work/time" "$BIN/vtrack" download sim --from "$(iso $from)" --to "$(iso $to)" --cameras "$cams" \
    --parallel "$SESSIONS" --replay-sessions "$SESSIONS" --max-file-size-mb 500 --json --db "$db" > "$work/out.json" 2> "$work/err" \
    || { echo "$label failed:"; cat "$work/err"; tail -1 "$work/out.json"; exit 1; }
  local media bytes state
  read -r media bytes state < <(tail -1 "$work/out.json" | /usr/bin/python3 -c \
    'import json, sys; s = json.load(sys.stdin); print(s["media_seconds"], s["bytes"], s["state"])')
  [ "$state" = "done" ] || { echo "$label: job ended $state"; tail -1 "$work/out.json"; exit 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time")
  RSS[$label]=$rss
  XRT[$label]=$(awk -v m="$media" -v w="$wall" 'BEGIN { printf "%.0f", m / w }')
  printf '%-22s %8.2f %9.2f %9.2f %9.1f %8s %9s %9s\n' "$label" \
    "$(awk -v m="$media" 'BEGIN { print m / 3600 }')" "$(awk -v b="$bytes" 'BEGIN { print b / 1e9 }')" "$wall" \
    "$(awk -v b="$bytes" -v w="$wall" 'BEGIN { print b / 1e6 / w }')" "${XRT[$label]}" "$cpu" "$rss"
  rm -rf "$work/videos"/sim/*/*.mp4
}

run "baseline 1 cam x 1 h" 1 "Camera 01"
run "4 cams x 1 h" 1 "Camera 01,Camera 02,Camera 03,Camera 04"
run "4 cams x ${HOURS_LONG} h" "$HOURS_LONG" "Camera 01,Camera 02,Camera 03,Camera 04"

echo
awk -v x1="${XRT[baseline 1 cam x 1 h]}" -v x4="${XRT[4 cams x 1 h]}" -v r1="${RSS[4 cams x 1 h]}" -v r4="${RSS[4 cams x ${HOURS_LONG} h]}" \
  -v h="$HOURS_LONG" 'BEGIN {
    printf "aggregate x real time, 4 cameras: %s (goal >= 100); %.2f x the one-camera baseline\n", x4, x4 / x1
    printf "peak RSS 1 h: %s MB, %s h: %s MB, ratio %.2f (goal < 50 MB and flat)\n", r1, h, r4, r4 / r1
  }'

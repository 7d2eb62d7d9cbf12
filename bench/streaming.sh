#!/usr/bin/env bash
# Streaming benchmark.
#  1. The same unpaced 1080p 4 Mbit/s 60 s clip from GStreamer's RTSP server (a real third-party
#     peer): `vtrack record` next to `ffmpeg -rtsp_transport tcp -i URL -c copy` — wall time, CPU
#     seconds, peak RSS, and the ratios (median of RUNS runs each, files on tmpfs).
#  2. The pipeline alone: that stream captured once (interleaved bytes as read from the socket),
#     then read from memory -> framing -> depacketizer -> fragmented MP4 on tmpfs, on one core.
#  3. Peak RSS of an unpaced simulator replay of 1 minute and of 30 minutes (must be the same).
# Needs: release binaries (BIN=.build/release: swift build -c release --product vtrack, vtrack-sim,
# streaming-bench), ffmpeg, GStreamer's Python RTSP server (scripts/install-deps --test) and
# shared/peers next to the project (or VTRACK_PEERS). RUNS=5 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release}
RUNS=${RUNS:-5}
for b in vtrack vtrack-sim streaming-bench; do
  [ -x "$BIN/$b" ] || { echo "build first: swift build -c release --product $b (missing $BIN/$b)" >&2; exit 1; }
done
peers=${VTRACK_PEERS:-}
if [ -z "$peers" ]; then
  d=$(pwd)
  for _ in 1 2 3 4; do
    d=$(dirname "$d")
    [ -f "$d/shared/peers/rtsp-server.py" ] && { peers="$d/shared/peers"; break; }
  done
fi
[ -n "$peers" ] || { echo "shared/peers/rtsp-server.py not found next to the project (set VTRACK_PEERS)" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is not installed (scripts/install-deps --test)" >&2; exit 1; }

clips=${TMPDIR:-/tmp}/vtrack-peer-clips
bash "$peers/make-clips.sh" "$clips" >/dev/null
work=$(mktemp -d /dev/shm/vtrack-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- 1. GStreamer's server: ours vs ffmpeg -------------------------------------------------------
gport=$(free_port)
/usr/bin/python3 "$peers/rtsp-server.py" "$gport" "$clips" > "$work/gst.out" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do grep -q ready "$work/gst.out" 2>/dev/null && break; sleep 0.1; done
url="rtsp://127.0.0.1:$gport/fastbig"

# measure NAME CMD…: appends "wall cpu rss_kb" to $work/NAME
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { echo "$name failed:"; cat "$work/err"; exit 1; }
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/t" >> "$work/$name"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for _ in $(seq "$RUNS"); do
  measure ours "$BIN/vtrack" record "$url" -o "$work/ours.mp4"
  measure ffmpeg ffmpeg -nostdin -v error -rtsp_transport tcp -i "$url" -c copy -y "$work/ffmpeg.mp4"
done
size_mb=$(awk -v b="$(stat -c %s "$work/ours.mp4")" 'BEGIN { printf "%.1f", b / 1e6 }')
packets() { ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$1"; }
echo "== 1. unpaced 1080p 4 Mbit/s 60 s clip from GStreamer's RTSP server ($RUNS runs each, median; files on tmpfs)"
echo "   file: ours $size_mb MB, $(packets "$work/ours.mp4") packets; ffmpeg $(packets "$work/ffmpeg.mp4") packets"
printf "   %-8s %10s %10s %12s %10s\n" "" "wall (s)" "CPU (s)" "peak RSS MB" "MB/s"
for n in ours ffmpeg; do
  w=$(cut -d' ' -f1 "$work/$n" | median); c=$(cut -d' ' -f2 "$work/$n" | median); r=$(cut -d' ' -f3 "$work/$n" | median)
  eval "${n}_w=$w ${n}_c=$c ${n}_r=$r"
  printf "   %-8s %10s %10s %12.1f %10.0f\n" "$n" "$w" "$c" "$(echo "$r / 1024" | bc -l)" "$(echo "$size_mb / $w" | bc -l)"
done
printf "   ratio ours/ffmpeg: wall %.2f, CPU %.2f, peak RSS %.2f\n" \
  "$(echo "$ours_w / $ffmpeg_w" | bc -l)" "$(echo "$ours_c / ($ffmpeg_c + 0.0001)" | bc -l)" "$(echo "$ours_r / $ffmpeg_r" | bc -l)"

# --- 2. the pipeline alone, from memory ----------------------------------------------------------
"$BIN/streaming-bench" capture "$url" "$work/capture.bin" >/dev/null
echo "== 2. pipeline alone: captured interleaved bytes from memory -> depacketize -> fMP4 on tmpfs, one core"
echo "   $(taskset -c 0 "$BIN/streaming-bench" pipeline "$work/capture.bin" "$work" 7)"
rm -f "$work/capture.bin"

# --- 3. peak RSS: 1 minute vs 30 minutes of unpaced simulator replay -----------------------------
sport=$(free_port)
"$BIN/vtrack-sim" --rtsp-port "$sport" > "$work/sim.out" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do grep -q ready "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
token=$(printf "REC_%04x" $(( (1 * 7919 + 0x3a1) & 0xffff )))  # channel 1 (NVRModel)
echo "== 3. unpaced simulator replay (1080p H.264), streaming-bench replay into tmpfs"
for secs in 60 1800; do
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$BIN/streaming-bench" replay "rtsp://admin:admin123@127.0.0.1:$sport/replay/$token" "$secs" "$work/r.mp4" > "$work/r.out"
  read -r w u s m < "$work/t"
  printf "   %s; CPU %.2f s, peak RSS %.1f MB\n" "$(cut -d: -f2- "$work/r.out" | sed 's/^ //')" "$(echo "$u + $s" | bc -l)" "$(echo "$m / 1024" | bc -l)"
  rm -f "$work/r.mp4"
done

#!/usr/bin/env bash
# Pictures benchmark (issue 13).
#  1. Speed, in one process, each figure next to a baseline measured in the same run (median of
#     RUNS runs, wall and CPU milliseconds): JPEG decode of a 1920x1080 snapshot, JPEG encode,
#     scaling 1920x1080 -> 320x180, key-frame decode of the simulator's 640x360 H.264/H.265 sub
#     stream, cells at 160x45 (chafa's symbols, and the half-block fast way), a whole preview frame
#     (JPEG 1080p -> cells), sixel and kitty at 160x45 cells, live decode of the sub stream.
#     Baselines: memcpy of the same output, nearest-neighbour scaling and a naive half-block
#     renderer in plain Swift.
#  2. Colour pairs: how many distinct (fg,bg) pairs a 200x60 grid of 12 camera-like pictures (4x3
#     tiles of 50x20 cells) needs in 256-colour cells, and each picture alone at 200x60.
# Needs: a release build (BIN=.build/release: swift build -c release --product pictures-bench) and
# ffmpeg (for the test pictures). RUNS=30 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release}
RUNS=${RUNS:-30}
[ -x "$BIN/pictures-bench" ] || { echo "build first: swift build -c release --product pictures-bench (missing $BIN/pictures-bench)" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is not installed (scripts/install-deps --test)" >&2; exit 1; }
assets=Sources/Simulator/RTSP/Assets
work=$(mktemp -d "${TMPDIR:-/tmp}/vtrack-pictures.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== 1. speed (one process; the machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
"$BIN/pictures-bench" speed "$assets/main_1080p25.h264" "$assets/sub_360p15.h264" "$assets/sub_360p15.h265" "$RUNS"

# Camera-like scenes drawn with FFmpeg's geq (sky, trees, asphalt, lamps, windows; grain like a
# sensor's), FFmpeg's test sources, a grey fog, plus the simulator's own key frames: 13 pictures.
i=0
scene() {
  i=$((i + 1))
  ffmpeg -nostdin -v error -f lavfi -i "$1" -frames:v 1 -y "$work/$(printf %02d $i).png"
}
# A parking lot by day: sky, trees, asphalt with white bays.
scene "color=s=1280x720,geq=r='if(lt(Y,200),110+Y/3,if(lt(Y,300),40+30*sin(X/9)*sin(Y/7),if(lt(mod(X+Y/2,160),8),220,95+10*sin(X/3))))':g='if(lt(Y,200),160+Y/4,if(lt(Y,300),90+40*sin(X/9)*sin(Y/7),if(lt(mod(X+Y/2,160),8),220,95+10*sin(X/3))))':b='if(lt(Y,200),230,if(lt(Y,300),40+20*sin(X/9),if(lt(mod(X+Y/2,160),8),215,100+10*sin(X/3))))',noise=alls=14:allf=t,boxblur=1"
# A gate at night in infrared: grey, dark, a lamp, bars.
scene "color=s=1280x720,geq=lum='min(255,25+220*exp(-((X-900)*(X-900)+(Y-180)*(Y-180))/30000)+if(lt(mod(X,70),10)*gt(Y,250),60,0)+Y/12)':cb=128:cr=128,noise=alls=22:allf=t"
# An office: warm walls, a bright window, a desk.
scene "color=s=1280x720,geq=r='if(between(X,700,1100)*between(Y,80,400),235,if(gt(Y,520),120+20*sin(X/25),190-Y/8))':g='if(between(X,700,1100)*between(Y,80,400),240,if(gt(Y,520),80+15*sin(X/25),160-Y/8))':b='if(between(X,700,1100)*between(Y,80,400),245,if(gt(Y,520),50,120-Y/10))',noise=alls=10:allf=t,boxblur=2"
# A street at dusk: orange sky, dark buildings with lit windows.
scene "color=s=1280x720,geq=r='if(lt(Y,250+80*sin(X/150)),240-Y/3,if(lt(mod(X,90),40)*lt(mod(Y,70),30),230,35))':g='if(lt(Y,250+80*sin(X/150)),140-Y/4,if(lt(mod(X,90),40)*lt(mod(Y,70),30),190,30))':b='if(lt(Y,250+80*sin(X/150)),90+Y/5,if(lt(mod(X,90),40)*lt(mod(Y,70),30),90,45))',noise=alls=12:allf=t"
# A lawn and a pond under shade.
scene "color=s=1280x720,geq=r='if(lt((X-640)*(X-640)/4+(Y-450)*(Y-450),40000),40,60+30*sin(X/11)*cos(Y/13))':g='if(lt((X-640)*(X-640)/4+(Y-450)*(Y-450),40000),90,130+50*sin(X/11)*cos(Y/13))':b='if(lt((X-640)*(X-640)/4+(Y-450)*(Y-450),40000),140,50)',noise=alls=16:allf=t,boxblur=1"
scene "mandelbrot=s=1280x720:start_scale=0.3,eq=saturation=0.6,boxblur=2"
scene "mandelbrot=s=1280x720:start_x=-0.743:start_y=-0.13:start_scale=0.05,noise=alls=10:allf=t"
scene "testsrc2=s=1280x720,boxblur=3,noise=alls=10:allf=t"
scene "smptehdbars=s=1280x720,noise=alls=16:allf=t,boxblur=1"
scene "color=c=0x5a6e7f:s=1280x720,noise=alls=40:allf=t,boxblur=5"
echo "== 2. colour pairs, 256-colour cells"
"$BIN/pictures-bench" pairs "$work"/*.png "$assets/main_1080p25.h264" "$assets/sub_360p15.h264" "$assets/sub_360p15.h265"

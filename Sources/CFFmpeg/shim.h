#ifndef VTRACK_CFFMPEG_H
#define VTRACK_CFFMPEG_H
// FFmpeg's libavcodec (JPEG, H.264, H.265 decoding; JPEG encoding) and libswscale (scaling,
// pixel formats), from Debian's libavcodec-dev / libswscale-dev. Swift cannot import
// function-like macros: the few we need are wrapped here.
#include <errno.h>
#include <libavcodec/avcodec.h>
#include <libavutil/imgutils.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libswscale/swscale.h>

static inline int vtrack_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int vtrack_averror_eof(void) { return AVERROR_EOF; }
#endif

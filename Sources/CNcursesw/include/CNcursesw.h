#ifndef VTRACK_CNCURSESW_H
#define VTRACK_CNCURSESW_H
// ncursesw for Swift. Wide-character API needs these before <ncurses.h>.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>

// Swift 6 rejects mutable C globals and cannot import complex macros: wrap them.
static inline WINDOW *vtrack_stdscr(void) { return stdscr; }
static inline int vtrack_lines(void) { return LINES; }
static inline int vtrack_cols(void) { return COLS; }
static inline int vtrack_colors(void) { return COLORS; }
static inline int vtrack_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t vtrack_a_bold(void) { return A_BOLD; }
static inline attr_t vtrack_a_reverse(void) { return A_REVERSE; }
static inline attr_t vtrack_a_underline(void) { return A_UNDERLINE; }
static inline attr_t vtrack_a_dim(void) { return A_DIM; }
static inline attr_t vtrack_a_normal(void) { return A_NORMAL; }
static inline attr_t vtrack_color_pair(int n) { return COLOR_PAIR(n); }
static inline int vtrack_key_resize(void) { return KEY_RESIZE; }
static inline int vtrack_key_f(int n) { return KEY_F(n); }
static inline int vtrack_key_code_yes(void) { return KEY_CODE_YES; }
static inline int vtrack_err(void) { return ERR; }
/// initscr() that reports failure instead of exiting the process: false when the terminal
/// type ($TERM) cannot be used. The screen it makes is the current one.
static inline bool vtrack_open_screen(void) { return newterm(NULL, stdout, stdin) != NULL; }
/// Draws one cell (UTF-8 grapheme) with attributes and a colour pair (an extended pair number).
int vtrack_mvaddwch_utf8(int y, int x, const char *utf8, attr_t attrs, int pair);
/// A terminal cell's size in pixels (ioctl TIOCGWINSZ); -1 when the terminal does not say.
int vtrack_cell_pixels(int fd, int *width, int *height);
/// Reads one key without waiting: returns KEY_CODE_YES (function key in *code), OK (character
/// in *code) or ERR (nothing pending).
int vtrack_get_key(unsigned int *code);
/// Saves the terminal modes (call before initscr()) for the crash-time restore.
void vtrack_save_terminal_modes(void);
/// Saves the terminfo strings that leave full-screen mode, and
/// installs handlers for crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP)
/// that restore the terminal with async-signal-safe calls, then re-raise the signal.
/// Call after initscr().
void vtrack_install_crash_handlers(void);
/// Restores the terminal the way the crash handlers do (used as a last resort).
void vtrack_restore_terminal_raw(void);
#endif

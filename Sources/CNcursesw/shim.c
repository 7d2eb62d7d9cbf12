#include "CNcursesw.h"
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <term.h>
#include <sys/ioctl.h>

// Draw one cell (a grapheme: base letter plus combining marks) given as UTF-8.
int vtrack_mvaddwch_utf8(int y, int x, const char *utf8, attr_t attrs, int pair) {
    wchar_t wbuf[CCHARW_MAX + 1];
    mbstate_t st;
    memset(&st, 0, sizeof st);
    const char *src = utf8;
    size_t n = mbsrtowcs(wbuf, &src, CCHARW_MAX, &st);
    if (n == (size_t)-1) { wbuf[0] = L'?'; n = 1; }
    wbuf[n] = 0;
    cchar_t cc;
    // the pair number through opts (an int): extended pairs above 32767 work too
    if (setcchar(&cc, wbuf, attrs, 0, &pair) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

int vtrack_get_key(unsigned int *code) {
    wint_t ch = 0;
    int r = wget_wch(stdscr, &ch);
    *code = (unsigned int)ch;
    return r;
}

// Crash-time terminal restore: only async-signal-safe calls (write, tcsetattr, raise).
static struct termios saved_modes;
static int have_saved_modes = 0;
static char leave_sequence[256];
static size_t leave_length = 0;

static void append_cap(const char *name) {
    char *cap = tigetstr((char *)name);
    if (cap == NULL || cap == (char *)-1) return;
    size_t n = strlen(cap);
    if (leave_length + n >= sizeof leave_sequence) return;
    memcpy(leave_sequence + leave_length, cap, n);
    leave_length += n;
}

void vtrack_save_terminal_modes(void) {
    if (tcgetattr(STDIN_FILENO, &saved_modes) == 0) have_saved_modes = 1;
}

void vtrack_restore_terminal_raw(void) {
    if (leave_length > 0) { ssize_t w = write(STDOUT_FILENO, leave_sequence, leave_length); (void)w; }
    if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

static void crash_handler(int sig) {
    vtrack_restore_terminal_raw();
    signal(sig, SIG_DFL);
    raise(sig);
}

void vtrack_install_crash_handlers(void) {
    leave_length = 0;
    const char *reset = "\033[0m";
    memcpy(leave_sequence, reset, strlen(reset));
    leave_length = strlen(reset);
    append_cap("cnorm");
    append_cap("rmkx");
    append_cap("rmcup");
    const char *nl = "\r\n";
    if (leave_length + 2 < sizeof leave_sequence) { memcpy(leave_sequence + leave_length, nl, 2); leave_length += 2; }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = crash_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
}

int vtrack_cell_pixels(int fd, int *width, int *height) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_row == 0 || ws.ws_xpixel == 0 || ws.ws_ypixel == 0) return -1;
    *width = ws.ws_xpixel / ws.ws_col;
    *height = ws.ws_ypixel / ws.ws_row;
    return 0;
}

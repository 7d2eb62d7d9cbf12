#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include "CShims.h"
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

int vtrack_wcwidth(unsigned int codepoint) { return wcwidth((wchar_t)codepoint); }

int vtrack_winsize(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

static int is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int vtrack_force_utf8_locale(void) {
    setlocale(LC_ALL, "");
    if (is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") && is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "en_US.UTF-8") && is_utf8()) return 1;
    return 0;
}

int vtrack_set_nonblocking(int fd, int on) {
    int fl = fcntl(fd, F_GETFL, 0);
    if (fl < 0) return -1;
    fl = on ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK);
    return fcntl(fd, F_SETFL, fl);
}

int vtrack_rename_noreplace(const char *from, const char *to) {
#ifdef SYS_renameat2
    if (syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
#endif
    // no RENAME_NOREPLACE here: link(2) fails with EEXIST on anything at `to`
    if (link(from, to) == 0) {
        if (unlink(from) != 0) { int e = errno; unlink(to); errno = e; return -1; }
        return 0;
    }
    if (errno == EEXIST) return -1;
    // no hard links either (FAT): refuse anything at `to`, then rename (a narrow window)
    struct stat st;
    if (lstat(to, &st) == 0) { errno = EEXIST; return -1; }
    return rename(from, to);
}

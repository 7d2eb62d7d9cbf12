#ifndef VTRACK_CSHIMS_H
#define VTRACK_CSHIMS_H
// Small libc helpers Swift's Glibc module does not export or cannot call (variadic).
#include <stddef.h>
#include <wchar.h>

/// wcwidth(3): display cells of one code point (-1 when not printable). Locale-dependent.
int vtrack_wcwidth(unsigned int codepoint);
/// Terminal size of a file descriptor via ioctl(TIOCGWINSZ); returns 0 on success.
int vtrack_winsize(int fd, int *rows, int *cols);
/// Make sure LC_ALL/LC_CTYPE is a UTF-8 locale (fallback C.UTF-8). Returns 1 when UTF-8.
int vtrack_force_utf8_locale(void);
/// fcntl(fd, F_SETFL, flags | O_NONBLOCK). Returns 0 on success.
int vtrack_set_nonblocking(int fd, int on);
/// rename(2) that never replaces what is at `to` (a file, a folder or a symbolic link):
/// renameat2(RENAME_NOREPLACE), or, where the file system lacks it, link(2) + unlink(2).
/// Returns 0 on success, -1 with errno set (EEXIST when `to` is taken).
int vtrack_rename_noreplace(const char *from, const char *to);
#endif

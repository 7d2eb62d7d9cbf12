#include "CNcursesw.h"
#include <stdlib.h>
#include <string.h>

// Draw one cell (a grapheme: base letter plus combining marks) given as UTF-8.
int vtrack_mvaddwch_utf8(int y, int x, const char *utf8, attr_t attrs, short pair) {
    wchar_t wbuf[CCHARW_MAX + 1];
    mbstate_t st;
    memset(&st, 0, sizeof st);
    const char *src = utf8;
    size_t n = mbsrtowcs(wbuf, &src, CCHARW_MAX, &st);
    if (n == (size_t)-1) { wbuf[0] = L'?'; n = 1; }
    wbuf[n] = 0;
    cchar_t cc;
    if (setcchar(&cc, wbuf, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

#ifndef VTRACK_CCHAFA_H
#define VTRACK_CCHAFA_H
// chafa (libchafa-dev): pixels to terminal cells (symbols), sixels or kitty graphics.
// Include paths (chafa's and glib's) come from pkg-config.
#include <chafa.h>
#endif

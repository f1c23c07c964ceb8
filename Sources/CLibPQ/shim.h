#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H
// Debian's libpq-dev puts the header in /usr/include/postgresql; it includes its neighbours
// with quotes, so no extra include path is needed.
#include <postgresql/libpq-fe.h>
#endif

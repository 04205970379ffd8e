// libpq (PostgreSQL 15). Debian keeps the header under postgresql/; pkg-config adds that folder.
#ifndef PUMPURS_CLIBPQ_SHIM_H
#define PUMPURS_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif

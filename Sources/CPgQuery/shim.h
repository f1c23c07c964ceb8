#ifndef CPGQUERY_SHIM_H
#define CPGQUERY_SHIM_H
#include <pg_query.h>
#endif

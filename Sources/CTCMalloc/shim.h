#ifndef INSPRAAK_CTCMALLOC_SHIM_H
#define INSPRAAK_CTCMALLOC_SHIM_H
#include <gperftools/tcmalloc.h>
#endif

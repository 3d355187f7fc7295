#ifndef INSPRAAK_CLIBYAML_SHIM_H
#define INSPRAAK_CLIBYAML_SHIM_H
#include <yaml.h>
#endif

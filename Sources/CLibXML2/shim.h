#ifndef ARGMARK_CLIBXML2_SHIM_H
#define ARGMARK_CLIBXML2_SHIM_H
// xmlversion.h first: undefining LIBXML_ICU_ENABLED keeps the system ICU headers out of the
// module, which would otherwise clash with Foundation's own ICU module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#endif

// PoDoFo 0.9 headers, marked as a system header so their warnings stay out of our build.
// PoDoFo only ever writes: every input PDF is parsed with Poppler.
#pragma once
#pragma GCC system_header

#include <podofo/podofo.h>

#pragma once
// A known leak inside a library call, kept out of LeakSanitizer's report by scope rather than
// by a suppression: a suppression matches a stack, and the fast unwinder that fuzzing runs with
// stops inside glib (built without frame pointers) before it reaches the function a suppression
// names, so a leak of this kind stopped fuzzing runs in CI. Only what the calling thread
// allocates while an object of this type lives is ignored; put it around one library call whose
// leak is understood (docs/fuzzing.md), never around our own code. Without a sanitizer it is
// nothing.
#if defined(__SANITIZE_ADDRESS__)
#define SAFESAR_HAS_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define SAFESAR_HAS_LSAN 1
#endif
#endif

#ifdef SAFESAR_HAS_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace safesar {

class KnownLibraryLeak {
  public:
#ifdef SAFESAR_HAS_LSAN
    KnownLibraryLeak() { __lsan_disable(); }
    ~KnownLibraryLeak() { __lsan_enable(); }
#else
    KnownLibraryLeak() = default;
#endif
    KnownLibraryLeak(const KnownLibraryLeak&) = delete;
    KnownLibraryLeak& operator=(const KnownLibraryLeak&) = delete;
};

} // namespace safesar

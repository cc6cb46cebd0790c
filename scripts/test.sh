#!/usr/bin/env bash
# The README's second command: build and run every test, then the same under AddressSanitizer
# and UndefinedBehaviorSanitizer, then each fuzz harness for 20 s (docs/fuzzing.md; CI must end within 40 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr -DSAFESAR_BUILD_GUI=ON >/dev/null
cmake --build build -j "$jobs"
# The GUI tests drive the real window with no display.
QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure -j "$jobs"
if [[ "${SAFESAR_SKIP_SANITIZERS:-0}" != 1 ]]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSAFESAR_SANITIZE=ON \
    -DSAFESAR_BUILD_GUI=OFF >/dev/null
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi
# Sanitizer builds too; skipped with them unless SAFESAR_SKIP_FUZZ=0.
if [[ "${SAFESAR_SKIP_FUZZ:-${SAFESAR_SKIP_SANITIZERS:-0}}" != 1 ]]; then
  bash scripts/fuzz.sh "${SAFESAR_FUZZ_SECONDS:-20}"
fi

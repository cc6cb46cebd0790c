#!/usr/bin/env bash
# The README's second command: build and run every test, then the same under AddressSanitizer
# and UndefinedBehaviorSanitizer, then each fuzz harness for 20 s (docs/fuzzing.md; CI must end
# within 40 minutes). Each phase prints how long it took, so a slow CI run shows where.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
started=$SECONDS
phase_done() { echo "test.sh: $1 took $((SECONDS - started)) s (total ${SECONDS} s)"; started=$SECONDS; }

# Line tables only (-g1): a stack printed by a failing test still names functions and lines, and
# the build takes a fifth less time than with full debug information.
# Unity builds (eight source files per compiler run): every file of a target includes the same
# heavy headers (CLI11 alone is 15 s per file under the sanitizers), parsed and compiled once
# for eight instead of once each. Names in one file's anonymous namespace must therefore differ
# from those of the other files of its target; a clash fails this build, not a developer's.
unity=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr -DSAFESAR_BUILD_GUI=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  "${unity[@]}" >/dev/null
cmake --build build -j "$jobs"
phase_done "release build"
# The GUI tests drive the real window with no display.
QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure -j "$jobs"
phase_done "release tests"
if [[ "${SAFESAR_SKIP_SANITIZERS:-0}" != 1 ]]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSAFESAR_SANITIZE=ON \
    -DSAFESAR_BUILD_GUI=OFF "${unity[@]}" >/dev/null
  cmake --build build-asan -j "$jobs"
  phase_done "sanitizer build"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
  phase_done "sanitizer tests"
fi
# Sanitizer builds too; skipped with them unless SAFESAR_SKIP_FUZZ=0. A fixed seed, so that a
# finding in CI can be replayed; exploring anew is scripts/fuzz.sh run by hand.
if [[ "${SAFESAR_SKIP_FUZZ:-${SAFESAR_SKIP_SANITIZERS:-0}}" != 1 ]]; then
  SAFESAR_FUZZ_SEED=${SAFESAR_FUZZ_SEED:-1} bash scripts/fuzz.sh "${SAFESAR_FUZZ_SECONDS:-20}"
  phase_done "fuzzing"
fi

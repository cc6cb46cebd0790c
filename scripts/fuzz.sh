#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/*_fuzzer.cpp) with clang, ASan and UBSan, and runs each
# for SECONDS (default 60), two at a time, from the seed corpus: fuzz/corpus/NAME/, the saved
# regressions and the fixtures the harness's "// seeds:" line names. Fails on the first crash,
# leak or timeout, leaving the input in build-fuzz/findings/NAME/. See docs/fuzzing.md.
# SAFESAR_FUZZ_SEED fixes libFuzzer's random seed (CI sets 1, so a run there can be replayed
# exactly); unset, each run explores anew. A leak is replayed once more with the slow, full
# unwinder: a library built without frame pointers, such as glib, cuts the fast one's stack
# before it reaches our code (the slow one everywhere would cost most of the executions).
#
#   scripts/fuzz.sh [SECONDS] [NAME...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
root=$PWD
build=$root/build-fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAFESAR_FUZZ=ON \
  -DSAFESAR_BUILD_GUI=OFF -DSAFESAR_BUILD_TESTS=OFF \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} \
  ${CMAKE_C_COMPILER_LAUNCHER:+-DCMAKE_C_COMPILER_LAUNCHER=$CMAKE_C_COMPILER_LAUNCHER} >/dev/null

names=("$@")
if ((${#names[@]} == 0)); then
  for f in fuzz/*_fuzzer.cpp; do n=$(basename "$f" _fuzzer.cpp); names+=("$n"); done
fi
cmake --build "$build" -j "$(nproc)" --target "${names[@]/%/_fuzzer}"

# One harness: a fresh working corpus from the seeds, then SECONDS of fuzzing.
run_one() {
  local name=$1 work=$build/work/$1 findings=$build/findings/$1
  rm -rf "$work" "$findings"
  mkdir -p "$work" "$findings"
  for dir in fuzz/corpus/$name fuzz/regressions/$name; do
    [[ -d $dir ]] && cp -r "$dir"/. "$work"/
  done
  # Fixture files named by the harness's "// seeds:" line, small ones only.
  local patterns
  patterns=$(sed -n 's|^// seeds: ||p' "fuzz/${name}_fuzzer.cpp")
  for p in $patterns; do
    find fixtures tests/data -type f -name "$p" -size -256k -print0 |
      while IFS= read -r -d '' f; do cp "$f" "$work/seed-$(echo "$f" | md5sum | cut -c1-12)"; done
  done
  local log=$build/findings/$name.log
  if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
     LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp" \
     UBSAN_OPTIONS=print_stacktrace=1 \
     "$build/fuzz/${name}_fuzzer" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
       -max_len=1048576 -seed="${SAFESAR_FUZZ_SEED:-0}" -print_final_stats=1 -artifact_prefix="$findings/" "$work" \
       >"$log" 2>&1; then
    echo "fuzz $name: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs in ${seconds} s, no crash"
  else
    echo "fuzz $name: FAILED, see $log and $findings/" >&2
    tail -40 "$log" >&2
    local leak
    for leak in "$findings"/leak-*; do
      [[ -f $leak ]] || continue
      echo "fuzz $name: the leak replayed with whole stacks:" >&2
      ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:fast_unwind_on_malloc=0:malloc_context_size=60 \
        LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp" \
        "$build/fuzz/${name}_fuzzer" -runs=3 "$leak" 2>&1 | grep -A60 'LeakSanitizer' | head -80 >&2 || true
      break
    done
    return 1
  fi
}

# Two at a time: the machine's two cores.
status=0
pids=()
for name in "${names[@]}"; do
  run_one "$name" &
  pids+=($!)
  if ((${#pids[@]} == 2)); then
    wait "${pids[0]}" || status=1
    pids=("${pids[1]}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status

#!/usr/bin/env bash
# check_packages.sh BUILD_DIR SOURCE_DIR PACKAGE...: builds the Debian packages with CPack, runs
# lintian on them (no errors allowed), unpacks them into a scratch root (dpkg -x) and there,
# with the source and build trees hidden behind empty mounts, runs the installed safesar on the
# installed demo case, the installed safesar-gui --version, the bash completion, the man pages
# and desktop-file-validate, and a program built against safesar-dev's find_package(SafeSAR).
# One test, not one per package: CPack and lintian are the slow part (CI time).
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2")
shift 2
expected=("$@")
for tool in cpack dpkg-deb lintian desktop-file-validate unshare help2man; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh)"; exit 1; }
done
[[ -f /usr/share/bash-completion/bash_completion ]] || { echo "FAIL: bash-completion is missing"; exit 1; }
tmp=$(mktemp -d /tmp/safesar-packages.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "== $* ($SECONDS s)"; }

[[ -f $build/CPackConfig.cmake ]] ||
  fail "no CPackConfig.cmake in $build: configure with -DCMAKE_INSTALL_PREFIX=/usr"
step "cpack"
cpack --config "$build/CPackConfig.cmake" -B "$tmp/debs" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack"; }
for package in "${expected[@]}"; do
  ls "$tmp/debs/${package}_"*.deb >/dev/null 2>&1 || fail "no .deb for $package"
done

step "lintian"
# Errors fail; warnings are printed for the record.
lintian --fail-on error --tag-display-limit 0 "$tmp"/debs/*.deb | tee "$tmp/lintian.log" ||
  fail "lintian reports errors"

step "dpkg -x"
root=$tmp/root
for deb in "$tmp"/debs/*.deb; do dpkg -x "$deb" "$root"; done
dpkg-deb -f "$tmp"/debs/safesar_*.deb Depends | grep -q 'libpoppler' ||
  fail "safesar's Depends has no shared library (dpkg-shlibdeps)"

step "desktop entry"
desktop-file-validate "$root/usr/share/applications/safesar-gui.desktop" ||
  fail "desktop-file-validate"
[[ -s $root/usr/share/icons/hicolor/scalable/apps/safesar-gui.svg ]] || fail "no icon"

step "man pages"
for page in safesar safesar-gui; do
  text=$(zcat "$root/usr/share/man/man1/$page.1.gz")
  grep -q '^\.SH EXIT STATUS\|^\.SH FILES' <<<"$text" || fail "$page.1 lacks its sections"
done
grep -q '^\.SS run$' <(zcat "$root/usr/share/man/man1/safesar.1.gz") ||
  fail "safesar.1 lacks the run command's help"

step "find_package(SafeSAR) from safesar-dev"
mkdir "$tmp/consumer"
cat >"$tmp/consumer/CMakeLists.txt" <<'INNER'
cmake_minimum_required(VERSION 3.25)
project(consumer CXX)
find_package(SafeSAR 0.1 REQUIRED)
add_executable(consumer main.cpp)
target_link_libraries(consumer PRIVATE SafeSAR::safesar_engine)
target_compile_features(consumer PRIVATE cxx_std_20)
INNER
cat >"$tmp/consumer/main.cpp" <<'INNER'
#include <safesar/data_dir.hpp>
#include <safesar/version.hpp>
#include <iostream>
int main() { std::cout << safesar::version_line() << "\n" << safesar::dictionaries_dir().string() << "\n"; }
INNER
if ! { cmake -S "$tmp/consumer" -B "$tmp/consumer/build" -G Ninja -DCMAKE_PREFIX_PATH="$root/usr" &&
  cmake --build "$tmp/consumer/build"; } >"$tmp/consumer.log" 2>&1; then
  cat "$tmp/consumer.log"
  fail "a program using find_package(SafeSAR)"
fi
step "installed programs, source and build trees hidden"
cp -r "$root/usr/share/doc/safesar/examples/demo-perpetrator" "$tmp/case"
cat >"$tmp/installed.sh" <<INNER
set -euo pipefail
cd /
# Nothing of the source or build tree can be read from here on.
mount -t tmpfs none "$source"
[[ $build == $source/* ]] || mount -t tmpfs none "$build"
unset SAFESAR_DICTIONARIES
"$root/usr/bin/safesar" --version
"$root/usr/bin/safesar-gui" --version | grep -q '^  Qt 6'
"$root/usr/bin/safesar" run "$tmp/case" --out "$tmp/out" --json >"$tmp/run.json"
"$tmp/consumer/build/consumer" >"$tmp/consumer.out"
INNER
unshare --mount bash "$tmp/installed.sh" || fail "the installed safesar on the demo case"
python3 -c 'import json, pathlib, sys
run = json.load(open(sys.argv[1]))
assert pathlib.Path(run["pdf"]).stat().st_size > 0, run
assert run["pages"] > 0 and run["redactions"] > 0, run' "$tmp/run.json" ||
  fail "the installed run wrote no bundle"
# A program built on safesar-dev: its version, and the packages' dictionaries once the source
# tree is gone.
expected_consumer="$("$root/usr/bin/safesar" --version | head -n 1 | cut -d ' ' -f 2-)
/usr/share/safesar/dictionaries"
[[ $(cat "$tmp/consumer.out") == "$expected_consumer" ]] ||
  fail "the safesar-dev program printed: $(cat "$tmp/consumer.out")"

step "bash completion"
completed=$(bash -c '
  source /usr/share/bash-completion/bash_completion
  source "$1/usr/share/bash-completion/completions/safesar"
  complete_line() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}; _safesar; echo "${COMPREPLY[*]}"; }
  complete_line "$1/usr/bin/safesar" sta
  complete_line "$1/usr/bin/safesar" run case --o' _ "$root")
[[ $completed == $'status\n--out' ]] || fail "completion gave: $completed"

step "done"

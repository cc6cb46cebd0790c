#!/usr/bin/env bash
# The README's first command: install the build dependencies, build, package and install SafeSAR
# (the safesar Debian package), and run the installed program on the bundled fictional case.
# The bundle lands in out/demo-perpetrator/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
# What the packages hold; the tests are built by scripts/test.sh.
targets=(safesar safesar_package_files)
grep -q '^SAFESAR_BUILD_GUI:BOOL=ON' build/CMakeCache.txt && targets+=(safesar-gui)
cmake --build build -j "$(nproc)" --target "${targets[@]}"
rm -rf build/packages
(cd build && cpack -B packages >/dev/null)
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$PWD"/build/packages/safesar_*.deb
# The installed demo case is read-only; a case keeps its review state inside it: work on a copy.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r /usr/share/doc/safesar/examples/demo-perpetrator "$work/"
rm -rf out/demo-perpetrator
/usr/bin/safesar run "$work/demo-perpetrator" --out out/demo-perpetrator
ls -l out/demo-perpetrator

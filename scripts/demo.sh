#!/usr/bin/env bash
# The README's first command: install, build, and run the whole pipeline on the bundled
# fictional case. The bundle lands in out/demo-perpetrator/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target safesar
rm -rf out/demo-perpetrator
build/cli/safesar run fixtures/cases/demo-perpetrator --out out/demo-perpetrator
ls -l out/demo-perpetrator

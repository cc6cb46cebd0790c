#!/usr/bin/env bash
# Takes the user guide's screenshots (docs/images/gui-*.png) from the real window, with no
# display: the offscreen Qt platform draws the same widgets a desktop shows.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAFESAR_BUILD_GUI=ON >/dev/null
cmake --build build -j "$(nproc)" --target gui_screenshots
QT_QPA_PLATFORM=offscreen build/gui/gui_screenshots docs/images

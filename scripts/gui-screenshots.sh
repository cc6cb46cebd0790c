#!/usr/bin/env bash
# Takes the user guide's screenshots (docs/images/gui-*-WxH.png) from the real window, with no
# display: Qt's offscreen platform draws the same widgets a desktop shows, on a screen of each
# size reviewers have (1280 x 720, the smallest supported; 1920 x 1080).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAFESAR_BUILD_GUI=ON >/dev/null
cmake --build build -j "$(nproc)" --target gui_screenshots
config=$(mktemp --suffix=.json)
trap 'rm -f "$config"' EXIT
for size in 1280x720 1920x1080; do
  width=${size%x*} height=${size#*x}
  printf '{"screens": [{"name": "screen", "x": 0, "y": 0, "width": %d, "height": %d, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}\n' \
    "$width" "$height" >"$config"
  QT_QPA_PLATFORM="offscreen:configfile=$config" build/gui/gui_screenshots docs/images
done

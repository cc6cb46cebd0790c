#!/usr/bin/env bash
# Installs every Debian 12 package SafeSAR needs to build, test and be scored. Idempotent.
set -euo pipefail
packages=(
  build-essential cmake pkg-config ninja-build
  libpoppler-cpp-dev          # reading PDFs: text with boxes, rendering (untrusted input)
  libpoppler-glib-dev         # the images on a PDF page (not in poppler-cpp)
  libqpdf-dev                 # PDF structure checked against the limits; raw text strings
  libpodofo-dev               # writing the fresh output PDF (0.9 API)
  libqpdf-dev                 # verifying the bundle: every object, string and stream, decrypted
  libfontconfig-dev           # choosing a font for each script the bundle prints
  libicu-dev                  # charsets, case and diacritic folding, sentence breaks
  wbritish-large              # English word list: detection tells ordinary words from proper nouns
  libre2-dev                  # linear-time pattern matching (RE2::Set)
  libgmime-3.0-dev            # MIME e-mail parsing
  libmagic-dev                # file kinds from content
  libcli11-dev                # command line
  nlohmann-json3-dev          # request.json, output JSON
  libsqlite3-dev              # review state
  libpqxx-dev                 # review state shared by a team: PostgreSQL (SAFESAR_DATABASE)
  postgresql                  # tests: the review tests again on a throwaway cluster
  libgumbo-dev                # HTML e-mail parts and .html records to text
  libzip-dev                  # .docx, .xlsx, .odt, .ods: the zip container, read with limits
  libxml2-dev                 # their XML parts (network, DTDs and entity expansion off)
  libgsf-1-dev                # OLE compound files: .msg, .doc, .xls, summary information, VBA source
  libexiv2-dev                # EXIF, XMP and IPTC of photographs (camera owner, GPS position)
  libheif-dev                 # .heic photographs from phones
  libheif-examples            # heif-enc: the HEIC fixture (fixtures/make_formats.py)
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd  # OCR, orientation
  libssl-dev                  # SHA-256 for the audit chain and cache keys
  libjpeg-dev                 # JPEG for photographic pages of the bundle
  libtiff-dev                 # CCITT G4 for black-and-white pages of the bundle (half of 2-bit grey)
  fonts-dejavu-core           # the font embedded in the bundle (Latin, Greek, Cyrillic, Arabic...)
  fonts-noto-core             # scripts DejaVu lacks (Devanagari, Bengali, Tamil, Thai, Ethiopic...)
  fonts-droid-fallback        # Chinese, Japanese, Korean in TrueType outlines (Noto CJK is CFF,
                              # which PoDoFo 0.9 cannot subset)
  qt6-base-dev libpoppler-qt6-dev  # the reviewer GUI: Qt 6 Widgets, Poppler's Qt 6 renderer
  catch2                      # tests
  python3-jsonschema          # tests: the bundle JSON and every --json output against their schemas
  help2man                    # man pages from the programs' own --help (needed to configure)
  lintian                     # the debian_packages test: no lintian errors in the .debs
  desktop-file-utils          # the debian_packages test: desktop-file-validate
  bash-completion             # the debian_packages test runs the bash completion
  clang-14 libclang-rt-14-dev # libFuzzer harnesses (scripts/fuzz.sh)
  python3 python3-reportlab python3-pil poppler-utils qpdf  # fixtures and the scorer's tools
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

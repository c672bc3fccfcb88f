#!/usr/bin/env bash
# What the browser and print tests (and `npm run demo`'s PDF) need from Debian, checked before they run:
#   chromium          the task pane's end-to-end tests (playwright-core drives /usr/bin/chromium)
#   libreoffice-calc  the print tests and the demo's PDF (soffice --headless --convert-to pdf)
#   fonts-noto-cjk    Japanese glyphs in that PDF
#   poppler-utils     pdfinfo / pdftotext / pdftoppm to measure the PDF and draw its pages
#   python3-openpyxl  a second reader of the workbooks the CLI writes (the rollup's Excel table)
# As root it installs what is missing with apt-get; otherwise it stops at once with the one line to run.
# `--optional` (used by `npm run demo`): say what is missing and go on without it instead of failing.
set -uo pipefail

declare -A PRESENT_IF=(
  [chromium]='test -x /usr/bin/chromium'
  [libreoffice-calc]='command -v soffice && test -e /usr/lib/libreoffice/program/scalc'
  [fonts-noto-cjk]='fc-list :lang=ja | grep -qi "noto sans cjk"'
  [poppler-utils]='command -v pdfinfo && command -v pdftotext && command -v pdftoppm'
  [python3-openpyxl]='/usr/bin/python3 -c "import openpyxl"'
)
PACKAGES=(chromium libreoffice-calc fonts-noto-cjk poppler-utils python3-openpyxl)

optional=false
[[ ${1:-} == --optional ]] && optional=true

missing=()
for package in "${PACKAGES[@]}"; do
  bash -c "${PRESENT_IF[$package]}" >/dev/null 2>&1 || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0

line="apt-get install -y ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  if $optional; then
    echo "system-packages: missing ${missing[*]}: the PDF and page images are skipped. To add them: sudo $line" >&2
    exit 0
  fi
  echo "system-packages: missing ${missing[*]}; run as root: sudo $line" >&2
  exit 1
fi

echo "system-packages: installing ${missing[*]} (apt-get, as root)…" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }; then
  echo "system-packages: apt-get could not install ${missing[*]}; run: $line" >&2
  $optional && exit 0
  exit 1
fi
echo "system-packages: installed ${missing[*]} in ${SECONDS} s" >&2

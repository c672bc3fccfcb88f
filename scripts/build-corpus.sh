#!/bin/sh
# Builds tests/fixtures/corpus/ (README: "The package-editor corpus"): workbooks written by LibreOffice
# Calc (soffice --headless with a private -env:UserInstallation, driven over python3-uno) and by openpyxl
# (pip install openpyxl), each the progress fixture plus what a city's workbook holds beside the KPI table.
# Needs: libreoffice-calc, python3-uno (run with /usr/bin/python3), openpyxl for the python3 on PATH.
set -eu
cd "$(dirname "$0")/.."
/usr/bin/python3 scripts/corpus/build_libreoffice.py
python3 scripts/corpus/build_openpyxl.py
ls -l tests/fixtures/corpus/

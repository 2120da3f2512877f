#!/usr/bin/env bash
# Re-saves the openpyxl and exceljs feature workbooks with LibreOffice Calc, a third producer with its own
# XML dialect (shared strings with xml:space, its own number formats and styles, formula results it
# computes itself — so openpyxl's uncached SUM gets a value):
#   tests/reader/files/libreoffice-from-openpyxl.xlsx, libreoffice-from-exceljs.xlsx
# and, from the openpyxl workbook, the files a school may send instead of an .xlsx, for the sniffing tests:
#   libreoffice.xls (Excel 97-2003), libreoffice.ods, libreoffice.csv (first sheet), libreoffice.pdf
# Needs `soffice` (apt-get install libreoffice-calc-nogui). Run after make_openpyxl.py / make-exceljs.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
files="$here/files"
command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-calc-nogui" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"
cp "$files/openpyxl-features.xlsx" "$work/libreoffice-from-openpyxl.xlsx"
cp "$files/exceljs-features.xlsx" "$work/libreoffice-from-exceljs.xlsx"
# A private profile so that a running LibreOffice or a missing home does not get in the way.
soffice -env:UserInstallation="file://$work/profile" --headless --calc \
  --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/out" \
  "$work/libreoffice-from-openpyxl.xlsx" "$work/libreoffice-from-exceljs.xlsx" >/dev/null
cp "$files/openpyxl-features.xlsx" "$work/libreoffice.xlsx"
for target in 'xls:MS Excel 97' 'ods:calc8' 'csv:Text - txt - csv (StarCalc):44,34,76' 'pdf:calc_pdf_Export'; do
  soffice -env:UserInstallation="file://$work/profile" --headless --calc \
    --convert-to "$target" --outdir "$work/out" "$work/libreoffice.xlsx" >/dev/null
done
for f in libreoffice-from-openpyxl.xlsx libreoffice-from-exceljs.xlsx libreoffice.xls libreoffice.ods libreoffice.csv libreoffice.pdf; do
  mv "$work/out/$f" "$files/$f"
  echo "wrote $files/$f"
done

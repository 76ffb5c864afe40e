#!/usr/bin/env bash
# Renders an .xlsx with LibreOffice (a second real client besides Excel) to PDF and PNG pages,
# to look at charts and layout. Prints the PNG paths.
#   scripts/render-xlsx.sh <file.xlsx> <outdir>
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <file.xlsx> <outdir>" >&2
  exit 2
fi
file=$1
outdir=$2
if [ ! -f "$file" ]; then
  echo "render-xlsx: no such file: $file" >&2
  exit 2
fi
for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "render-xlsx: '$tool' not found. Install LibreOffice and poppler:" >&2
    echo "  apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils" >&2
    exit 127
  fi
done

mkdir -p "$outdir"
name=$(basename "${file%.*}")
# A private profile: a running LibreOffice or a first-start dialog must not block the conversion.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$outdir" "$file" >/dev/null 2>&1 || true
pdf="$outdir/$name.pdf"
if [ ! -s "$pdf" ]; then
  echo "render-xlsx: LibreOffice produced no PDF for $file" >&2
  exit 1
fi
rm -f "$outdir/$name"-*.png
pdftoppm -png -r 60 "$pdf" "$outdir/$name"
ls -1 "$outdir/$name"-*.png

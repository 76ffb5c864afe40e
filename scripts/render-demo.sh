#!/usr/bin/env bash
# Builds the demo workbook and renders it with LibreOffice, then copies the pages of the sheets
# management reads (Resultat, Ledningssammanfattning), the path (Nästa nivå) and the goals (Mål, Målgraf)
# to out/render/<sheet>.png for a quick look.
set -euo pipefail
cd "$(dirname "$0")/.."
node bin/infosak.js demo --out-dir out/render >/dev/null
bash scripts/render-xlsx.sh out/render/exempelkommun.xlsx out/render >/dev/null
pdf=out/render/exempelkommun.pdf
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
for sheet in Resultat Ledningssammanfattning 'Nästa nivå' 'Mål för' Målgraf; do
  for ((p = 1; p <= pages; p++)); do
    first=$(pdftotext -f "$p" -l "$p" "$pdf" - | sed -n 1p)
    if [[ "$first" == "$sheet"* ]]; then
      file=$(printf 'out/render/exempelkommun-%0*d.png' "${#pages}" "$p")
      slug=$(echo "$sheet" | tr '[:upper:]' '[:lower:]' | sed 's/ för$//; s/ /-/g')
      cp "$file" "out/render/$slug.png"
      echo "out/render/$slug.png (page $p of $pdf)"
      break
    fi
  done
done

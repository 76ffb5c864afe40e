#!/usr/bin/env bash
# Every workbook the product writes must open in Excel without a repair prompt: writes the demo and
# a series of CLI outputs (template, fill, score, recompute, recompute after a LibreOffice re-save,
# fill into a scored workbook), plus any workbooks the tests left in out/check/, and runs
# ../shared/ooxml-check/check-xlsx on all of them in one call.
set -euo pipefail
cd "$(dirname "$0")/.."
checker=../shared/ooxml-check/check-xlsx
[ -x "$checker" ] || { echo "check-outputs: $checker not found (../shared beside the repo)" >&2; exit 2; }
out=out/check
mkdir -p "$out"
cli() { node bin/infosak.js "$@" >/dev/null; }
answers=src/examples/exempelkommun.answers.json

cli demo --out-dir "$out"
cli template "$out/template.xlsx"
cli fill --answers "$answers" "$out/template.xlsx" -o "$out/filled.xlsx"
set +e # score exits 3 when some answers have input errors; the workbook is still written
cli score "$out/filled.xlsx" -o "$out/scored.xlsx"
cp "$out/scored.xlsx" "$out/rescored.xlsx"
for _ in 1 2 3; do cli score "$out/rescored.xlsx" --in-place; done
cli fill --answers "$answers" "$out/scored.xlsx" -o "$out/refilled.xlsx"
if command -v soffice >/dev/null 2>&1; then
  lo="$out/lo"
  mkdir -p "$lo"
  soffice --headless --convert-to xlsx --outdir "$lo" "$out/scored.xlsx" >/dev/null 2>&1
  [ -f "$lo/scored.xlsx" ] && cli score "$lo/scored.xlsx" -o "$out/libreoffice-rescored.xlsx"
else
  echo "check-outputs: soffice not installed; skipping the LibreOffice re-save" >&2
fi
# Issue 10: two saved measurements (Historik, Trend), a comparison (Jämförelse) and a recompute
# whose summary has the line since the last measurement.
earlier=src/examples/exempelkommun-tidigare.answers.json
cli fill --answers "$earlier" "$out/template.xlsx" -o "$out/history.xlsx"
cli snapshot "$out/history.xlsx" --in-place --date 2025-05-02
cli fill --answers "$answers" "$out/history.xlsx" --in-place
cli snapshot "$out/history.xlsx" --in-place --date 2026-05-04
cli snapshot "$out/history.xlsx" --in-place --date 2026-05-04
cli compare "$out/history.xlsx#2025-05-02" "$out/history.xlsx" -o "$out/compared.xlsx"
cli score "$out/compared.xlsx" --in-place
cli compare "$earlier" "$answers" -o "$out/compared-files.xlsx"
# Issue 11: a benchmark workbook of 150 synthetic organisations, and a workbook scored against the
# benchmark file (Benchmark sheet) with a benchmark group as its target (Nästa nivå, Handlingsplan).
members="$out/benchmark-members"
rm -rf "$members"
npx tsx scripts/benchmark/write-members.ts "$members" 150 >/dev/null
cli benchmark "$members" -o "$out/benchmark.xlsx" --save "$out/benchmark-members.json"
cli score "$out/filled.xlsx" -o "$out/scored-benchmark.xlsx" --benchmark "$out/benchmark-members.json" --target typkommun
cli score "$out/scored-benchmark.xlsx" --in-place --target föreskrift
# Issue 12: It-säkkollen (a catalog of statements): template, fill, score, recomputes, a fill into the
# scored workbook, and a recompute after a LibreOffice re-save.
itsak=src/examples/itsakkollen.answers.json
cli template --catalog itsakkollen-2023-msbfs2020-7-v1 "$out/itsak-template.xlsx"
cli fill --answers "$itsak" "$out/itsak-template.xlsx" -o "$out/itsak-filled.xlsx"
cli score "$out/itsak-filled.xlsx" -o "$out/itsak-scored.xlsx"
cp "$out/itsak-scored.xlsx" "$out/itsak-rescored.xlsx"
for _ in 1 2; do cli score "$out/itsak-rescored.xlsx" --in-place; done
cli fill --answers "$itsak" "$out/itsak-scored.xlsx" -o "$out/itsak-refilled.xlsx"
if command -v soffice >/dev/null 2>&1; then
  soffice --headless --convert-to xlsx --outdir "$out/lo" "$out/itsak-scored.xlsx" >/dev/null 2>&1
  [ -f "$out/lo/itsak-scored.xlsx" ] && cli score "$out/lo/itsak-scored.xlsx" -o "$out/itsak-libreoffice-rescored.xlsx"
fi
set -e
mapfile -t files < <(find "$out" -maxdepth 1 -name '*.xlsx' | sort)
echo "check-outputs: checking ${#files[@]} workbooks"
"$checker" --quiet "${files[@]}"

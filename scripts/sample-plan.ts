/**
 * Writes a sample workbook through the .xlsx adapter: a results sheet with two native charts and a
 * questions sheet with validation, a table and protection. Used to look at the charts as rendered
 * by LibreOffice (scripts/render-xlsx.sh).
 *
 *   npx tsx scripts/sample-plan.ts out/sample.xlsx [base.xlsx]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'fs';
import { dirname } from 'path';
import { applyPlanToXlsx } from '../src/adapters/xlsx/applyPlan';
import type { WritePlan } from '../src/workbook/plan/types';

const AREAS: readonly [string, number, number, number][] = [
  ['Styrning och ledning', 3, 38, 50],
  ['Riskhantering', 2, 22, 40],
  ['Informationsklassning', 4, 45, 45],
  ['Incidenthantering', 1, 12, 35],
  ['Kontinuitet', 2, 20, 30],
  ['Behörigheter', 3, 30, 40],
  ['Leverantörer', 0, 4, 30],
  ['Utbildning', 2, 18, 25],
  ['Fysisk säkerhet', 3, 27, 30],
  ['Uppföljning', 1, 9, 35],
];

export function samplePlan(): WritePlan {
  const last = AREAS.length + 1;
  return [
    { kind: 'sheet', sheet: 'Arbetsområden', tabColor: '1F4E79', columnWidths: [28, 8, 8, 8], freeze: { rows: 1, columns: 1 }, landscape: true, fitToPage: true },
    { kind: 'values', sheet: 'Arbetsområden', at: 'A1', rows: [['Arbetsområde', 'Nivå', 'Poäng', 'Max']], style: { bold: true, fill: '1F4E79', fontColor: 'FFFFFF' } },
    { kind: 'values', sheet: 'Arbetsområden', at: 'A2', rows: AREAS.map(([name, level, points, max]) => [name, level, points, max]) },
    { kind: 'table', sheet: 'Arbetsområden', name: 'Arbetsomraden', range: `A1:D${last}` },
    {
      kind: 'chart',
      sheet: 'Arbetsområden',
      name: 'Nivå per arbetsområde',
      type: 'bar',
      title: 'Nivå per arbetsområde',
      categories: { sheet: 'Arbetsområden', range: `A2:A${last}` },
      series: [{ name: 'Nivå', values: { sheet: 'Arbetsområden', range: `B2:B${last}` }, color: '1F4E79' }],
      anchor: { from: 'F1', to: 'N20' },
      axis: { min: 0, max: 4, majorUnit: 1, title: 'Nivå (0–4)' },
    },
    {
      kind: 'chart',
      sheet: 'Arbetsområden',
      name: 'Poäng och max',
      type: 'column',
      title: 'Poäng jämfört med max',
      categories: { sheet: 'Arbetsområden', range: `A2:A${last}` },
      series: [
        { name: 'Poäng', values: { sheet: 'Arbetsområden', range: `C2:C${last}` }, color: '2E75B6' },
        { name: 'Max', values: { sheet: 'Arbetsområden', range: `D2:D${last}` }, color: 'BDD7EE' },
      ],
      anchor: { from: 'F22', to: 'N42' },
      axis: { min: 0 },
      legend: true,
    },
    { kind: 'sheet', sheet: 'Frågor', columnWidths: [6, 50, 12, 14], protect: true, showGridlines: false },
    { kind: 'values', sheet: 'Frågor', at: 'A1', rows: [['Infosäkkollen – frågor']], style: { bold: true, fontSize: 14 } },
    { kind: 'merge', sheet: 'Frågor', range: 'A1:D1' },
    { kind: 'values', sheet: 'Frågor', at: 'A3', rows: [['Nr', 'Fråga', 'Svar', 'Datum']], style: { bold: true, border: 'bottom' } },
    {
      kind: 'values',
      sheet: 'Frågor',
      at: 'A4',
      rows: [
        [1, 'Finns en beslutad informationssäkerhetspolicy?', 'Säker', { date: '2026-03-15' }],
        [2, 'Genomförs riskanalyser regelbundet?', 'Osäker', { date: '2026-04-01' }],
        [3, 'Summa frågor', { formula: 'COUNTA(B4:B5)', result: 2 }, null],
      ],
    },
    { kind: 'style', sheet: 'Frågor', range: 'C4:C5', style: { locked: false, fill: 'FFF2CC' } },
    { kind: 'validation', sheet: 'Frågor', range: 'C4:C5', list: ['Säker', 'Osäker'], strict: false, prompt: 'Välj Säker eller Osäker' },
    { kind: 'conditionalFormat', sheet: 'Frågor', range: 'C4:C5', formula: 'C4="Osäker"', fill: 'F8CBAD', fontColor: '9C0006' },
    { kind: 'rowHeight', sheet: 'Frågor', rows: [1], height: 24 },
    { kind: 'values', sheet: 'Frågor', at: 'B8', rows: [[{ link: 'https://www.mcf.se/', text: 'MCF:s webbplats' }]] },
  ];
}

async function main(): Promise<void> {
  const [out, basePath] = process.argv.slice(2);
  if (!out) throw new Error('usage: npx tsx scripts/sample-plan.ts <out.xlsx> [base.xlsx]');
  const base = basePath ? new Uint8Array(readFileSync(basePath)) : null;
  const started = performance.now();
  const bytes = await applyPlanToXlsx(base, samplePlan());
  const ms = performance.now() - started;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  console.log(`${out}: ${bytes.length} bytes in ${ms.toFixed(1)} ms`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

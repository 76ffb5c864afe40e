/** Hand-built write plans for the Office.js adapter tests (not made by the workbook builders). */
import type { CellInput, WriteOp, WritePlan } from '../../../src/workbook/plan/types';

export const QUESTIONS = 'Frågor';
export const RESULT = 'Resultat';
export const ANSWERS = ['Ja', 'Nej', 'Delvis'] as const;
export const AREAS = ['Styrning', 'Riskhantering', 'Kontinuitet', 'Incidenter', 'Behörigheter', 'Leverantörer', 'Utbildning', 'Fysisk', 'Kryptering', 'Loggning'];

/**
 * A plan in the shape the product writes: a questionnaire sheet with `rows` questions (values,
 * styles, merges, a drop-down, a conditional format, protection with unlocked answer cells), a result
 * sheet with a table and two charts, and `extraSheets` more sheets of values.
 */
export function examplePlan(rows: number, extraSheets = 0): WritePlan {
  const last = rows + 1;
  const questionRows: CellInput[][] = Array.from({ length: rows }, (_, i) => [
    `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`, // "1.1": text that Excel would read as a number
    `Fråga ${i + 1}: finns en dokumenterad rutin?`,
    i % 3 === 0 ? ANSWERS[i % 2] : null,
    i % 4 === 0 ? '- se bilaga' : '', // "-…" would be a formula if written as is
  ]);
  const ops: WriteOp[] = [
    {
      kind: 'sheet',
      sheet: QUESTIONS,
      tabColor: '1F4E79',
      columnWidths: [8.43, 60, 14, 40],
      freeze: { rows: 1, columns: 0 },
      protect: true,
      landscape: true,
      fitToWidth: true,
      showGridlines: false,
    },
    { kind: 'values', sheet: QUESTIONS, at: 'A1', rows: [['Id', 'Fråga', 'Svar', 'Kommentar']], style: { bold: true, fill: '1F4E79', fontColor: 'FFFFFF', border: 'bottom' } },
    { kind: 'values', sheet: QUESTIONS, at: 'A2', rows: questionRows, style: { wrap: true, vAlign: 'top' } },
    { kind: 'style', sheet: QUESTIONS, range: `C2:C${last}`, style: { locked: false, fill: 'FFF2CC', border: 'thin', hAlign: 'center' } },
    { kind: 'style', sheet: QUESTIONS, range: `B2:B${last}`, style: { indent: 1 } },
    // Ragged rows, a date, a formula, a link.
    {
      kind: 'values',
      sheet: QUESTIONS,
      at: 'F1',
      rows: [
        ['Infosäkkollen'],
        ['Datum', { date: '2024-03-15' }],
        ['Besvarade', { formula: `COUNTA(C2:C${last})`, result: 0 }],
        ['Källa', { link: 'https://www.mcf.se/', text: 'MCF' }, 'extra'],
      ],
    },
    { kind: 'merge', sheet: QUESTIONS, range: 'F1:H1' },
    { kind: 'rowHeight', sheet: QUESTIONS, rows: [1, 3, 4, 5], height: 30 },
    { kind: 'validation', sheet: QUESTIONS, range: `C2:C${last}`, list: [...ANSWERS], strict: true, prompt: 'Välj Ja, Nej eller Delvis.' },
    { kind: 'conditionalFormat', sheet: QUESTIONS, range: `C2:C${last}`, formula: 'C2="Nej"', fill: 'FFC7CE', fontColor: '9C0006' },

    { kind: 'sheet', sheet: RESULT, columnWidths: [20, 12, 12, 4, 12] },
    {
      kind: 'values',
      sheet: RESULT,
      at: 'A1',
      rows: [['Område', 'Nivå', 'Mål', null, 'Förra året'], ...AREAS.map((area, i) => [area, (i % 5) + 1, 3, null, (i % 4) + 1])],
    },
    { kind: 'style', sheet: RESULT, range: 'A1:E1', style: { bold: true } },
    { kind: 'style', sheet: RESULT, range: 'B2:E11', style: { numberFormat: '0' } },
    { kind: 'table', sheet: RESULT, name: 'Resultat_omraden', range: 'A1:C11', style: 'TableStyleMedium2' },
    {
      kind: 'chart',
      sheet: RESULT,
      name: 'Nivåer',
      type: 'bar',
      title: 'Nivå per område',
      categories: { sheet: RESULT, range: 'A2:A11' },
      series: [{ name: 'Nivå', values: { sheet: RESULT, range: 'B2:B11' }, color: '2E75B6' }],
      anchor: { from: 'G2', to: 'N20' },
      axis: { min: 0, max: 5, majorUnit: 1, title: 'Nivå' },
      legend: false,
    },
    {
      kind: 'chart',
      sheet: RESULT,
      name: 'Jämförelse',
      type: 'column',
      title: 'I år och förra året',
      categories: { sheet: RESULT, range: 'A2:A11' },
      // Not adjacent to the categories: series set from their ranges.
      series: [
        { name: 'I år', values: { sheet: RESULT, range: 'B2:B11' }, color: '2E75B6' },
        { name: 'Förra året', values: { sheet: RESULT, range: 'E2:E11' }, color: 'A5A5A5' },
      ],
      anchor: { from: 'G22', to: 'N40' },
      axis: { min: 0, max: 5 },
    },
  ];
  for (let s = 1; s <= extraSheets; s++) {
    const name = `Extra ${s}`;
    ops.push({ kind: 'sheet', sheet: name });
    ops.push({ kind: 'values', sheet: name, at: 'B2', rows: Array.from({ length: rows }, (_, i) => [i, `rad ${i}`, i % 2 === 0]) });
  }
  return ops;
}

/** The same plan's sheet names, in plan order. */
export function planSheets(plan: WritePlan): string[] {
  return plan.flatMap((op) => (op.kind === 'sheet' ? [op.sheet] : []));
}

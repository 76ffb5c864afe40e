/**
 * Jämförelse (issue 10): two measurements side by side, written anew each time (a sheet the
 * product owns entirely). Level and area levels before → after, points per area as a clustered bar
 * chart, the questions that changed, the validation figures, and why the level changed.
 */
import { levelChangeText, type Comparison } from '../../core/compare/compare';
import type { Catalog } from '../../core/catalog/types';
import { SHEETS } from '../layout';
import { withRowHeights } from './rowHeights';
import { COLORS, S } from './styles';
import type { CellInput, CellStyle, WriteOp, WritePlan } from './types';

export interface ComparisonInputs {
  readonly catalog: Catalog;
  readonly comparison: Comparison;
  /** How each side is named for people: "sparad mätning 2025-05-02", "aktuella svar", a file name. */
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly organisation?: string;
  /** YYYY-MM-DD of the comparison. */
  readonly today: string;
}

/** Signed change: shown "+2" / "−1" / "0" by the cell's number format, but a number to compute with. */
const DELTA_FORMAT = '+0;−0;0';
const CERTAINTY_WORD: Record<string, string> = { säker: 'säker', osäker: 'osäker' };

/** "Nivån steg från 2 till 3: …" or, when equal, that it stayed and what moved instead. */
export function whyText(c: Comparison): string {
  if (c.levelChange) return levelChangeText(c.levelChange);
  const d = c.to.totalPoints - c.from.totalPoints;
  const level = c.to.level === 0 ? 'under nivå 1' : `nivå ${c.to.level}`;
  return `Nivån är oförändrad (${level}); totalpoängen ${d === 0 ? 'är densamma' : `${d > 0 ? 'steg' : 'sjönk'} från ${c.from.totalPoints} till ${c.to.totalPoints}`}.`;
}

const delta = (from: number | null, to: number | null): CellInput => (from === null || to === null ? '' : to - from);

/** The whole Jämförelse sheet. */
export function comparisonPlan(inputs: ComparisonInputs): WritePlan {
  const { catalog, comparison: c } = inputs;
  const sheet = SHEETS.comparison;
  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, columnWidths: [8, 54, 11, 11, 11, 11, 11, 11, 16], showGridlines: false, tabColor: '7030A0', fitToWidth: true },
  ];
  const rows: CellInput[][] = [];
  const styles: { range: string; style: CellStyle }[] = [];
  const merges: string[] = [];
  const deltaCells: string[] = [];
  const push = (...r: CellInput[][]) => {
    rows.push(...r);
    return rows.length;
  };
  const style = (range: string, s: CellStyle) => styles.push({ range, style: s });

  push([`Jämförelse${inputs.organisation ? ` – ${inputs.organisation}` : ''}`]);
  push([`Tidigare: ${inputs.fromLabel} · Senare: ${inputs.toLabel} · ${catalog.name.sv} (${catalog.id}) · jämfört ${inputs.today}`], []);
  style('A1', S.title);
  style('A2', { ...S.note, wrap: false });

  // Overview: the whole organisation before → after.
  const overviewHead = push(['', 'Översikt', 'Före', 'Efter', 'Förändring']);
  style(`B${overviewHead}:E${overviewHead}`, S.header);
  const figures: [string, number, number][] = [
    ['Nivå', c.from.level, c.to.level],
    ['Totalpoäng', c.from.totalPoints, c.to.totalPoints],
    ['Åtgärder', c.from.measures, c.to.measures],
    ['Besvarade frågor', c.from.answered, c.to.answered],
    ['Osäkra svar', c.from.uncertain, c.to.uncertain],
  ];
  const firstFigure = overviewHead + 1;
  for (const [label, a, b] of figures) push(['', label, a, b, b - a]);
  style(`B${firstFigure}:B${rows.length}`, S.label);
  style(`C${firstFigure}:E${rows.length}`, { hAlign: 'center' });
  deltaCells.push(`E${firstFigure}:E${rows.length}`);
  style(`C${firstFigure}:D${firstFigure}`, { bold: true, fontSize: 14, fontColor: COLORS.navy, hAlign: 'center' });
  push([]);

  const whyRow = push(['Varför ändrades nivån?']);
  style(`A${whyRow}`, S.subtitle);
  const whyTextRow = push([whyText(c)], []);
  const whyAt = whyTextRow - 1;
  merges.push(`A${whyAt}:I${whyAt}`);
  style(`A${whyAt}`, { wrap: true, vAlign: 'top', ...(c.levelChange ? { fill: c.levelChange.to > c.levelChange.from ? COLORS.green : COLORS.red } : {}) });

  // Work areas: level and points before → after; the chart below reads this table.
  const areaTitle = push(['Arbetsområden']);
  style(`A${areaTitle}`, S.subtitle);
  const areaHead = push(['Id', 'Arbetsområde', 'Nivå före', 'Nivå efter', 'Förändring', 'Poäng före', 'Poäng efter', 'Förändring', 'Maxpoäng']);
  style(`A${areaHead}:I${areaHead}`, S.header);
  const areaFirst = areaHead + 1;
  for (const a of c.areas) {
    const area = catalog.area(a.id);
    const max = catalog.questions.filter((q) => q.area === a.id).length * catalog.maxPointsPerQuestion;
    push([a.id, area?.name.sv ?? a.id, a.levelFrom, a.levelTo, a.levelTo - a.levelFrom, a.pointsFrom, a.pointsTo, a.pointsTo - a.pointsFrom, max]);
  }
  const areaLast = rows.length;
  style(`A${areaFirst}:I${areaLast}`, { vAlign: 'top' });
  style(`C${areaFirst}:I${areaLast}`, { hAlign: 'center', vAlign: 'top' });
  deltaCells.push(`E${areaFirst}:E${areaLast}`, `H${areaFirst}:H${areaLast}`);
  push([]);

  // Room for the chart: it covers these rows, never a table.
  const chartTop = rows.length + 1;
  for (let i = 0; i < 20; i++) push([]);
  const chartBottom = rows.length - 1;

  const questionTitle = push(['Frågor som ändrades']);
  style(`A${questionTitle}`, S.subtitle);
  const changed = c.questions.filter((q) => q.pointsFrom !== q.pointsTo || q.ticked.length || q.unticked.length || q.certaintyFrom !== q.certaintyTo);
  if (!changed.length) {
    push(['', 'Inga frågor ändrades.']);
  } else {
    const head = push(['Fråga', 'Frågetext', 'Poäng före', 'Poäng efter', 'Förändring', 'Nya kryss', 'Borttagna kryss', 'Bedömning före', 'Bedömning efter']);
    style(`A${head}:I${head}`, S.header);
    const first = head + 1;
    for (const q of changed) {
      const question = catalog.question(q.number);
      push([
        `F${q.number}`,
        question?.text.sv ?? '',
        q.pointsFrom,
        q.pointsTo,
        q.pointsTo - q.pointsFrom,
        q.ticked.join(', '),
        q.unticked.join(', '),
        q.certaintyFrom ? CERTAINTY_WORD[q.certaintyFrom] : '–',
        q.certaintyTo ? CERTAINTY_WORD[q.certaintyTo] : '–',
      ]);
    }
    style(`A${first}:I${rows.length}`, { vAlign: 'top' });
    style(`B${first}:B${rows.length}`, { wrap: true, vAlign: 'top', fontSize: 9 });
    style(`C${first}:I${rows.length}`, { hAlign: 'center', vAlign: 'top' });
    deltaCells.push(`E${first}:E${rows.length}`);
  }
  push([]);

  const validationTitle = push(['Valideringsfrågor']);
  style(`A${validationTitle}`, S.subtitle);
  push(['', 'Nyckeltal som inte påverkar nivån.']);
  style(`B${rows.length}`, S.note);
  const vHead = push(['Id', 'Fråga', 'Före', 'Efter', 'Förändring']);
  style(`A${vHead}:E${vHead}`, S.header);
  const vFirst = vHead + 1;
  for (const v of c.validation) {
    const q = catalog.validationQuestions.find((x) => x.id === v.id);
    push([v.id, q?.text.sv ?? '', v.from ?? '–', v.to ?? '–', delta(v.from, v.to)]);
  }
  if (!c.validation.length) push(['', 'Inga valideringsfrågor besvarade.']);
  else {
    style(`A${vFirst}:A${rows.length}`, { vAlign: 'top' });
    style(`B${vFirst}:B${rows.length}`, { wrap: true, vAlign: 'top', fontSize: 9 });
    style(`C${vFirst}:E${rows.length}`, { hAlign: 'center', vAlign: 'top' });
    deltaCells.push(`E${vFirst}:E${rows.length}`);
  }

  ops.push({ kind: 'values', sheet, at: 'A1', rows });
  for (const s of styles) ops.push({ kind: 'style', sheet, range: s.range, style: s.style });
  for (const range of deltaCells) ops.push({ kind: 'style', sheet, range, style: { numberFormat: DELTA_FORMAT } });
  for (const range of merges) ops.push({ kind: 'merge', sheet, range });
  ops.push({
    kind: 'chart',
    sheet,
    name: 'JamforelsePoang',
    type: 'bar',
    title: 'Poäng per arbetsområde före och efter',
    categories: { sheet, range: `B${areaFirst}:B${areaLast}` },
    series: [
      { name: `Före (${inputs.fromLabel})`, values: { sheet, range: `F${areaFirst}:F${areaLast}` }, color: 'A6A6A6' },
      { name: `Efter (${inputs.toLabel})`, values: { sheet, range: `G${areaFirst}:G${areaLast}` }, color: COLORS.navy },
    ],
    anchor: { from: `A${chartTop}`, to: `I${chartBottom}` },
    axis: { min: 0 },
    legend: true,
  });
  return withRowHeights(ops);
}

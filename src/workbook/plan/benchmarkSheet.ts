/**
 * The Benchmark sheet in the organisation's own workbook (issue 11, `score --benchmark`, the
 * pane's "Jämför med benchmark"): the organisation against one group — per work area level and
 * points beside the group's with native charts, where the total falls in the group's spread, and
 * the questions where the group is ahead. A sheet the product owns entirely, rewritten each time.
 */
import type { BenchmarkComparison, SpreadPosition } from '../../core/benchmark/compare';
import type { Catalog } from '../../core/catalog/types';
import type { AnswerEntry } from '../../core/answers/types';
import { questionId, SHEETS } from '../layout';
import { answerText } from './benchmarkBook';
import { withRowHeights } from './rowHeights';
import { COLORS, S } from './styles';
import type { CellInput, CellStyle, ChartOp, WriteOp, WritePlan } from './types';

export interface BenchmarkSheetInputs {
  readonly catalog: Catalog;
  readonly comparison: BenchmarkComparison;
  /** The group as people call it: "Typkommun". */
  readonly groupLabel: string;
  /** The benchmark file's source text and date. */
  readonly source: string;
  readonly date: string;
  readonly organisation?: string;
  readonly today: string;
  /** The group's answer set, written out so a benchmark target can be computed again without the file. */
  readonly groupAnswers: Readonly<Record<string, AnswerEntry>>;
}

/** Labels in column B of the group's answers block (the value beside them): read back by rememberedBenchmark. */
export const GROUP_ID_LABEL = 'Grupp-id';
export const SOURCE_LABEL = 'Källa';
export const DATE_LABEL = 'Benchmarkens datum';

export const POSITION_TEXT: Readonly<Record<SpreadPosition, string>> = {
  'under-p10': 'under p10 (lägre än 9 av 10 i gruppen)',
  'p10-p50': 'mellan p10 och p50 (lägre än hälften av gruppen)',
  'p50-p90': 'mellan p50 och p90 (högre än hälften av gruppen)',
  'p90-or-more': 'p90 eller högre (bland den bästa tiondelen)',
};

const levelText = (level: number) => (level === 0 ? 'Under nivå 1' : `Nivå ${level}`);

export function benchmarkSheetPlan(inputs: BenchmarkSheetInputs): WritePlan {
  const { catalog, comparison: c, groupLabel } = inputs;
  const sheet = SHEETS.benchmark;
  const rows: CellInput[][] = [];
  const push = (...r: CellInput[][]) => {
    rows.push(...r);
    return rows.length;
  };
  const styles: WriteOp[] = [];
  const style = (range: string, s: CellStyle) => styles.push({ kind: 'style', sheet, range, style: s });
  const merges: string[] = [];

  push([`Benchmark – jämförelse med ${groupLabel}`]);
  push([`${inputs.organisation ?? 'Organisationen'} mot ${groupLabel}: ${c.members} organisationer · ${inputs.source} · ${inputs.date} · jämfört ${inputs.today}`], []);
  style('A1', S.title);
  style('A2', S.note);
  merges.push('A2:J2');

  const overview = push(['', 'Översikt', 'Ni', 'Gruppen']);
  style(`B${overview}:D${overview}`, S.header);
  push(['', 'Nivå', c.level.organisation, c.level.group]);
  push(['', 'Totalpoäng', c.totalPoints.organisation, c.totalPoints.group]);
  style(`B${overview + 1}:B${overview + 2}`, S.label);
  style(`C${overview + 1}:D${overview + 2}`, { bold: true, fontSize: 14, fontColor: COLORS.navy, hAlign: 'center' });
  const t = c.totalPoints.spread;
  const where = push(['', 'Er totalpoäng i gruppens spridning', `${POSITION_TEXT[c.totalPoints.position]} · gruppens p10 ${t.p10} · p50 ${t.p50} · p90 ${t.p90}`]);
  const rank = push(['', 'Gruppens medlemmar per nivå', `${c.levelRank.below} på lägre nivå än ni · ${c.levelRank.same} på samma nivå · ${c.levelRank.above} på högre nivå`]);
  style(`B${where}:B${rank}`, S.label);
  merges.push(`C${where}:J${where}`, `C${rank}:J${rank}`);
  push([]);

  const areaTitle = push(['Arbetsområden']);
  style(`A${areaTitle}`, S.subtitle);
  const areaHead = push(['Id', 'Arbetsområde', 'Er nivå', 'Gruppens nivå', 'Era poäng', 'Gruppens poäng', 'p10', 'p50', 'p90', 'Maxpoäng']);
  style(`A${areaHead}:J${areaHead}`, S.header);
  for (const a of c.areas) {
    push([a.id, catalog.area(a.id)?.name.sv ?? a.id, a.level, a.groupLevel, a.points, a.groupPoints, a.spread.p10, a.spread.p50, a.spread.p90, a.maxPoints]);
  }
  const areaFirst = areaHead + 1;
  const areaLast = rows.length;
  style(`C${areaFirst}:J${areaLast}`, { hAlign: 'center' });
  // Where the organisation is behind the group, the cell says so at a glance.
  c.areas.forEach((a, i) => {
    if (a.level < a.groupLevel) style(`C${areaFirst + i}`, { fill: COLORS.yellow });
    if (a.points < a.groupPoints) style(`E${areaFirst + i}`, { fill: COLORS.yellow });
  });
  push([]);
  const chartTop = rows.length + 1;
  for (let i = 0; i < 19; i++) push([]);

  const aheadTitle = push(['Frågor där gruppen ligger före']);
  style(`A${aheadTitle}`, S.subtitle);
  if (!c.ahead.length) {
    push(['', `Ni har minst gruppens poäng på varje fråga.`]);
  } else {
    const head = push(['Fråga', 'Frågetext', 'Nivå', 'Område', 'Era poäng', 'Gruppens poäng', 'Gruppens svar']);
    style(`A${head}:J${head}`, S.header);
    merges.push(`G${head}:J${head}`);
    for (const q of c.ahead) {
      const row = push([`F${q.number}`, catalog.question(q.number)?.text.sv ?? '', q.level, q.area, q.points, q.groupPoints, answerText(catalog, q.number, q.groupSelected)]);
      merges.push(`G${row}:J${row}`);
    }
    style(`A${head + 1}:J${rows.length}`, { vAlign: 'top' });
    style(`B${head + 1}:B${rows.length}`, { wrap: true, vAlign: 'top', fontSize: 9 });
    style(`G${head + 1}:G${rows.length}`, { wrap: true, vAlign: 'top', fontSize: 9 });
    style(`C${head + 1}:F${rows.length}`, { hAlign: 'center', vAlign: 'top' });
  }
  push([]);

  // The group's whole answer set, readable for people and read back as the target when the
  // workbook remembers a benchmark target (src/workbook/benchmark.ts rememberedBenchmark).
  const answersTitle = push([`Gruppens svar (${groupLabel})`]);
  style(`A${answersTitle}`, S.subtitle);
  push(['Gruppens svar är hur en typisk medlem skulle ha svarat: en ruta kryssas när mer än hälften kryssat den, intervallfrågor får medianen. En fråga som högst hälften besvarat är tom.']);
  style(`A${rows.length}`, { ...S.note, wrap: false });
  const idRow = push(['', GROUP_ID_LABEL, c.group], ['', SOURCE_LABEL, inputs.source], ['', DATE_LABEL, inputs.date]) - 2;
  style(`B${idRow}:B${idRow + 2}`, S.label);
  const answersHead = push(['Id', 'Fråga', 'Svar', 'Bedömning', 'Poäng']);
  style(`A${answersHead}:E${answersHead}`, S.header);
  for (const q of catalog.questions) {
    const a = inputs.groupAnswers[String(q.number)];
    push([questionId(q.number), q.text.sv, a ? a.selected.join(', ') : '', a?.certainty ?? '', c.groupPoints[q.number - 1] ?? 0]);
  }
  style(`B${answersHead + 1}:B${rows.length}`, { wrap: true, vAlign: 'top', fontSize: 9 });
  style(`A${answersHead + 1}:A${rows.length}`, { ...S.id, vAlign: 'top' });
  style(`C${answersHead + 1}:E${rows.length}`, { hAlign: 'center', vAlign: 'top' });

  const rowsOf = (column: string) => ({ sheet, range: `${column}${areaFirst}:${column}${areaLast}` });
  const charts: ChartOp[] = [
    {
      kind: 'chart',
      sheet,
      name: 'BenchmarkNivaJamforelse',
      type: 'bar',
      title: 'Nivå per arbetsområde',
      categories: rowsOf('B'),
      series: [
        { name: 'Er nivå', values: rowsOf('C'), color: COLORS.navy },
        { name: groupLabel, values: rowsOf('D'), color: 'A6A6A6' },
      ],
      anchor: { from: `A${chartTop}`, to: `B${chartTop + 18}` },
      axis: { min: 0, max: 4, majorUnit: 1 },
      legend: true,
    },
    {
      kind: 'chart',
      sheet,
      name: 'BenchmarkPoangJamforelse',
      type: 'bar',
      title: 'Poäng per arbetsområde',
      categories: rowsOf('A'),
      series: [
        { name: 'Era poäng', values: rowsOf('E'), color: COLORS.navy },
        { name: groupLabel, values: rowsOf('F'), color: 'A6A6A6' },
      ],
      anchor: { from: `C${chartTop}`, to: `J${chartTop + 18}` },
      axis: { min: 0 },
      legend: true,
    },
  ];
  return withRowHeights([
    { kind: 'sheet', sheet, columnWidths: [8, 50, 9, 11, 9, 10, 8, 8, 8, 10], showGridlines: false, tabColor: '548235', landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows },
    ...styles,
    ...merges.map((range): WriteOp => ({ kind: 'merge', sheet, range })),
    ...charts,
  ]);
}

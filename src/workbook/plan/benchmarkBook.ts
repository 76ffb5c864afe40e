/**
 * The benchmark workbook (issue 11, `infosak benchmark -o`): a sheet per group, like Resultat —
 * the typical member's level, points, area levels and answers — and Spridning with the groups'
 * spread as native charts. Built from the benchmark file's data, so it never holds a member's
 * name, file or single answers (anonymity).
 */
import type { BenchmarkFile, BenchmarkGroupData } from '../../core/benchmark/file';
import { GROUP_LABELS } from '../../core/benchmark/groups';
import type { Catalog } from '../../core/catalog/types';
import { score, type ScoreResult } from '../../core/scoring/score';
import { withRowHeights } from './rowHeights';
import { COLORS, S } from './styles';
import type { CellInput, ChartOp, WriteOp, WritePlan } from './types';

/** Sheet names: the groups' Swedish labels (at most 31 characters, none of Excel's forbidden ones). */
export const groupSheetName = (id: BenchmarkGroupData['id']): string => GROUP_LABELS[id].sv;
export const SPREAD_SHEET = 'Spridning';

const levelText = (level: number) => (level === 0 ? 'Under nivå 1' : `Nivå ${level}`);
/** Colours per group, in GROUP_IDS order, so a group looks the same in every chart. */
const GROUP_COLORS = ['1F4E79', '2F75B5', '9DC3E6', '7030A0', 'C55A11', '548235'];
const AREA_HEAD_ROW = 13;

/** What the benchmark answered to a question, for people: "a, b, c", "b: 75 till < 100 %", "Nej". */
export function answerText(catalog: Catalog, number: number, selected: readonly string[] | undefined): string {
  if (!selected) return '– (besvarades av högst hälften)';
  const q = catalog.question(number)!;
  const options = selected.map((id) => q.options.find((o) => o.id === id));
  if (options.some((o) => o?.kind === 'band' || o?.kind === 'n' || o?.kind === 'y' || o?.kind === 'u')) {
    return options.map((o) => (o ? `${o.id}: ${o.text.sv}` : '')).join(', ');
  }
  return selected.join(', ');
}

const percentileText = (p: { p10: number; p50: number; p90: number }) => `p10 ${p.p10} · p50 ${p.p50} · p90 ${p.p90}`;

function refusedSheet(file: BenchmarkFile, g: BenchmarkGroupData): WriteOp[] {
  const sheet = groupSheetName(g.id);
  return [
    { kind: 'sheet', sheet, columnWidths: [26, 90], showGridlines: false, tabColor: 'A6A6A6' },
    {
      kind: 'values',
      sheet,
      at: 'A1',
      rows: [[`${GROUP_LABELS[g.id].sv} – benchmark`], [`${file.source} · ${file.date}`], [], ['Redovisas inte', g.reason ?? ''], ['Medlemmar', g.members]],
      style: S.wrap,
    },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: { ...S.note, wrap: false } },
    { kind: 'style', sheet, range: 'A4:A5', style: S.label },
    { kind: 'style', sheet, range: 'B4', style: { wrap: true, vAlign: 'top', fill: COLORS.yellow } },
    { kind: 'style', sheet, range: 'B5', style: { hAlign: 'left' } },
  ];
}

function groupSheet(catalog: Catalog, file: BenchmarkFile, g: BenchmarkGroupData, scored: ScoreResult): WriteOp[] {
  const sheet = groupSheetName(g.id);
  const spread = g.spread!;
  const levels = Object.entries(spread.levels).map(([l, n]) => `${levelText(Number(l))}: ${n}`).join(' · ');
  const rows: CellInput[][] = [
    [`${GROUP_LABELS[g.id].sv} – benchmark`],
    [`Hur en typisk medlem av gruppen skulle ha svarat (majoritet per ruta, median per intervallfråga) · ${file.source} · ${file.date}`],
    [],
    ['Nivå', levelText(scored.level)],
    ['', scored.level ? catalog.levels[scored.level].name.sv : ''],
    ['Poäng', `${scored.totalPoints} av ${scored.maxPoints}`],
    ['Åtgärder', `${scored.measures.done} av ${scored.measures.possible}`],
    ['Besvarade frågor', `${scored.answeredCount} av ${scored.questions.length} (${scored.uncertainCount} osäkra)`],
    ['Medlemmar', g.members],
    ['Spridning, totalpoäng', percentileText(spread.totalPoints)],
    ['Medlemmar per nivå', levels],
    [],
    ['Id', 'Arbetsområde', 'Nivå', 'Poäng', 'Maxpoäng', 'p10', 'p50', 'p90'],
  ];
  for (const a of scored.areas) {
    const p = spread.areas[a.id] ?? { p10: 0, p50: 0, p90: 0 };
    rows.push([a.id, a.name.sv, a.level, a.points, a.maxPoints, p.p10, p.p50, p.p90]);
  }
  const areaFirst = AREA_HEAD_ROW + 1;
  const areaLast = AREA_HEAD_ROW + scored.areas.length;
  rows.push([]);
  const chartTop = rows.length + 1;
  for (let i = 0; i < 19; i++) rows.push([]);
  const answersHead = rows.length + 2;
  rows.push([], ['Fråga', 'Frågetext', 'Nivå', 'Område', 'Svar', 'Poäng', 'Bedömning']);
  for (const q of scored.questions) {
    const entry = g.answers?.[String(q.number)];
    rows.push([`F${q.number}`, catalog.question(q.number)!.text.sv, q.level, q.area, answerText(catalog, q.number, entry?.selected), q.points, entry ? entry.certainty : '–']);
  }
  const answersLast = rows.length;
  const rowsOf = (column: string) => ({ sheet, range: `${column}${areaFirst}:${column}${areaLast}` });
  const charts: ChartOp[] = [
    {
      kind: 'chart',
      sheet,
      name: 'BenchmarkNiva',
      type: 'bar',
      title: 'Indikativ nivå per arbetsområde',
      categories: rowsOf('B'),
      series: [{ name: 'Nivå', values: rowsOf('C'), color: COLORS.navy }],
      anchor: { from: `A${chartTop}`, to: `B${chartTop + 17}` },
      axis: { min: 0, max: 4, majorUnit: 1, title: 'Nivå (0 = under nivå 1)' },
      legend: false,
    },
    {
      kind: 'chart',
      sheet,
      name: 'BenchmarkPoang',
      type: 'bar',
      title: 'Poäng per arbetsområde och spridning',
      categories: rowsOf('A'),
      series: [
        { name: 'Benchmark', values: rowsOf('D'), color: COLORS.navy },
        { name: 'p10', values: rowsOf('F'), color: 'BDD7EE' },
        { name: 'p90', values: rowsOf('H'), color: '9DC3E6' },
      ],
      anchor: { from: `C${chartTop}`, to: `H${chartTop + 17}` },
      axis: { min: 0 },
      legend: true,
    },
  ];
  return [
    { kind: 'sheet', sheet, columnWidths: [22, 52, 8, 8, 20, 8, 11, 10], showGridlines: false, tabColor: '1F4E79', landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: 'A2:H2' },
    { kind: 'style', sheet, range: 'B4', style: S.big },
    { kind: 'style', sheet, range: 'B5', style: S.label },
    { kind: 'rowHeight', sheet, rows: [4], height: 28 },
    { kind: 'style', sheet, range: 'A4:A11', style: S.label },
    { kind: 'style', sheet, range: 'B9', style: { hAlign: 'left' } },
    { kind: 'style', sheet, range: `A${AREA_HEAD_ROW}:H${AREA_HEAD_ROW}`, style: S.header },
    // Area names fit on one line; without this the wrap of the whole block would give them two.
    { kind: 'style', sheet, range: `B${areaFirst}:B${areaLast}`, style: { wrap: false } },
    { kind: 'style', sheet, range: `C${areaFirst}:H${areaLast}`, style: { hAlign: 'center', vAlign: 'top' } },
    { kind: 'style', sheet, range: `A${answersHead}:G${answersHead}`, style: S.header },
    { kind: 'style', sheet, range: `B${answersHead + 1}:B${answersLast}`, style: { wrap: true, vAlign: 'top', fontSize: 9 } },
    { kind: 'style', sheet, range: `E${answersHead + 1}:E${answersLast}`, style: { wrap: true, vAlign: 'top', fontSize: 9 } },
    { kind: 'style', sheet, range: `C${answersHead + 1}:D${answersLast}`, style: { hAlign: 'center', vAlign: 'top' } },
    { kind: 'style', sheet, range: `F${answersHead + 1}:G${answersLast}`, style: { hAlign: 'center', vAlign: 'top' } },
    ...charts,
  ];
}

function spreadSheet(catalog: Catalog, file: BenchmarkFile, scored: ReadonlyMap<string, ScoreResult>): WriteOp[] {
  const sheet = SPREAD_SHEET;
  const shown = file.groups.filter((g) => !g.refused && g.spread);
  const color = (g: BenchmarkGroupData) => GROUP_COLORS[file.groups.indexOf(g) % GROUP_COLORS.length];
  const ops: WriteOp[] = [];
  const rows: CellInput[][] = [
    ['Spridning'],
    [`Medlemmar per nivå och percentiler (närmaste rang) av poängen per grupp · ${file.members} organisationer · ${file.source} · ${file.date}`],
    [],
    ['Medlemmar per nivå'],
    ['Nivå', ...shown.map((g) => GROUP_LABELS[g.id].sv)],
  ];
  const levelHead = rows.length;
  for (let l = 0; l <= catalog.maxLevel; l++) rows.push([levelText(l), ...shown.map((g) => g.spread!.levels[String(l)] ?? 0)]);
  const levelLast = rows.length;
  rows.push([]);
  const levelChartTop = rows.length + 1;
  for (let i = 0; i < 19; i++) rows.push([]);
  rows.push(['Totalpoäng']);
  const totalTitle = rows.length;
  rows.push(['Grupp', 'Medlemmar', 'p10', 'p50', 'p90', 'Benchmark', 'Redovisas']);
  const totalHead = rows.length;
  for (const g of file.groups) {
    const s = g.spread;
    rows.push(s ? [GROUP_LABELS[g.id].sv, g.members, s.totalPoints.p10, s.totalPoints.p50, s.totalPoints.p90, g.result!.totalPoints, 'Ja'] : [GROUP_LABELS[g.id].sv, g.members, '', '', '', '', `Nej: ${g.reason ?? ''}`]);
  }
  const totalLast = rows.length;
  rows.push([]);
  const blocks: { g: BenchmarkGroupData; title: number; head: number; last: number; chartTop: number }[] = [];
  for (const g of shown) {
    rows.push([`${GROUP_LABELS[g.id].sv}: poäng per arbetsområde`]);
    const title = rows.length;
    rows.push(['Arbetsområde', 'Id', 'p10', 'p50', 'p90', 'Benchmark', 'Maxpoäng']);
    const head = rows.length;
    const result = scored.get(g.id)!;
    for (const a of result.areas) {
      const p = g.spread!.areas[a.id] ?? { p10: 0, p50: 0, p90: 0 };
      rows.push([a.name.sv, a.id, p.p10, p.p50, p.p90, a.points, a.maxPoints]);
    }
    const last = rows.length;
    rows.push([]);
    const chartTop = rows.length + 1;
    for (let i = 0; i < 21; i++) rows.push([]);
    blocks.push({ g, title, head, last, chartTop });
  }
  ops.push(
    { kind: 'sheet', sheet, columnWidths: [46, 14, 14, 14, 14, 14, 14], showGridlines: false, tabColor: '7030A0', fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: 'A2:G2' },
    { kind: 'style', sheet, range: 'A4', style: S.subtitle },
    { kind: 'style', sheet, range: `A${totalTitle}`, style: S.subtitle },
    { kind: 'style', sheet, range: `A${levelHead}:${String.fromCharCode(65 + Math.max(1, shown.length))}${levelHead}`, style: S.header },
    { kind: 'style', sheet, range: `B${levelHead + 1}:G${levelLast}`, style: { hAlign: 'center' } },
    { kind: 'style', sheet, range: `A${totalHead}:G${totalHead}`, style: S.header },
    { kind: 'style', sheet, range: `B${totalHead + 1}:F${totalLast}`, style: { hAlign: 'center', vAlign: 'top' } },
    { kind: 'style', sheet, range: `G${totalHead + 1}:G${totalLast}`, style: { wrap: true, vAlign: 'top', fontSize: 9 } },
  );
  if (shown.length) {
    const column = (i: number) => String.fromCharCode(66 + i);
    ops.push({
      kind: 'chart',
      sheet,
      name: 'MedlemmarPerNiva',
      type: 'column',
      title: 'Medlemmar per nivå',
      categories: { sheet, range: `A${levelHead + 1}:A${levelLast}` },
      series: shown.map((g, i) => ({ name: GROUP_LABELS[g.id].sv, values: { sheet, range: `${column(i)}${levelHead + 1}:${column(i)}${levelLast}` }, color: color(g) })),
      anchor: { from: `A${levelChartTop}`, to: `G${levelChartTop + 17}` },
      axis: { min: 0, title: 'Antal organisationer' },
      legend: true,
    });
  }
  blocks.forEach((b, i) => {
    ops.push({ kind: 'style', sheet, range: `A${b.title}`, style: S.subtitle });
    ops.push({ kind: 'style', sheet, range: `A${b.head}:G${b.head}`, style: S.header });
    ops.push({ kind: 'style', sheet, range: `A${b.head + 1}:A${b.last}`, style: { wrap: false } });
    ops.push({ kind: 'style', sheet, range: `B${b.head + 1}:G${b.last}`, style: { hAlign: 'center', vAlign: 'top' } });
    const rowsOf = (c: string) => ({ sheet, range: `${c}${b.head + 1}:${c}${b.last}` });
    ops.push({
      kind: 'chart',
      sheet,
      name: `SpridningGrupp${i + 1}`,
      type: 'bar',
      title: `${GROUP_LABELS[b.g.id].sv}: p10, p50 och p90 per arbetsområde`,
      categories: rowsOf('A'),
      series: [
        { name: 'p10', values: rowsOf('C'), color: 'BDD7EE' },
        { name: 'p50', values: rowsOf('D'), color: '2F75B5' },
        { name: 'p90', values: rowsOf('E'), color: COLORS.navy },
      ],
      anchor: { from: `A${b.chartTop}`, to: `G${b.chartTop + 19}` },
      axis: { min: 0 },
      legend: true,
    });
  });
  return ops;
}

/** The whole benchmark workbook, a new file: six group sheets in GROUP_IDS order, then Spridning. */
export function benchmarkWorkbookPlan(catalog: Catalog, file: BenchmarkFile): WritePlan {
  const scored = new Map<string, ScoreResult>();
  for (const g of file.groups) if (!g.refused && g.answers) scored.set(g.id, score(catalog, { catalog: catalog.id, answers: { ...g.answers } }));
  const ops: WriteOp[] = [];
  for (const g of file.groups) ops.push(...(scored.has(g.id) ? groupSheet(catalog, file, g, scored.get(g.id)!) : refusedSheet(file, g)));
  ops.push(...spreadSheet(catalog, file, scored));
  return withRowHeights(ops);
}

import type { SuggestedActivity } from '../../core/plans/activities';
import { PLAN_COLUMNS, PLAN_COMPUTED_COLUMN, PLAN_GANTT_MONTHS, PLAN_HEADER_ROW, RESULT_TITLES, SHEETS } from '../layout';
import { cellAddress, columnName } from './address';
import { S } from './styles';
import type { CellInput, Scalar, SheetGrid, WriteOp } from './types';

const ID = 0;
const NAME = 1;
const MEASURE = 3;
const PRIORITY = 4;
const STATUS = 10;
const DATE_COLUMNS = new Set([7, 8]);

export interface PlanContext {
  /** The date of the computation, YYYY-MM-DD: dates "Beräknat läge" and starts the Gantt months. */
  readonly today: string;
  readonly regulationDesignation?: string;
}

/** "ta bort d och kryssa c": the boxes of a path step or an activity, in Swedish. */
export function boxes(change: { readonly tick: readonly string[]; readonly untick: readonly string[] }): string {
  const parts = [change.untick.length ? `ta bort ${change.untick.join(', ')}` : '', change.tick.length ? `kryssa ${change.tick.join(', ')}` : ''];
  return parts.filter(Boolean).join(' och ') || 'höj svaret';
}

export function measureText(a: SuggestedActivity, designation?: string): string {
  const tag = a.paragraphs.length && designation ? ` · ${designation} ${a.paragraphs.map((p) => `${p} §`).join(', ')}` : '';
  return `F${a.question} (${a.area}): ${boxes(a)} (${a.fromPoints} → ${a.toPoints} p)${tag}`;
}

function computedText(a: SuggestedActivity | undefined, ctx: PlanContext): string {
  if (!a) return `Uppfyllt vid beräkningen ${ctx.today}`;
  const why =
    a.priority === 1
      ? `under minimikravet för nivå ${a.targetLevel}`
      : a.priority === 2
        ? `poäng som behövs för nivå ${a.targetLevel}`
        : `krävs för nivå ${a.targetLevel}`;
  return `Behövs (prioritet ${a.priority}): ${why} – ${boxes(a)} (${ctx.today})`;
}

function asCell(v: Scalar, column: number): CellInput {
  if (typeof v === 'string' && DATE_COLUMNS.has(column) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { date: v };
  return v;
}

/**
 * Merges suggested activities into the plan the user already has. Everything the user typed is
 * kept: on existing rows every cell but "Beräknat läge" stays as it was; rows the user added stay;
 * activities no longer needed stay and are marked fulfilled; new activities are appended.
 */
export function mergeActionPlan(existing: SheetGrid | undefined, activities: readonly SuggestedActivity[], ctx: PlanContext): CellInput[][] {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const rows: CellInput[][] = [];
  const seen = new Set<string>();
  const width = PLAN_COLUMNS.length;
  const formulas = existing?.formulas ?? [];
  (existing?.values ?? []).forEach((cells, index) => {
    if (index < PLAN_HEADER_ROW) return;
    const values = [...cells];
    while (values.length && (values[values.length - 1] === null || values[values.length - 1] === '')) values.pop();
    if (values.length === 0) return;
    const id = typeof values[ID] === 'string' ? (values[ID] as string).trim() : '';
    const row: CellInput[] = [];
    for (let c = 0; c < Math.max(width, values.length); c++) {
      const formula = formulas[index]?.[c];
      row.push(formula ? { formula: formula.replace(/^=/, ''), result: values[c] ?? null } : asCell(values[c] ?? null, c));
    }
    if (id && (byId.has(id) || /^HP-F\d+$/.test(id))) {
      seen.add(id);
      row[PLAN_COMPUTED_COLUMN - 1] = computedText(byId.get(id), ctx);
    }
    rows.push(row);
  });
  for (const a of activities) {
    if (seen.has(a.id)) continue;
    const row: CellInput[] = new Array(width).fill(null);
    row[ID] = a.id;
    row[NAME] = a.name;
    row[MEASURE] = measureText(a, ctx.regulationDesignation);
    row[PRIORITY] = a.priority;
    row[STATUS] = 'Ej påbörjad';
    row[PLAN_COMPUTED_COLUMN - 1] = computedText(a, ctx);
    rows.push(row);
  }
  return rows;
}

function firstOfMonth(date: string, add: number): string {
  const [y, m] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + add, 1));
  return d.toISOString().slice(0, 10);
}

/** The Handlingsplan sheet: merged rows, and a month-by-month Gantt view drawn by conditional formats. */
export function actionPlanSheet(rows: readonly CellInput[][], ctx: PlanContext): WriteOp[] {
  const sheet = SHEETS.actionPlan;
  const width = Math.max(PLAN_COLUMNS.length, ...rows.map((r) => r.length));
  const ganttStart = width + 1;
  const months = Array.from({ length: PLAN_GANTT_MONTHS }, (_, i) => ({ date: firstOfMonth(ctx.today, i) }));
  const first = PLAN_HEADER_ROW + 1;
  const last = Math.max(first, PLAN_HEADER_ROW + rows.length);
  const ganttRange = `${cellAddress(first, ganttStart)}:${cellAddress(last, ganttStart + months.length - 1)}`;
  const startCol = columnName(8);
  const endCol = columnName(9);
  const monthCell = `${columnName(ganttStart)}$${PLAN_HEADER_ROW}`;
  const ops: WriteOp[] = [
    {
      kind: 'sheet',
      sheet,
      columnWidths: [9, 40, 24, 44, 9, 20, 18, 12, 12, 16, 14, 40, ...new Array(width - PLAN_COLUMNS.length).fill(14), ...months.map(() => 5)],
      freeze: { rows: PLAN_HEADER_ROW, columns: 2 },
      landscape: true,
      fitToWidth: true,
      tabColor: '70AD47',
    },
    {
      kind: 'values',
      sheet,
      at: 'A1',
      rows: [
        [RESULT_TITLES[sheet]],
        [
          'Föreslagna aktiviteter från gapet till nästa nivå (prioritet 1: frågor under minimikravet, 2: poäng som saknas, 3: senare nivåer). Allt du skriver här behålls när resultatet beräknas om; bara kolumnen "Beräknat läge" skrivs av verktyget. Lägg gärna till egna rader.',
        ],
      ],
    },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: `A2:${columnName(PLAN_COLUMNS.length)}2` },
    { kind: 'rowHeight', sheet, rows: [2], height: 32 },
    {
      kind: 'values',
      sheet,
      at: `A${PLAN_HEADER_ROW}`,
      rows: [[...PLAN_COLUMNS, ...new Array(width - PLAN_COLUMNS.length).fill(null), ...months.map((m) => ({ date: m.date }))]],
      style: S.header,
    },
    { kind: 'style', sheet, range: `${cellAddress(PLAN_HEADER_ROW, ganttStart)}:${cellAddress(PLAN_HEADER_ROW, ganttStart + months.length - 1)}`, style: { numberFormat: 'mmm', hAlign: 'center' } },
  ];
  if (rows.length) {
    ops.push({ kind: 'values', sheet, at: `A${first}`, rows: rows.map((r) => [...r, ...new Array(width - r.length).fill(null)]), style: S.wrap });
    ops.push({ kind: 'style', sheet, range: `H${first}:I${last}`, style: { numberFormat: 'yyyy-mm-dd' } });
    ops.push({ kind: 'style', sheet, range: `${columnName(PLAN_COMPUTED_COLUMN)}${first}:${columnName(PLAN_COMPUTED_COLUMN)}${last}`, style: { italic: true, fontColor: '595959' } });
  }
  ops.push({
    kind: 'validation',
    sheet,
    range: `K${first}:K${last + 200}`,
    list: ['Ej påbörjad', 'Pågår', 'Klar', 'Avbruten'],
    strict: false,
  });
  ops.push({
    kind: 'conditionalFormat',
    sheet,
    range: ganttRange,
    // A month is filled when it overlaps [Startdatum, Slutdatum].
    formula: `AND(ISNUMBER($${startCol}${first}),ISNUMBER($${endCol}${first}),${monthCell}<=$${endCol}${first},EOMONTH(${monthCell},0)>=$${startCol}${first})`,
    fill: '5B9BD5',
  });
  return ops;
}

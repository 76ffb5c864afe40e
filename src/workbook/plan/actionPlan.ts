import { GROUP_LABELS, type GroupId } from '../../core/benchmark/groups';
import type { SuggestedActivity } from '../../core/plans/activities';
import { eachCell, eachRow, findHeader, formulaAt, lastFilledColumn, lastFilledRow, valueAt, type HeaderLayout, type HeaderSpec } from '../headers';
import { GANTT_MARKER, PLAN_COLUMNS, PLAN_COMPUTED_COLUMN, PLAN_GANTT_MONTHS, PLAN_HEADER_ROW, RESULT_TITLES, SHEETS } from '../layout';
import type { LocatedIssue } from '../read';
import { cellAddress, columnName } from './address';
import { S } from './styles';
import type { CellInput, RangeRef, Scalar, SheetGrid, WriteOp } from './types';


export interface PlanContext {
  /** The date of the computation, YYYY-MM-DD: dates "Beräknat läge" and starts the Gantt months. */
  readonly today: string;
  readonly regulationDesignation?: string;
  /** Ids of the product's own rows, marked "Uppfyllt" when no longer needed (default: Infosäkkollen's HP-Fnn). */
  readonly ownIds?: RegExp;
  /** The explanation under a new plan's title (default: Infosäkkollen's next-level gap). */
  readonly intro?: string;
  /** The annual goals' Id cells on Mål (issue 13): a new plan's "Årliga mål" offers them as a drop-down. */
  readonly annualGoals?: RangeRef;
}

/**
 * A row the plan proposes, already worded by its model (issue 12: It-säkkollen's Åtgärdslista feeds
 * the same plan). Infosäkkollen's SuggestedActivity is worded here; other models give these.
 */
export interface PlanEntry {
  readonly id: string;
  readonly name: string;
  /** The "Säkerhetsåtgärd / fråga" cell. */
  readonly measure: string;
  readonly priority: number;
  /** Why it is needed, for "Beräknat läge": "Behövs (prioritet 1): {needed} (date)". */
  readonly needed: string;
}

export type PlanActivity = SuggestedActivity | PlanEntry;
const isEntry = (a: PlanActivity): a is PlanEntry => 'needed' in a;
const OWN_IDS = /^HP-F\d+$/;

/** "ta bort d och kryssa c": the boxes of a path step or an activity, in Swedish. */
export function boxes(change: { readonly tick: readonly string[]; readonly untick: readonly string[] }): string {
  const parts = [change.untick.length ? `ta bort ${change.untick.join(', ')}` : '', change.tick.length ? `kryssa ${change.tick.join(', ')}` : ''];
  return parts.filter(Boolean).join(' och ') || 'höj svaret';
}

export function measureText(a: SuggestedActivity, designation?: string): string {
  const tag = a.paragraphs.length && designation ? ` · ${designation} ${a.paragraphs.map((p) => `${p} §`).join(', ')}` : '';
  return `F${a.question} (${a.area}): ${boxes(a)} (${a.fromPoints} → ${a.toPoints} p)${tag}`;
}

/** A benchmark group as people call it ("Typkommun"); an id from elsewhere stays as it is. */
const groupLabel = (id: string): string => GROUP_LABELS[id as GroupId]?.sv ?? id;

function computedText(a: PlanActivity | undefined, ctx: PlanContext): string {
  if (!a) return `Uppfyllt vid beräkningen ${ctx.today}`;
  if (isEntry(a)) return `Behövs (prioritet ${a.priority}): ${a.needed} (${ctx.today})`;
  const why =
    a.priority === 1 && a.targetGroup
      ? `under gruppens poäng (${groupLabel(a.targetGroup)})`
      : a.priority === 1
      ? `under minimikravet för nivå ${a.targetLevel}`
      : a.priority === 2
        ? `poäng som behövs för nivå ${a.targetLevel}`
        : `krävs för nivå ${a.targetLevel}`;
  return `Behövs (prioritet ${a.priority}): ${why} – ${boxes(a)} (${ctx.today})`;
}

export type PlanColumn = 'id' | 'name' | 'goal' | 'measure' | 'priority' | 'cost' | 'costKr' | 'hours' | 'owner' | 'start' | 'end' | 'deps' | 'status' | 'computed';

/** PLAN_COLUMNS as header specs, in the same order: a user's plan is read by these texts, not by position. */
export const PLAN_HEADERS: readonly HeaderSpec<PlanColumn>[] = [
  { key: 'id', texts: ['id'] },
  { key: 'name', texts: ['aktivitet'] },
  { key: 'goal', texts: ['årliga mål'] },
  { key: 'measure', texts: ['säkerhetsåtgärd'] },
  { key: 'priority', texts: ['prioritet'] },
  { key: 'cost', texts: ['kostnader och resurser', 'kostnader'] },
  { key: 'costKr', texts: ['kostnad (kr)', 'kostnad'] },
  { key: 'hours', texts: ['tid (timmar)', 'tid', 'timmar'] },
  { key: 'owner', texts: ['ansvarig'] },
  { key: 'start', texts: ['startdatum'] },
  { key: 'end', texts: ['slutdatum'] },
  { key: 'deps', texts: ['beroenden'] },
  { key: 'status', texts: ['status'] },
  { key: 'computed', texts: ['beräknat läge'] },
];

/** Where the user's plan is now: its header row and the columns found there. */
export function locatePlan(sheet: SheetGrid): HeaderLayout<PlanColumn> | undefined {
  return findHeader(sheet, PLAN_HEADERS, ['id', 'computed']);
}

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;
/** Excel's last date, 9999-12-31; a date cell holding more (20270115 typed as a date) shows ####. */
const MAX_DATE_SERIAL = 2958465;
/** The Gantt's formatting reaches this many rows below the plan, so rows the user adds get it too. */
const GANTT_SPARE_ROWS = 200;
const STATUS_LIST = ['Ej påbörjad', 'Pågår', 'Klar', 'Avbruten'];
const GANTT_HEADER_STYLE = { ...S.header, numberFormat: 'mmm', hAlign: 'center' } as const;
const COMPUTED_STYLE = { italic: true, fontColor: '595959', wrap: true, vAlign: 'top' } as const;

/**
 * A Gantt month header: a first of month. Read as a date string, or as the serial number when the
 * reader does not take the "mmm" format for a date (1900 date system; day 1 either way).
 */
const isMonthStart = (v: Scalar): boolean =>
  (typeof v === 'string' && /^\d{4}-\d{2}-01$/.test(v)) ||
  (typeof v === 'number' && Number.isInteger(v) && v > 60 && v <= MAX_DATE_SERIAL && new Date(Date.UTC(1899, 11, 30) + v * 86400000).getUTCDate() === 1);

function firstOfMonth(date: string, add: number): string {
  const [y, m] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + add, 1));
  return d.toISOString().slice(0, 10);
}

function ganttMonths(ctx: PlanContext): { date: string }[] {
  return Array.from({ length: PLAN_GANTT_MONTHS }, (_, i) => ({ date: firstOfMonth(ctx.today, i) }));
}

/** A month is filled when it overlaps [Startdatum, Slutdatum]; the marker lets the next computation replace it. */
function ganttFormat(sheet: string, box: { first: number; last: number; left: number; header: number }, start: number, end: number): WriteOp {
  const s = columnName(start);
  const e = columnName(end);
  const month = `${columnName(box.left)}$${box.header}`;
  const r = box.first;
  return {
    kind: 'conditionalFormat',
    sheet,
    range: `${cellAddress(box.first, box.left)}:${cellAddress(box.last, Math.min(MAX_COLUMN, box.left + PLAN_GANTT_MONTHS - 1))}`,
    formula: `AND(ISNUMBER($${s}${r}),ISNUMBER($${e}${r}),${month}<=$${e}${r},EOMONTH(${month},0)>=$${s}${r},${GANTT_MARKER}=0)`,
    fill: '5B9BD5',
    replaces: GANTT_MARKER,
  };
}

function newRow(a: PlanActivity, ctx: PlanContext): Partial<Record<PlanColumn, CellInput>> {
  return {
    id: a.id,
    name: a.name,
    measure: isEntry(a) ? a.measure : measureText(a, ctx.regulationDesignation),
    priority: a.priority,
    status: 'Ej påbörjad',
    computed: computedText(a, ctx),
  };
}

/** Handlingsplan for a workbook that has none yet: the whole sheet, made by the product. */
export function newActionPlanSheet(activities: readonly PlanActivity[], ctx: PlanContext): WriteOp[] {
  const rows = activities.map((a) => {
    const cells = newRow(a, ctx);
    return PLAN_HEADERS.map((h) => cells[h.key] ?? null);
  });
  return actionPlanSheet(rows, ctx);
}

export interface PlanUpdate {
  readonly ops: WriteOp[];
  readonly issues: LocatedIssue[];
}

/**
 * Updates the user's Handlingsplan in place (issue 8). The plan is found by its header texts,
 * wherever the user moved it; only "Beräknat läge" of rows with an activity id, new activity rows
 * below everything on the sheet and the Gantt view (its month headers and its own conditional
 * format) are written. Every other cell keeps its value, formula, format, note and link, and no
 * row moves: the adapters write the named cells and nothing else (SheetOp mode 'update').
 */
export function updateActionPlan(existing: SheetGrid, activities: readonly PlanActivity[], ctx: PlanContext): PlanUpdate {
  const sheet = existing.name;
  const issues: LocatedIssue[] = [];
  const header = locatePlan(existing);
  if (!header) {
    issues.push({ severity: 'warning', code: 'plan-header-missing', sheet, params: { sheet } });
    return { ops: [], issues };
  }
  const col = header.columns;
  const idColumn = col.get('id')!;
  const computedColumn = col.get('computed')!;
  const byId = new Map(activities.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const ops: WriteOp[] = [{ kind: 'sheet', sheet, mode: 'update' }];
  const lastRow = Math.max(header.row, lastFilledRow(existing));

  const rows = new Set<number>();
  eachRow(existing.values, (_, row) => row > header.row && rows.add(row));
  eachRow(existing.formulas, (_, row) => row > header.row && rows.add(row));
  for (const row of [...rows].sort((a, b) => a - b)) {
    const raw = valueAt(existing, row, idColumn);
    const id = typeof raw === 'string' ? raw.trim() : '';
    if (id && (byId.has(id) || (ctx.ownIds ?? OWN_IDS).test(id))) {
      seen.add(id);
      // A formula the user put in "Beräknat läge" is theirs now.
      if (formulaAt(existing, row, computedColumn) !== undefined) continue;
      const text = computedText(byId.get(id), ctx);
      if (valueAt(existing, row, computedColumn) !== text) ops.push({ kind: 'values', sheet, at: cellAddress(row, computedColumn), rows: [[text]] });
    }
    for (const key of ['start', 'end'] as const) {
      const column = col.get(key);
      if (column !== undefined) checkDate(existing, row, column, issues);
    }
  }

  // New activities go below everything on the sheet, so no typed cell is ever overwritten.
  const fresh = activities.filter((a) => !seen.has(a.id));
  let last = lastRow;
  if (fresh.length) {
    const first = lastRow + 1;
    if (first + fresh.length - 1 > MAX_ROW) {
      issues.push({ severity: 'warning', code: 'plan-no-room', sheet, params: { sheet, count: fresh.length } });
    } else {
      const mapped = [...col.values()];
      const left = Math.min(...mapped);
      const right = Math.max(...mapped);
      const rows = fresh.map((a) => {
        const cells = newRow(a, ctx);
        const line: CellInput[] = new Array(right - left + 1).fill(null);
        for (const [key, column] of col) if (cells[key] !== undefined) line[column - left] = cells[key]!;
        return line;
      });
      ops.push({ kind: 'values', sheet, at: cellAddress(first, left), rows, style: { ...S.wrap, vAlign: 'top' } });
      ops.push({ kind: 'style', sheet, range: `${cellAddress(first, computedColumn)}:${cellAddress(first + fresh.length - 1, computedColumn)}`, style: COMPUTED_STYLE });
      last = first + fresh.length - 1;
    }
  }

  ops.push(...ganttUpdate(existing, header, last, ctx, issues));
  return { ops, issues };
}

/** A date cell Excel cannot use as a date: a located warning (the Gantt skips the row), never a refusal. */
function checkDate(sheet: SheetGrid, row: number, column: number, issues: LocatedIssue[]): void {
  const v = valueAt(sheet, row, column);
  if (v === null || v === '' || formulaAt(sheet, row, column) !== undefined) return;
  const bad = typeof v === 'number' ? !(v >= 1 && v <= MAX_DATE_SERIAL) : typeof v === 'string' ? !/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) : true;
  if (bad) issues.push({ severity: 'warning', code: 'plan-bad-date', sheet: sheet.name, cell: cellAddress(row, column), params: { value: String(v) } });
}

/**
 * The Gantt's month headers where they were (found by their dates in the header row, wherever
 * inserted columns moved them), else in the first twelve free columns right of everything the
 * user has; dropped with a warning when the sheet is full to XFD.
 */
function ganttUpdate(existing: SheetGrid, header: HeaderLayout<PlanColumn>, last: number, ctx: PlanContext, issues: LocatedIssue[]): WriteOp[] {
  const sheet = existing.name;
  const start = header.columns.get('start');
  const end = header.columns.get('end');
  if (start === undefined || end === undefined) {
    issues.push({ severity: 'warning', code: 'plan-gantt-dropped', sheet, params: { sheet, reason: 'no-dates' } });
    return [];
  }
  const planRight = Math.max(...header.columns.values());
  // The Gantt stays where its first month header is: text the user typed in its cells below
  // is theirs and only gets the fill; a month header they typed over is left to them.
  let left: number | undefined;
  eachCell(existing.values[header.row - 1], (v, c) => {
    if (left === undefined && c > planRight && isMonthStart(v) && formulaAt(existing, header.row, c) === undefined) left = c;
  });
  // Months written where the Gantt already was keep their cells' format; only new columns get the header style.
  const moved = left === undefined;
  if (left === undefined) {
    const candidate = Math.max(planRight, lastFilledColumn(existing, header.row, last)) + 1;
    if (candidate + PLAN_GANTT_MONTHS - 1 > MAX_COLUMN) {
      issues.push({ severity: 'warning', code: 'plan-gantt-dropped', sheet, params: { sheet, reason: 'no-room' } });
      return [];
    }
    left = candidate;
  }
  const at = left;
  const width = Math.min(PLAN_GANTT_MONTHS, MAX_COLUMN - at + 1);
  const months: CellInput[] = ganttMonths(ctx)
    .slice(0, width)
    .map((m, i) => {
      const v = valueAt(existing, header.row, at + i);
      const ours = (v === null || v === '' || isMonthStart(v)) && formulaAt(existing, header.row, at + i) === undefined;
      return ours ? m : null;
    });
  const first = header.row + 1;
  return [
    { kind: 'values', sheet, at: cellAddress(header.row, left), rows: [months], ...(moved ? { style: GANTT_HEADER_STYLE } : {}) },
    ganttFormat(sheet, { first, last: Math.min(MAX_ROW, Math.max(first, last) + GANTT_SPARE_ROWS), left, header: header.row }, start, end),
  ];
}

/** 1-based column of a key on a new Handlingsplan (PLAN_HEADERS is in PLAN_COLUMNS' order). */
const newColumn = (key: PlanColumn): number => PLAN_HEADERS.findIndex((h) => h.key === key) + 1;

/** Column widths of a new plan, per key (Excel character units). */
const NEW_WIDTHS: Record<PlanColumn, number> = {
  id: 9,
  name: 40,
  goal: 16,
  measure: 44,
  priority: 9,
  cost: 20,
  costKr: 12,
  hours: 10,
  owner: 18,
  start: 12,
  end: 12,
  deps: 16,
  status: 14,
  computed: 40,
};

/** A new Handlingsplan sheet: title, the header, the rows, and a month-by-month Gantt view drawn by conditional formats. */
function actionPlanSheet(rows: readonly CellInput[][], ctx: PlanContext): WriteOp[] {
  const sheet = SHEETS.actionPlan;
  const width = PLAN_COLUMNS.length;
  const ganttStart = width + 1;
  const first = PLAN_HEADER_ROW + 1;
  const last = Math.max(first, PLAN_HEADER_ROW + rows.length);
  const spare = last + GANTT_SPARE_ROWS;
  const column = (key: PlanColumn, from: number, to: number) => `${cellAddress(from, newColumn(key))}:${cellAddress(to, newColumn(key))}`;
  const ops: WriteOp[] = [
    {
      kind: 'sheet',
      sheet,
      columnWidths: [...PLAN_HEADERS.map((h) => NEW_WIDTHS[h.key]), ...new Array(PLAN_GANTT_MONTHS).fill(5)],
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
          `${ctx.intro ?? 'Föreslagna aktiviteter från gapet till nästa nivå (prioritet 1: frågor under minimikravet, 2: poäng som saknas, 3: senare nivåer).'} Uppskatta Kostnad (kr) och Tid (timmar): de summeras för vägen till nästa nivå. Årliga mål väljs bland målen på bladet Mål. Allt du skriver här behålls när resultatet beräknas om: verktyget skriver bara kolumnen "Beräknat läge", nya aktiviteter längst ned och månaderna i Gantt-vyn. Lägg gärna till egna rader och kolumner.`,
        ],
      ],
    },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: `A2:${columnName(width)}2` },
    { kind: 'rowHeight', sheet, rows: [2], height: 44 },
    { kind: 'values', sheet, at: `A${PLAN_HEADER_ROW}`, rows: [[...PLAN_COLUMNS]], style: S.header },
    { kind: 'values', sheet, at: cellAddress(PLAN_HEADER_ROW, ganttStart), rows: [ganttMonths(ctx)], style: GANTT_HEADER_STYLE },
  ];
  if (rows.length) {
    ops.push({ kind: 'values', sheet, at: `A${first}`, rows: rows.map((r) => [...r]), style: S.wrap });
    ops.push({ kind: 'style', sheet, range: column('computed', first, last), style: COMPUTED_STYLE });
  }
  // Formats reach the spare rows too, so the user's own rows get them.
  ops.push({ kind: 'style', sheet, range: `${cellAddress(first, newColumn('start'))}:${cellAddress(spare, newColumn('end'))}`, style: { numberFormat: 'yyyy-mm-dd' } });
  ops.push({ kind: 'style', sheet, range: column('costKr', first, spare), style: { numberFormat: '#,##0', hAlign: 'right' } });
  ops.push({ kind: 'style', sheet, range: column('hours', first, spare), style: { hAlign: 'right' } });
  ops.push({ kind: 'validation', sheet, range: column('status', first, spare), list: STATUS_LIST, strict: false });
  if (ctx.annualGoals) {
    ops.push({ kind: 'validation', sheet, range: column('goal', first, spare), source: ctx.annualGoals, strict: false, prompt: 'Välj ett årligt mål från bladet Mål (flera: skriv dem med kommatecken emellan).' });
  }
  ops.push(ganttFormat(sheet, { first, last: spare, left: ganttStart, header: PLAN_HEADER_ROW }, newColumn('start'), newColumn('end')));
  return ops;
}

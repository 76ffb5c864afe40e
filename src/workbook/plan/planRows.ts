/**
 * The user's Handlingsplan read back (issue 13): each activity row with the annual goals it
 * serves and its estimated cost and hours, and what the activities on the path to the next level
 * (or the chosen target) cost together. Read by header text, like the update in actionPlan.ts, so
 * inserted columns and moved tables are followed.
 */
import { eachRow, formulaAt, valueAt } from '../headers';
import type { LocatedIssue } from '../read';
import { splitGoalIds } from '../goals/read';
import { locatePlan } from './actionPlan';
import { cellAddress } from './address';
import type { Scalar, SheetGrid } from './types';

export interface PlanRow {
  /** 1-based row on the sheet. */
  readonly row: number;
  /** The Id cell, trimmed ('' when the user left it empty). */
  readonly id: string;
  readonly name: string;
  /** The annual-goal ids in "Årliga mål", split on commas, semicolons and line breaks. */
  readonly goals: readonly string[];
  readonly status: string;
  /** Kronor; undefined when the cell is empty or not a number. */
  readonly cost?: number;
  readonly hours?: number;
}

export interface PlanRows {
  readonly rows: readonly PlanRow[];
  /** Whether the plan has the numeric columns at all (a plan made before issue 13 has not). */
  readonly hasCost: boolean;
  readonly hasHours: boolean;
  readonly issues: readonly LocatedIssue[];
}

const text = (v: Scalar): string => (v === null ? '' : String(v).trim());

/**
 * "450 000", "450 000 kr", "12,5", "1 200:-" as people type them in a Swedish sheet; undefined
 * when it is not a number at all. A negative estimate is not a cost.
 */
export function parseAmount(v: Scalar): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(kr|sek|:-|h|tim(mar)?)$/i, '')
    .replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** Rows with an id or an activity name below the header; undefined when the plan's header is gone. */
export function readPlanRows(sheet: SheetGrid): PlanRows | undefined {
  const header = locatePlan(sheet);
  if (!header) return undefined;
  const col = header.columns;
  const at = (row: number, key: Parameters<typeof col.get>[0]): Scalar => {
    const c = col.get(key);
    return c === undefined ? null : valueAt(sheet, row, c);
  };
  const issues: LocatedIssue[] = [];
  const amount = (row: number, key: 'costKr' | 'hours'): number | undefined => {
    const c = col.get(key);
    if (c === undefined) return undefined;
    const v = valueAt(sheet, row, c);
    if (v === null || v === '') return undefined;
    const n = parseAmount(v);
    // A formula without a cached value reads as null above; only a typed non-number is worth a line.
    if (n === undefined && formulaAt(sheet, row, c) === undefined) {
      issues.push({ severity: 'warning', code: 'plan-bad-amount', sheet: sheet.name, cell: cellAddress(row, c), params: { value: String(v) } });
    }
    return n;
  };
  const found = new Set<number>();
  eachRow(sheet.values, (_, row) => row > header.row && found.add(row));
  const rows: PlanRow[] = [];
  for (const row of [...found].sort((a, b) => a - b)) {
    const id = text(at(row, 'id'));
    const name = text(at(row, 'name'));
    if (!id && !name) continue;
    const cost = amount(row, 'costKr');
    const hours = amount(row, 'hours');
    rows.push({
      row,
      id,
      name,
      goals: splitGoalIds(text(at(row, 'goal'))),
      status: text(at(row, 'status')),
      ...(cost !== undefined ? { cost } : {}),
      ...(hours !== undefined ? { hours } : {}),
    });
  }
  return { rows, hasCost: col.has('costKr'), hasHours: col.has('hours'), issues };
}

/** `score --json`'s `actionPlan` (issue 13): the activities on the path and what they are estimated to cost. */
export interface PathCost {
  /** Activities on the path to the next level (or the chosen target). */
  readonly activities: number;
  /** Sum of "Kostnad (kr)" over those activities (the ones with a cost). */
  readonly costToNext: number;
  readonly hoursToNext: number;
  /** Activities on the path whose "Kostnad (kr)" is empty or not a number. */
  readonly activitiesWithoutCost: number;
  readonly activitiesWithoutHours: number;
}

/**
 * What the path costs: the plan rows whose id is one of the path's activities. An activity the
 * plan does not have yet (it is added by this computation) has no estimate. A row marked "Klar"
 * or "Avbruten" still counts while its question is on the path: the answer has not changed yet.
 */
export function pathCost(pathIds: readonly string[], plan: PlanRows | undefined): PathCost {
  const byId = new Map<string, PlanRow>();
  for (const r of plan?.rows ?? []) if (r.id && !byId.has(r.id)) byId.set(r.id, r);
  let costToNext = 0;
  let hoursToNext = 0;
  let withoutCost = 0;
  let withoutHours = 0;
  for (const id of pathIds) {
    const r = byId.get(id);
    if (r?.cost !== undefined) costToNext += r.cost;
    else withoutCost++;
    if (r?.hours !== undefined) hoursToNext += r.hours;
    else withoutHours++;
  }
  return { activities: pathIds.length, costToNext, hoursToNext, activitiesWithoutCost: withoutCost, activitiesWithoutHours: withoutHours };
}

/** PathCost with its sentence for people (pathCostLine), as the computation hands it on. */
export interface PathCostSummary extends PathCost {
  /** What the path leads to, in Swedish: "nivå 3", "målet Typkommun". */
  readonly goal: string;
  readonly line?: string;
}

/**
 * n.toLocaleString('sv-SE', { maximumFractionDigits: 1 }), by hand for the common case (issue 14): the
 * first toLocaleString of a process loads ICU's number formatting, ~20 ms of a whole `infosak score`.
 * Same digits as ICU: the shortest decimal form of the double, rounded half away from zero to one
 * decimal, a trailing ",0" dropped, groups of three separated by a no-break space. Negative numbers,
 * exponents, NaN and ∞ go to toLocaleString itself (test/workbook/planCosts.test.ts compares both).
 */
export function svNumber(n: number): string {
  const s = String(n);
  if (!(n >= 0) || Object.is(n, -0) || s.includes('e') || s === 'Infinity') return n.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  const dot = s.indexOf('.');
  let whole = dot < 0 ? s : s.slice(0, dot);
  let tenth = dot < 0 ? 0 : s.charCodeAt(dot + 1) - 48;
  if (dot >= 0 && dot + 2 < s.length && s.charCodeAt(dot + 2) >= 53) tenth++;
  if (tenth === 10) {
    tenth = 0;
    // Carry into the whole part, digit by digit (it may be longer than a safe integer's digits).
    const digits = whole.split('');
    let i = digits.length - 1;
    for (; i >= 0 && digits[i] === '9'; i--) digits[i] = '0';
    if (i < 0) digits.unshift('1');
    else digits[i] = String.fromCharCode(digits[i].charCodeAt(0) + 1);
    whole = digits.join('');
  }
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) grouped = (end > 3 ? '\u00a0' : '') + whole.slice(Math.max(0, end - 3), end) + grouped;
  return tenth ? `${grouped},${tenth}` : grouped;
}
const sv = svNumber;

/**
 * "Att nå nivå 3: 8 åtgärder, uppskattat 450 000 kr och 620 timmar; 3 aktiviteter saknar kostnad"
 * (issue 13's wording); undefined when nothing is on the path.
 */
export function pathCostLine(goal: string, cost: PathCost): string | undefined {
  if (!cost.activities) return undefined;
  const head = `Att nå ${goal}: ${cost.activities} ${cost.activities === 1 ? 'åtgärd' : 'åtgärder'}`;
  if (cost.activitiesWithoutCost === cost.activities && cost.activitiesWithoutHours === cost.activities) {
    return `${head}; ingen kostnad uppskattad ännu (fyll i Kostnad (kr) och Tid (timmar) i Handlingsplan)`;
  }
  const missing = cost.activitiesWithoutCost
    ? `; ${cost.activitiesWithoutCost} ${cost.activitiesWithoutCost === 1 ? 'aktivitet saknar' : 'aktiviteter saknar'} kostnad`
    : '';
  return `${head}, uppskattat ${sv(cost.costToNext)} kr och ${sv(cost.hoursToNext)} timmar${missing}`;
}

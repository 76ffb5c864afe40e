/**
 * Reads the Mål sheet (issue 13). Each block is found by its header texts wherever the user moved
 * it, and runs to the row before the next block's section title or header (or the sheet's last
 * filled row); rows the user inserted inside a block are read, blank rows skipped. A goal exists
 * only when its row has something beyond its id, so the ids a new sheet prefills are not goals. Bad
 * values are located warnings; the goal is still read without them. A block that cannot be found
 * reads as empty.
 */
import type { AnnualGoal, Goals, ShortTermGoal, StrategicGoal, StrategicKind } from '../../core/goals/types';
import { eachRow, findHeaderPart, headerText, lastFilledRow, valueAt, type HeaderLayout } from '../headers';
import { cellAddress } from '../plan/address';
import type { Scalar, SheetGrid } from '../plan/types';
import { text, type LocatedIssue } from '../read';
import { GOAL_BLOCKS, GOAL_LAYOUT, type GoalBlock, type GoalColumn } from './layout';

/** The Id cells of each block as they are now on the sheet ("A27:A36"): the source of a drop-down of ids. */
export interface GoalIdRanges {
  readonly strategic?: string;
  readonly shortTerm?: string;
  readonly annual?: string;
}

export interface GoalsRead {
  readonly goals: Goals;
  readonly idRanges: GoalIdRanges;
  readonly issues: LocatedIssue[];
}

/** Excel's first and last date serials we take for a date typed without a date format (2000-01-01 … 9999-12-31). */
const MIN_DATE_SERIAL = 36526;
const MAX_DATE_SERIAL = 2958465;

interface Found {
  readonly block: GoalBlock;
  readonly header: HeaderLayout<GoalColumn>;
  readonly left: number;
  readonly right: number;
}

function locate(sheet: SheetGrid, block: GoalBlock): Found | undefined {
  const layout = GOAL_LAYOUT[block];
  const header = findHeaderPart<GoalColumn>(sheet, layout.specs, ['id', layout.anchor], layout.anchor, 'id');
  if (!header) return undefined;
  const columns = [...header.columns.values()];
  return { block, header, left: Math.min(...columns), right: Math.max(...columns) };
}

/**
 * The block whose section title the row is (the product's, with its example beside it), wherever the
 * user moved it: the row's first filled cell within the block's columns starts like a title and is
 * not the goal text (a goal may begin "Årliga mål …").
 */
function titleOf(sheet: SheetGrid, row: number, f: Found): GoalBlock | undefined {
  const textColumn = f.header.columns.get('text');
  for (let c = f.left; c <= f.right; c++) {
    const t = headerText(valueAt(sheet, row, c));
    if (!t) continue;
    if (c === textColumn) return undefined;
    return GOAL_BLOCKS.find((b) => t.startsWith(GOAL_LAYOUT[b].titleKey));
  }
  return undefined;
}

/** Year as a number (2030 or "2030"); 'bad' for anything else that is not empty. */
function yearOf(v: Scalar): number | 'bad' | undefined {
  if (v === null || text(v) === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}$/.test(v.trim()) ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 9999 ? n : 'bad';
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date: 'YYYY-MM-DD' as the grid gives date cells, or a serial number in a cell that lost its date
 * format (1900 date system). A year alone (2026) is no date: as a serial it would be 1905.
 */
function dateOf(v: Scalar): string | 'bad' | undefined {
  if (v === null || text(v) === '') return undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    return /^\d{4}-\d{2}-\d{2}$/.test(t) && isRealDate(t) ? t : 'bad';
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= MIN_DATE_SERIAL && v <= MAX_DATE_SERIAL) {
    return new Date(Date.UTC(1899, 11, 30) + v * 86400000).toISOString().slice(0, 10);
  }
  return 'bad';
}

function kindOf(v: Scalar): StrategicKind | 'bad' | undefined {
  const t = headerText(v);
  if (!t) return undefined;
  return t === 'effektmål' || t === 'resultatmål' ? t : 'bad';
}

/** "Å1, Å2", "Å1; Å2" or one per line: the ids as typed, trimmed (Mål's "Bidrar till" and Handlingsplan's "Årliga mål"). */
export function splitGoalIds(cell: string): string[] {
  return cell
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function idList(v: Scalar): string[] | undefined {
  const ids = splitGoalIds(text(v));
  return ids.length ? ids : undefined;
}

/** The goals sheet's three blocks, their Id ranges and the warnings about values that cannot be used. */
export function readGoals(sheet: SheetGrid): GoalsRead {
  const issues: LocatedIssue[] = [];
  const found = GOAL_BLOCKS.map((b) => locate(sheet, b)).filter((f): f is Found => f !== undefined);
  const lastRow = lastFilledRow(sheet);
  const strategic: StrategicGoal[] = [];
  const shortTerm: ShortTermGoal[] = [];
  const annual: AnnualGoal[] = [];
  const idRanges: { -readonly [K in keyof GoalIdRanges]: GoalIdRanges[K] } = {};

  for (const f of found) {
    const { header, block } = f;
    // The block ends above the next block below it that shares its columns (blocks side by side do not end each other).
    const below = found.filter((o) => o !== f && o.header.row > header.row && o.left <= f.right && o.right >= f.left).map((o) => o.header.row);
    const end = below.length ? Math.min(...below) - 1 : lastRow;
    const col = header.columns;
    const idColumn = col.get('id')!;
    const keys = [...col.keys()].filter((k) => k !== 'id');
    const warn = (code: string, row: number, key: GoalColumn, value: Scalar) =>
      issues.push({ severity: 'warning', code, sheet: sheet.name, cell: cellAddress(row, col.get(key)!), params: { value: String(value) } });
    let lastId = 0;

    // Only rows the grid holds: a stray value far down the sheet costs nothing.
    const rows: number[] = [];
    eachRow(sheet.values, (_, row) => row > header.row && row <= end && rows.push(row));
    for (const row of rows) {
      // Another block's title ends this block, even when that block's header is gone.
      const title = titleOf(sheet, row, f);
      if (title !== undefined && title !== block) break;
      if (title !== undefined) continue;
      const get = (key: GoalColumn): Scalar => (col.has(key) ? valueAt(sheet, row, col.get(key)!) : null);
      const id = text(get('id'));
      if (id) lastId = row;
      if (!keys.some((k) => text(get(k)) !== '')) continue;
      const goalText = text(get('text'));
      const optional = <T,>(key: string, value: T | undefined) => (value === undefined || value === '' ? {} : { [key]: value });

      if (block === 'strategic') {
        const kind = kindOf(get('kind'));
        if (kind === 'bad') warn('goal-bad-kind', row, 'kind', get('kind'));
        const horizon = yearOf(get('horizon'));
        if (horizon === 'bad') warn('goal-bad-year', row, 'horizon', get('horizon'));
        strategic.push({
          id,
          text: goalText,
          ...optional('kind', kind === 'bad' ? undefined : kind),
          ...optional('horizon', horizon === 'bad' ? undefined : horizon),
          row,
        });
      } else if (block === 'shortTerm') {
        const date = dateOf(get('date'));
        if (date === 'bad') warn('goal-bad-date', row, 'date', get('date'));
        shortTerm.push({
          id,
          text: goalText,
          ...optional('indicator', text(get('indicator'))),
          ...optional('targetValue', text(get('targetValue'))),
          ...optional('responsible', text(get('responsible'))),
          ...optional('date', date === 'bad' ? undefined : date),
          ...optional('serves', idList(get('serves'))),
          row,
        });
      } else {
        const year = yearOf(get('year'));
        if (year === 'bad') warn('goal-bad-year', row, 'year', get('year'));
        annual.push({
          id,
          text: goalText,
          ...optional('year', year === 'bad' ? undefined : year),
          ...optional('serves', idList(get('serves'))),
          ...optional('targetLevel', text(get('targetLevel'))),
          row,
        });
      }
    }
    const first = header.row + 1;
    idRanges[block] = `${cellAddress(first, idColumn)}:${cellAddress(Math.max(first, lastId), idColumn)}`;
  }
  // Warnings in sheet order, whichever block was read first.
  issues.sort((a, b) => rowOf(a.cell) - rowOf(b.cell));
  return { goals: { strategic, shortTerm, annual }, idRanges, issues };
}

const rowOf = (cell: string | undefined): number => Number(/\d+$/.exec(cell ?? '')?.[0] ?? 0);

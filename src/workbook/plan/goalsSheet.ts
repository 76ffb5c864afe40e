/**
 * A new Mål sheet (issue 13): the structure for the organisation's goals, made once. What is typed
 * there belongs to the user, so the sheet is not protected and no computation writes it again
 * (the caller writes this plan only when the workbook has no Mål sheet).
 */
import { GOAL_BLOCKS, GOAL_LAYOUT, GOALS_NOTE, GOALS_SHEET, GOALS_TITLE, newBlockRows, type GoalBlock, type GoalColumn } from '../goals/layout';
import { cellAddress, columnName } from './address';
import { withRowHeights } from './rowHeights';
import { COLORS, S } from './styles';
import type { CellInput, CellStyle, WriteOp, WritePlan } from './types';

/** A: ids; B: the goal in words; the rest per block (widths fit every block's column there). */
const WIDTHS = [8, 48, 24, 22, 26, 16, 20, 30];
const KIND_LIST = ['Effektmål', 'Resultatmål'];
const INPUT: CellStyle = { fill: COLORS.answer, border: 'thin', wrap: true, vAlign: 'top', locked: false };
const DATE_FORMAT = 'yyyy-mm-dd';

const column = (block: GoalBlock, key: GoalColumn): number => (GOAL_LAYOUT[block].specs as readonly { key: GoalColumn }[]).findIndex((s) => s.key === key) + 1;

/**
 * The Mål sheet for a workbook that has none. `today` (YYYY-MM-DD) gives the example years in the
 * section prompts, so they fit the year the sheet is made.
 */
export function newGoalsSheet(today: string): WritePlan {
  const sheet = GOALS_SHEET;
  const year = Number(today.slice(0, 4));
  const rows = newBlockRows();
  const lastColumn = columnName(WIDTHS.length);
  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, columnWidths: WIDTHS, tabColor: 'BF8F00', landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows: [[GOALS_TITLE], [GOALS_NOTE]] },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: { ...S.note, vAlign: 'top' } },
    { kind: 'merge', sheet, range: `A2:${lastColumn}2` },
  ];
  // What a goal of each level may look like; the years follow the sheet's creation.
  const prompts: Record<GoalBlock, string> = {
    strategic: `Till exempel: "Vi arbetar systematiskt med informationssäkerhet enligt ISO/IEC 27001 senast ${year + 4}."`,
    shortTerm: `Till exempel: "Alla verksamhetssystem är informationsklassade senast ${year + 1}-12-31", mätt som andel klassade system.`,
    annual: `Till exempel: "Klassa de tio viktigaste systemen under ${year + 1}" – aktiviteterna i Handlingsplanen anger målets id.`,
  };

  for (const block of GOAL_BLOCKS) {
    const layout = GOAL_LAYOUT[block];
    const r = rows[block];
    const width = layout.headers.length;
    const ids: CellInput[][] = Array.from({ length: layout.rows }, (_, i) => [`${layout.idPrefix}${i + 1}`]);
    ops.push(
      { kind: 'values', sheet, at: `A${r.title}`, rows: [[layout.title, null, prompts[block]]] },
      { kind: 'style', sheet, range: `A${r.title}`, style: S.subtitle },
      { kind: 'style', sheet, range: `C${r.title}`, style: { ...S.note, wrap: false } },
      { kind: 'values', sheet, at: `A${r.header}`, rows: [[...layout.headers]], style: S.header },
      { kind: 'style', sheet, range: `A${r.first}:${columnName(width)}${r.last}`, style: INPUT },
      { kind: 'values', sheet, at: `A${r.first}`, rows: ids, style: { bold: true, hAlign: 'center' } },
    );
  }

  const { strategic, shortTerm, annual } = rows;
  const span = (block: GoalBlock, key: GoalColumn) => {
    const c = column(block, key);
    return `${cellAddress(rows[block].first, c)}:${cellAddress(rows[block].last, c)}`;
  };
  const ids = (block: GoalBlock) => ({ sheet, range: `A${rows[block].first}:A${rows[block].last}` });
  ops.push(
    { kind: 'style', sheet, range: span('strategic', 'horizon'), style: { numberFormat: '0', hAlign: 'center' } },
    { kind: 'style', sheet, range: span('shortTerm', 'date'), style: { numberFormat: DATE_FORMAT, hAlign: 'center' } },
    { kind: 'style', sheet, range: span('annual', 'year'), style: { numberFormat: '0', hAlign: 'center' } },
    { kind: 'validation', sheet, range: span('strategic', 'kind'), list: KIND_LIST, strict: false },
    // The drop-downs offer the ids of the block above, as they are typed there now and later.
    { kind: 'validation', sheet, range: span('shortTerm', 'serves'), source: ids('strategic'), strict: false, prompt: 'Id för det strategiska mål som målet bidrar till. Flera skrivs åtskilda med komma.' },
    { kind: 'validation', sheet, range: span('annual', 'serves'), source: ids('shortTerm'), strict: false, prompt: 'Id för det kortsiktiga mål som målet bidrar till. Flera skrivs åtskilda med komma.' },
    // Goal rows start two lines high and grow with the text typed in them.
    { kind: 'rowHeight', sheet, rows: [strategic, shortTerm, annual].flatMap((r) => range(r.first, r.last)), height: 30, auto: true },
  );
  return withRowHeights(ops);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

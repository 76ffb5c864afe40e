/**
 * Options the user keeps in the workbook itself, on Start: a label in column A and its value in
 * column B, found by the label in any row (as the catalog id is), so moved rows are followed.
 * Issue 13: "Säker kräver underlag" (Ja / Nej), off by default and off in workbooks made before it.
 */
import { eachRow, isFilled } from './headers';
import { EVIDENCE_LABEL, SHEETS } from './layout';
import { S } from './plan/styles';
import type { WorkbookGrid, WritePlan } from './plan/types';
import { text, type LocatedIssue } from './read';

export const EVIDENCE_ON = 'Ja';
export const EVIDENCE_OFF = 'Nej';
/** The drop-down on Start (questionnaire.ts). */
export const EVIDENCE_CHOICES: readonly string[] = [EVIDENCE_ON, EVIDENCE_OFF];

export interface EvidenceSetting {
  /** On: a säker answer without underlag counts as osäker (core/answers/strictEvidence.ts). */
  readonly strict: boolean;
  /** The 1-based row of the label on Start; undefined when the workbook has no such row. */
  readonly row?: number;
  /** A value that is neither Ja nor Nej: the option is off, and this says where. */
  readonly issues: readonly LocatedIssue[];
}

/** The row of the label in column A of Start (trimmed, any case), or undefined. */
function labelRow(grid: WorkbookGrid): number | undefined {
  const start = grid.sheets.get(SHEETS.start);
  const wanted = EVIDENCE_LABEL.toLowerCase();
  let found: number | undefined;
  eachRow(start?.values, (cells, row) => {
    if (found === undefined && text(cells[0]).toLowerCase() === wanted) found = row;
  });
  return found;
}

/** "Ja" (any case) or TRUE: on. "Nej", FALSE, blank or no row: off. Anything else: off, with a warning naming the cell. */
export function readEvidenceSetting(grid: WorkbookGrid): EvidenceSetting {
  const row = labelRow(grid);
  if (row === undefined) return { strict: false, issues: [] };
  const start = grid.sheets.get(SHEETS.start)!;
  const value = start.values[row - 1]?.[1] ?? null;
  if (value === true) return { strict: true, row, issues: [] };
  if (value === false) return { strict: false, row, issues: [] };
  const said = text(value);
  if (said.toLowerCase() === EVIDENCE_ON.toLowerCase()) return { strict: true, row, issues: [] };
  if (said === '' || said.toLowerCase() === EVIDENCE_OFF.toLowerCase()) return { strict: false, row, issues: [] };
  return {
    strict: false,
    row,
    issues: [{ severity: 'warning', code: 'bad-evidence-setting', sheet: start.name, cell: `B${row}`, params: { value: said } }],
  };
}

/**
 * Writes the option into Start as the user would: only the value cell, the sheet otherwise kept as
 * it is. A workbook made before the option gets the label and the value in the first row below
 * everything in columns A:B. Nothing when the workbook has no Start.
 */
export function evidenceSettingPlan(grid: WorkbookGrid, strict: boolean): WritePlan {
  const start = grid.sheets.get(SHEETS.start);
  if (!start) return [];
  const sheet = SHEETS.start;
  const value = strict ? EVIDENCE_ON : EVIDENCE_OFF;
  const row = labelRow(grid);
  if (row !== undefined) return [{ kind: 'sheet', sheet, mode: 'update' }, { kind: 'values', sheet, at: `B${row}`, rows: [[value]] }];
  let last = 0;
  eachRow(start.values, (_cells, r) => {
    if (isFilled(start, r, 1) || isFilled(start, r, 2)) last = Math.max(last, r);
  });
  eachRow(start.formulas, (_cells, r) => {
    if (isFilled(start, r, 1) || isFilled(start, r, 2)) last = Math.max(last, r);
  });
  const at = last + 1;
  return [
    { kind: 'sheet', sheet, mode: 'update' },
    { kind: 'values', sheet, at: `A${at}`, rows: [[EVIDENCE_LABEL]], style: S.label },
    // Unlocked, as on a new questionnaire: the user can change it under the sheet's protection.
    { kind: 'values', sheet, at: `B${at}`, rows: [[value]], style: { ...S.answer, hAlign: 'left' } },
  ];
}

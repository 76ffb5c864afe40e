/**
 * The browser preview: the memory Excel holding the questionnaire filled with Exempelkommun's
 * answers, so the pane can be tried and tested without Excel (issue 4, item 4).
 */
import { applyPlanOffice } from '../adapters/officejs/applyPlan';
import { loadWorkbook } from '../adapters/officejs/loadWorkbook';
import { createMemoryExcel, type MemoryExcel } from '../adapters/officejs/memory/memoryExcel';
import type { AnswerSet } from '../core/answers/types';
import { findAnyCatalog } from '../core/catalog/models';
import { DEFAULT_CATALOG, findCatalog, loadCatalogs } from '../core/catalog/registry';
import example from '../examples/exempelkommun.answers.json';
import itsakExample from '../examples/itsakkollen.answers.json';
import { computeFromWorkbook, localToday } from '../workbook/compute';
import { INPUT_SHEETS, QUESTIONNAIRE_SHEETS, Q_COLUMNS, SHEETS, levelSheet, optionId, questionId } from '../workbook/layout';
import { cellAddress, rangeAddress } from '../workbook/plan/address';
import { questionnairePlan } from '../workbook/plan/questionnaire';
import { questionnairePlanOf, questionnaireSheetsOf } from '../workbook/models';
import type { ExcelHost, WorkbookSummary } from './host';
import { officeHost } from './officeHost';

export function summaryOf(excel: MemoryExcel): WorkbookSummary {
  const { selection } = excel.workbook;
  return {
    sheets: excel.workbook.sheets.map((s) => ({ name: s.name, charts: s.chartViews().map((c) => c.title || c.name) })),
    selection: `${selection.sheet.name}!${rangeAddress(selection.box)}`,
  };
}

/** A memory Excel with the example questionnaire (the sheets the user would have filled in). */
export async function exampleExcel(): Promise<MemoryExcel> {
  const excel = createMemoryExcel();
  const catalog = findCatalog(DEFAULT_CATALOG)!;
  await excel.run((ctx) => applyPlanOffice(ctx, questionnairePlan(catalog, example as AnswerSet)));
  // A new workbook's empty "Blad1" says nothing in the preview's sheet list.
  const blank = excel.workbook.findSheet('Blad1');
  if (blank && blank.usedBox(false) === null) excel.workbook.deleteSheet(blank);
  const start = excel.workbook.findSheet(QUESTIONNAIRE_SHEETS[0]);
  if (start) excel.workbook.activeSheet = start;
  return excel;
}

/**
 * It-säkkollen's questionnaire (issue 12) filled with its example answers (src/examples), to try the
 * catalog of statements in the pane: its progress per area, compute, the result and "Om katalogen".
 */
export async function itsakkollenExcel(): Promise<MemoryExcel> {
  const answers = itsakExample as AnswerSet;
  await loadCatalogs([answers.catalog]);
  const catalog = findAnyCatalog(answers.catalog)!;
  const excel = createMemoryExcel();
  await excel.run((ctx) => applyPlanOffice(ctx, questionnairePlanOf(catalog, answers)));
  const blank = excel.workbook.findSheet('Blad1');
  if (blank && blank.usedBox(false) === null) excel.workbook.deleteSheet(blank);
  const start = excel.workbook.findSheet(questionnaireSheetsOf(catalog)[0]);
  if (start) excel.workbook.activeSheet = start;
  return excel;
}

/**
 * The example with two typical input mistakes (a tick that is not a tick, a certainty that is not
 * Säker/Osäker), as a user could type them, so the error list and its cell links can be tried.
 */
export async function exampleWithErrorsExcel(): Promise<MemoryExcel> {
  const excel = await exampleExcel();
  const catalog = findCatalog(DEFAULT_CATALOG)!;
  const type = (question: number, id: string, value: string) => {
    const sheet = excel.workbook.sheet(levelSheet(catalog.question(question)!.level));
    const row = sheet.values().findIndex((r) => r[0] === id) + 1;
    if (row > 0) sheet.setValues(cellAddress(row, Q_COLUMNS.answer), [[value]]);
  };
  type(1, optionId(1, 'a'), 'kanske');
  type(2, questionId(2), 'ganska säker');
  return excel;
}

/** Computes once and writes the result sheets, as "Beräkna resultat" would. */
export async function computeOnce(excel: MemoryExcel): Promise<void> {
  await excel.run(async (context) => {
    const loaded = await loadWorkbook(context, INPUT_SHEETS);
    const outcome = computeFromWorkbook(loaded.grid, localToday());
    if (outcome.kind !== 'computed') throw new Error('The example is not a questionnaire.');
    await applyPlanOffice(context, outcome.plan, loaded);
  });
}

/** The row after the last used row of Handlingsplan's columns A:L (1-based). */
function planEnd(excel: MemoryExcel): number {
  const values = excel.workbook.sheet(SHEETS.actionPlan).values();
  let last = 0;
  values.forEach((row, r) => {
    if (row.slice(0, 12).some((v) => v !== null && v !== '')) last = r + 1;
  });
  return last + 1;
}

/** A row a user added to Handlingsplan after a blank row: own id, text, a date, a formula and a link. */
export const USER_ROW = {
  id: 'EGEN-1',
  name: 'Uppdatera incidentrutinen',
  link: { address: 'https://intranat.example/rutiner/incident', text: 'Rutinen på intranätet' },
  owner: 'Kim Andersson (säkerhetssamordnare)',
} as const;

/**
 * The example after one computation, with the user's own row in Handlingsplan below a blank row:
 * to try that recomputing keeps it exactly (issue 9). Returns the row it wrote.
 */
export async function exampleWithUserRowExcel(): Promise<{ excel: MemoryExcel; row: number }> {
  const excel = await exampleExcel();
  await computeOnce(excel);
  const row = planEnd(excel) + 1; // one blank row between the plan and the user's row
  const plan = excel.workbook.sheet(SHEETS.actionPlan);
  plan.setValues(`A${row}`, [[USER_ROW.id, USER_ROW.name, USER_ROW.link.text, null, 2, null, USER_ROW.owner, { date: '2027-01-15' }, { formula: `H${row}+90` }]]);
  plan.cellAt(row, 3).hyperlink = { address: USER_ROW.link.address, textToDisplay: USER_ROW.link.text };
  plan.cellAt(row, 3).format.underline = 'Single';
  plan.cellAt(row, 7).format.fill = '#FFFF00';
  return { excel, row };
}

/** The example after one computation, with Handlingsplan protected by the user with a password. */
export async function exampleWithProtectedPlanExcel(): Promise<MemoryExcel> {
  const excel = await exampleExcel();
  await computeOnce(excel);
  excel.workbook.sheet(SHEETS.actionPlan).protect({ allowFormatColumns: true }, 'hemligt');
  return excel;
}

/**
 * The example after one computation, with a picture the user put on Resultat: the next computation
 * asks before rewriting that sheet, so the confirm bar can be tried (and checked for accessibility).
 */
export async function exampleWithUserPictureExcel(): Promise<MemoryExcel> {
  const excel = await exampleExcel();
  await computeOnce(excel);
  excel.workbook.sheet(SHEETS.result).addShape('Vår logotyp', 'Image');
  return excel;
}

export type PreviewWorkbook = 'example' | 'empty' | 'errors' | 'userplan' | 'protected' | 'userpicture' | 'itsakkollen';

const PREVIEW_WORKBOOKS: readonly PreviewWorkbook[] = ['example', 'empty', 'errors', 'userplan', 'protected', 'userpicture', 'itsakkollen'];

/** ?workbook=empty|errors|userplan|protected|userpicture|itsakkollen picks a starting workbook for trying the pane; default the example. */
export function previewWorkbookOf(search: string): PreviewWorkbook {
  const wanted = new URLSearchParams(search).get('workbook');
  return PREVIEW_WORKBOOKS.find((w) => w === wanted) ?? 'example';
}

/** What a browser test can ask the preview about its in-memory workbook. */
export interface PreviewProbe {
  /** Everything observable, as JSON (MemoryWorkbook.snapshot). */
  snapshot(sheet?: string): string;
  /** Types a value into a cell, as the user would in Excel (the preview has no grid to type in). */
  type(sheet: string, address: string, value: string): void;
}

/**
 * 'example' = the filled-in questionnaire; 'empty' = a new workbook, to try "Infoga frågeformulär";
 * 'errors' = with input errors; 'userplan' = computed once, with a row of the user's in Handlingsplan;
 * 'protected' = computed once, Handlingsplan protected with a password; 'userpicture' = computed once,
 * with a picture of the user's on Resultat; 'itsakkollen' = It-säkkollen's questionnaire with its example answers.
 */
export async function createPreview(
  workbook: PreviewWorkbook = 'example',
): Promise<{ host: ExcelHost; summary: () => WorkbookSummary; excel: MemoryExcel }> {
  const excel =
    workbook === 'empty'
      ? createMemoryExcel()
      : workbook === 'errors'
        ? await exampleWithErrorsExcel()
        : workbook === 'userplan'
          ? (await exampleWithUserRowExcel()).excel
          : workbook === 'protected'
            ? await exampleWithProtectedPlanExcel()
            : workbook === 'userpicture'
              ? await exampleWithUserPictureExcel()
              : workbook === 'itsakkollen'
                ? await itsakkollenExcel()
                : await exampleExcel();
  // For the browser e2e: the preview's workbook can be inspected from the page (never in Excel).
  const probe: PreviewProbe = {
    snapshot: (sheet) => JSON.stringify(sheet ? excel.workbook.sheet(sheet).snapshot() : excel.workbook.snapshot()),
    type: (sheet, address, value) => excel.workbook.sheet(sheet).setValues(address, [[value]]),
  };
  (globalThis as unknown as { infosakPreview?: PreviewProbe }).infosakPreview = probe;
  return { host: officeHost(excel, 'preview'), summary: () => summaryOf(excel), excel };
}

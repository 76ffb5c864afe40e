/**
 * The browser preview: the memory Excel holding the questionnaire filled with Exempelkommun's
 * answers, so the pane can be tried and tested without Excel (issue 4, item 4).
 */
import { applyPlanOffice } from '../adapters/officejs/applyPlan';
import { createMemoryExcel, type MemoryExcel } from '../adapters/officejs/memory/memoryExcel';
import type { AnswerSet } from '../core/answers/types';
import { DEFAULT_CATALOG, findCatalog } from '../core/catalog/registry';
import example from '../examples/exempelkommun.answers.json';
import { QUESTIONNAIRE_SHEETS, Q_COLUMNS, levelSheet, optionId, questionId } from '../workbook/layout';
import { cellAddress, rangeAddress } from '../workbook/plan/address';
import { questionnairePlan } from '../workbook/plan/questionnaire';
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

export type PreviewWorkbook = 'example' | 'empty' | 'errors';

/** 'example' = the filled-in questionnaire; 'empty' = a new workbook, to try "Infoga frågeformulär"; 'errors' = with input errors. */
export async function createPreview(
  workbook: PreviewWorkbook = 'example',
): Promise<{ host: ExcelHost; summary: () => WorkbookSummary; excel: MemoryExcel }> {
  const excel = workbook === 'empty' ? createMemoryExcel() : workbook === 'errors' ? await exampleWithErrorsExcel() : await exampleExcel();
  return { host: officeHost(excel, 'preview'), summary: () => summaryOf(excel), excel };
}

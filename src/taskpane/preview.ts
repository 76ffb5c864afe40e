/**
 * The browser preview: the memory Excel holding the questionnaire filled with Exempelkommun's
 * answers, so the pane can be tried and tested without Excel (issue 4, item 4).
 */
import { applyPlanOffice } from '../adapters/officejs/applyPlan';
import { createMemoryExcel, type MemoryExcel } from '../adapters/officejs/memory/memoryExcel';
import type { AnswerSet } from '../core/answers/types';
import { DEFAULT_CATALOG, findCatalog } from '../core/catalog/registry';
import example from '../examples/exempelkommun.answers.json';
import { QUESTIONNAIRE_SHEETS } from '../workbook/layout';
import { questionnairePlan } from '../workbook/plan/questionnaire';
import type { ExcelHost, WorkbookSummary } from './host';
import { officeHost } from './officeHost';

export function summaryOf(excel: MemoryExcel): WorkbookSummary {
  return { sheets: excel.workbook.sheets.map((s) => ({ name: s.name, charts: s.chartViews().map((c) => c.title || c.name) })) };
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

/** 'example' = the filled-in questionnaire; 'empty' = a new workbook, to try "Infoga frågeformulär". */
export async function createPreview(
  workbook: 'example' | 'empty' = 'example',
): Promise<{ host: ExcelHost; summary: () => WorkbookSummary; excel: MemoryExcel }> {
  const excel = workbook === 'empty' ? createMemoryExcel() : await exampleExcel();
  return { host: officeHost(excel, 'preview'), summary: () => summaryOf(excel), excel };
}

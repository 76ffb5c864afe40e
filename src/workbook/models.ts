/**
 * The workbook layer's switch on the scoring model (issue 12): which sheets a workbook of each
 * model has, how it is read, generated and filled. Everything else in this layer is per model
 * (src/workbook/stammer for stammer-mean-v1) and never asks for a catalog's id. The computation's
 * switch is computeFromWorkbook (compute.ts).
 */
import type { AnswerSet } from '../core/answers/types';
import { findAnyCatalog, type AnyCatalog } from '../core/catalog/models';
import { findStammerCatalog, stammerCatalogIds } from '../core/stammer/registry';
import { INPUT_SHEETS, QUESTIONNAIRE_SHEETS } from './layout';
import { fillPlan, type FillOutcome } from './plan/fillAnswers';
import { questionnairePlan } from './plan/questionnaire';
import type { WorkbookGrid, WritePlan } from './plan/types';
import { findCatalogId, readWorkbook, type LocatedIssue, type ReadOutcome } from './read';
import { inputSheets as stammerInputSheets, questionnaireSheets as stammerQuestionnaireSheets } from './stammer/layout';
import { stammerFillPlan } from './stammer/fill';
import { stammerQuestionnairePlan } from './stammer/questionnaire';
import { readStammerWorkbook, type StammerReadOutcome } from './stammer/read';

/**
 * Every sheet a reader of any model needs, for adapters that read sheets by name before the
 * catalog is known (a sheet that does not exist costs nothing).
 */
export function allInputSheets(): string[] {
  const names = new Map<string, string>();
  const add = (n: string) => names.set(n.toLowerCase(), names.get(n.toLowerCase()) ?? n);
  INPUT_SHEETS.forEach(add);
  for (const id of stammerCatalogIds) stammerInputSheets(findStammerCatalog(id)!).forEach(add);
  return [...names.values()];
}

/** The sheets a questionnaire of this catalog consists of (a user's own sheet of one of these names blocks inserting it). */
export function questionnaireSheetsOf(catalog: AnyCatalog): readonly string[] {
  return catalog.model === 'stammer-mean-v1' ? stammerQuestionnaireSheets(catalog) : QUESTIONNAIRE_SHEETS;
}

/** The questionnaire of any catalog, optionally with answers filled in. */
export function questionnairePlanOf(catalog: AnyCatalog, answers?: AnswerSet): WritePlan {
  return catalog.model === 'stammer-mean-v1' ? stammerQuestionnairePlan(catalog, answers) : questionnairePlan(catalog, answers);
}

/** `fill` into an existing questionnaire of any catalog: only the answer cells of the answers given. */
export function fillPlanOf(catalog: AnyCatalog, grid: WorkbookGrid, incoming: AnswerSet): FillOutcome {
  return catalog.model === 'stammer-mean-v1' ? stammerFillPlan(catalog, grid, incoming) : fillPlan(catalog, grid, incoming);
}

export type AnyReadOutcome =
  | { readonly kind: 'foreign'; readonly issue: LocatedIssue }
  | (Extract<ReadOutcome, { kind: 'questionnaire' }> & { readonly model: 'leveled-points-v1' })
  | Extract<StammerReadOutcome, { kind: 'questionnaire' }>;

/** The model of the workbook's catalog (from Start); undefined when it has none the product knows. */
export function modelOfWorkbook(grid: WorkbookGrid): AnyCatalog['model'] | undefined {
  const id = findCatalogId(grid);
  return id === undefined ? undefined : findAnyCatalog(id)?.model;
}

/** The answers of a questionnaire workbook of any catalog, with located issues. */
export function readAnyWorkbook(grid: WorkbookGrid): AnyReadOutcome {
  const id = findCatalogId(grid);
  const catalog = id === undefined ? undefined : findAnyCatalog(id);
  if (catalog?.model === 'stammer-mean-v1') return readStammerWorkbook(catalog, grid);
  const read = readWorkbook(grid);
  return read.kind === 'foreign' ? read : { ...read, model: 'leveled-points-v1' };
}

/**
 * A computation with a chosen target (issue 11): the one-way flow of compute.ts, with Nästa nivå
 * and Handlingsplan following the target. The ownership checks and the reading stay in
 * computeFromWorkbook; only the result plan is built again with the target.
 */
import type { Catalog } from '../core/catalog/types';
import { computeFromWorkbook, computeResult, ownerOf, type ComputeOptions, type WorkbookOutcome } from './compute';
import { SHEETS } from './layout';
import type { TargetRequest } from './plan/targetSheet';
import type { WorkbookGrid } from './plan/types';

/** `target` may depend on the workbook's catalog (its levels, its regulation): then it is a function of it. */
export function computeFromWorkbookWithTarget(
  grid: WorkbookGrid,
  today: string,
  request: TargetRequest | ((catalog: Catalog) => TargetRequest | undefined) | undefined,
  options: Omit<ComputeOptions, 'target'> = {},
): WorkbookOutcome {
  const outcome = computeFromWorkbook(grid, today, undefined, options);
  if (outcome.kind !== 'computed' || !request) return outcome;
  const target = typeof request === 'function' ? request(outcome.catalog) : request;
  if (!target) return outcome;
  const plan = ownerOf(grid, SHEETS.actionPlan).kind === 'ours' ? grid.sheets.get(SHEETS.actionPlan) : undefined;
  const history = ownerOf(grid, SHEETS.history).kind === 'ours' ? grid.sheets.get(SHEETS.history) : undefined;
  // The same evidence rule as the first computation (issue 13: the workbook's or the caller's).
  const computed = computeResult(outcome.catalog, outcome.answers, today, plan, history, { target, strictEvidence: outcome.evidence.strict, workbook: grid });
  // The reading's issues and the dropped objects stay (the same sheets are replaced); the plan's own issues are the new plan's.
  const previous = new Set(outcome.planIssues);
  return { ...outcome, ...computed, kind: 'computed', issues: [...outcome.issues.filter((i) => !previous.has(i)), ...computed.planIssues] };
}

/**
 * What the task pane's components work with: the use cases (PaneActions) and their outcomes as data.
 * No adapter imports here, so components can depend on this file; actions.ts implements it.
 */
import type { Catalog } from '../core/catalog/types';
import type { Progress } from '../core/scoring/progress';
import type { ScoreResult } from '../core/scoring/score';
import type { LocatedIssue } from '../workbook/read';
import type { ExcelHost } from './host';

export type Stage = 'read' | 'insert' | 'compute' | 'write' | 'select';

/** A failure with the stage it happened in, so the UI can say what was (not) done. */
export class PaneError extends Error {
  readonly stage: Stage;
  readonly cause: unknown;
  constructor(stage: Stage, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PaneError';
    this.stage = stage;
    this.cause = cause;
  }
}

export type WorkbookState =
  | { readonly kind: 'empty'; readonly sheetNames: readonly string[]; readonly questions: number }
  /** Some questionnaire sheet names are taken but there is no questionnaire: inserting would overwrite them. */
  | { readonly kind: 'conflict'; readonly sheetNames: readonly string[]; readonly conflicting: readonly string[] }
  /** Start names a catalog this version does not know. */
  | { readonly kind: 'foreign'; readonly sheetNames: readonly string[]; readonly issue: LocatedIssue }
  | {
      readonly kind: 'questionnaire';
      readonly sheetNames: readonly string[];
      readonly catalog: Catalog;
      readonly progress: Progress;
      readonly issues: readonly LocatedIssue[];
    };

export type ComputeStep = 'reading' | 'computing' | 'writing';

export interface Computed {
  readonly kind: 'computed';
  readonly catalog: Catalog;
  readonly result: ScoreResult;
  readonly progress: Progress;
  readonly issues: readonly LocatedIssue[];
  /** The sheets the plan wrote. */
  readonly written: readonly string[];
}

export type ComputeOutcome = { readonly kind: 'foreign'; readonly issue: LocatedIssue } | Computed;

export type InsertOutcome =
  | { readonly kind: 'inserted'; readonly state: WorkbookState }
  | { readonly kind: 'conflict'; readonly conflicting: readonly string[] };

/** Every effect the pane has; each rejects with a PaneError. */
export interface PaneActions {
  readonly mode: ExcelHost['mode'];
  inspect(): Promise<WorkbookState>;
  insertQuestionnaire(): Promise<InsertOutcome>;
  /** Reads, computes everything, and only then writes; onStep reports the phase for the progress text. */
  compute(onStep?: (step: ComputeStep) => void): Promise<ComputeOutcome>;
  select(sheet: string, cell: string): Promise<void>;
}

/**
 * What the task pane's components work with: the use cases (PaneActions) and their outcomes as data.
 * No adapter imports here, so components can depend on this file; actions.ts implements it.
 */
import type { EvidenceRule } from '../core/answers/strictEvidence';
import type { AnswerSet } from '../core/answers/types';
import type { AnyCatalog } from '../core/catalog/models';
import type { Catalog, Text } from '../core/catalog/types';
import type { StammerResult } from '../core/stammer/score';
import type { StammerCatalog } from '../core/stammer/types';
import type { Progress } from '../core/scoring/progress';
import type { ScoreResult } from '../core/scoring/score';
import type { GoalGraph } from '../core/goals/graph';
import type { PathCostSummary } from '../workbook/plan/planRows';
import type { LocatedIssue } from '../workbook/read';
import type { ExcelHost } from './host';

/** 'start': the pane itself could not start (office.js, the host, the preview). */
export type Stage = 'start' | 'read' | 'insert' | 'compute' | 'write' | 'select';

/**
 * Why the workbook could not take the write, located (the Office.js adapter's WriteRefusal, kept
 * here as data so components need no adapter import). Nothing was written.
 */
export type Refusal =
  | { readonly code: 'sheet-password-protected'; readonly sheet: string }
  | { readonly code: 'workbook-structure-protected'; readonly sheet: string }
  | { readonly code: 'name-taken'; readonly name: string; readonly sheet?: string }
  | { readonly code: 'sheet-too-large'; readonly sheet: string; readonly cell: string };

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

/** A catalog "Infoga frågeformulär" can insert (issue 12): every catalog of every model. */
export interface CatalogChoice {
  readonly id: string;
  readonly name: Text;
  readonly model: AnyCatalog['model'];
  /** Questions or statements. */
  readonly items: number;
  readonly areas: number;
}

/** The questionnaire as the pane shows it, per scoring model (issue 12): `model` says which catalog it carries. */
export type QuestionnaireOf =
  | { readonly model: 'leveled-points-v1'; readonly catalog: Catalog }
  | { readonly model: 'stammer-mean-v1'; readonly catalog: StammerCatalog };

export type WorkbookState =
  | {
      readonly kind: 'empty';
      readonly sheetNames: readonly string[];
      readonly questions: number;
      /** The catalogs the user can pick from (the default first). */
      readonly catalogs?: readonly CatalogChoice[];
    }
  /** Some questionnaire sheet names are taken but there is no questionnaire: inserting would overwrite them. */
  | { readonly kind: 'conflict'; readonly sheetNames: readonly string[]; readonly conflicting: readonly string[] }
  /** Start names a catalog this version does not know. */
  | { readonly kind: 'foreign'; readonly sheetNames: readonly string[]; readonly issue: LocatedIssue }
  | (QuestionnaireOf & {
      readonly kind: 'questionnaire';
      readonly sheetNames: readonly string[];
      /** For a catalog of statements: per area, no levels. */
      readonly progress: Progress;
      readonly issues: readonly LocatedIssue[];
    });

export type ComputeStep = 'reading' | 'computing' | 'writing';

export type Computed = (
  /** evidence: "Säker kräver underlag" (issue 13), on or off, and the answers it affects (or would). */
  | {
      readonly model: 'leveled-points-v1';
      readonly catalog: Catalog;
      readonly result: ScoreResult;
      readonly evidence: EvidenceRule;
      /** Issue 13: what Handlingsplan estimates the path to cost, and the målgraf. */
      readonly actionPlan?: PathCostSummary;
      readonly goalGraph?: GoalGraph;
    }
  | { readonly model: 'stammer-mean-v1'; readonly catalog: StammerCatalog; readonly result: StammerResult }
) & {
  readonly kind: 'computed';
  /** The answers read (what "Exportera" exports). */
  readonly answers: AnswerSet;
  readonly progress: Progress;
  readonly issues: readonly LocatedIssue[];
  /** The sheets the plan wrote. */
  readonly written: readonly string[];
};

export type ExportFormat = 'json' | 'csv';

export type ComputeOutcome =
  | { readonly kind: 'foreign'; readonly issue: LocatedIssue }
  /** The write would drop charts, pictures or shapes the user put on the product's sheets: ask first. Nothing written. */
  | { readonly kind: 'confirm'; readonly dropped: readonly LocatedIssue[] }
  /** The workbook cannot take the write (a password, a protected structure, a taken name). Nothing written. */
  | { readonly kind: 'blocked'; readonly refusal: Refusal }
  | Computed;

export type InsertOutcome =
  | { readonly kind: 'inserted'; readonly state: WorkbookState }
  | { readonly kind: 'conflict'; readonly conflicting: readonly string[] }
  | { readonly kind: 'blocked'; readonly refusal: Refusal };

export interface ComputeOptions {
  /** The user confirmed dropping these objects (the 'user-object-dropped' issues of a 'confirm' outcome). */
  readonly allowDropped?: readonly LocatedIssue[];
  /**
   * The pane's switch (issue 13): "Säker kräver underlag" set to this on Start (Ja / Nej), written
   * together with the result computed with it. Undefined: as the workbook says.
   */
  readonly strictEvidence?: boolean;
}

/** Every effect the pane has; each rejects with a PaneError. */
export interface PaneActions {
  readonly mode: ExcelHost['mode'];
  inspect(): Promise<WorkbookState>;
  /** Inserts the questionnaire of this catalog (the default catalog when none is given). */
  insertQuestionnaire(catalogId?: string): Promise<InsertOutcome>;
  /**
   * One Excel.run: reads, computes everything, checks that the workbook can take it, and only then
   * writes; onStep reports the phase for the progress text.
   */
  compute(onStep?: (step: ComputeStep) => void, options?: ComputeOptions): Promise<ComputeOutcome>;
  select(sheet: string, cell: string): Promise<void>;
  /**
   * "Exportera" (issue 13): the computed result as a JSON or CSV file the browser downloads; nothing
   * is sent anywhere. Resolves with the file name; Infosäkkollen's model only.
   */
  exportResult(computed: Computed, format: ExportFormat): Promise<string>;
}

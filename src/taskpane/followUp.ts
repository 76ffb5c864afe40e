/**
 * Follow-up use cases of the task pane (issues 10 and 11) as data: saved measurements and their
 * comparison, a benchmark file to compare with, a chosen target. No adapter imports, so components
 * can depend on this file; followUpActions.ts implements it over an ExcelHost.
 */
import type { BenchmarkComparison } from '../core/benchmark/compare';
import type { BenchmarkFileProblem } from '../core/benchmark/file';
import type { GroupId } from '../core/benchmark/groups';
import type { Comparison } from '../core/compare/compare';
import type { TargetPath } from '../core/targets/target';
import type { LocatedIssue } from '../workbook/read';
import type { ParsedBenchmark, TargetProblem } from '../workbook/targetRequest';
import type { Refusal } from './model';

/** A row of Historik as the picker lists it; only one with `comparable` can be compared. */
export interface SavedView {
  readonly date: string;
  readonly catalog: string;
  readonly row: number;
  readonly level?: number;
  readonly totalPoints?: number;
  /** Scored in this workbook's catalog: it can be compared with the current answers. */
  readonly comparable: boolean;
}

/** What the follow-up panels need to know of the workbook, read in one run. */
export interface FollowUpState {
  readonly saved: readonly SavedView[];
  /** Rows of Historik that did not read (each names its cell). */
  readonly historyIssues: readonly LocatedIssue[];
  /** The target the workbook remembers on Nästa nivå ("nivå 3", "typkommun", "föreskrift"). */
  readonly target?: string;
  /** The group whose answers the Benchmark sheet keeps (a group target works without the file). */
  readonly rememberedGroup?: { readonly group: GroupId; readonly source: string; readonly date: string };
  readonly organisationType?: unknown;
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly date: string; readonly row: number; readonly replaced: boolean; readonly level: number; readonly totalPoints: number; readonly inputIssues: readonly LocatedIssue[] }
  /** A measurement of that date exists: the pane asks before replacing it. Nothing written. */
  | { readonly kind: 'confirm-replace'; readonly date: string }
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  | { readonly kind: 'blocked'; readonly refusal: Refusal };

export type CompareOutcome =
  | {
      readonly kind: 'compared';
      readonly comparison: Comparison;
      /** "Varför ändrades nivån?" worded (Swedish, as on the sheet). */
      readonly why: string;
      readonly fromDate: string;
      readonly written: readonly string[];
      readonly issues: readonly LocatedIssue[];
    }
  | { readonly kind: 'missing'; readonly date: string; readonly saved: readonly string[] }
  | { readonly kind: 'mismatch'; readonly from: string; readonly to: string }
  | { readonly kind: 'refused'; readonly issue: LocatedIssue }
  | { readonly kind: 'blocked'; readonly refusal: Refusal };

/** A benchmark file as read from disk: parsed and checked against its catalog. */
export type BenchmarkRead =
  | { readonly kind: 'ok'; readonly benchmark: ParsedBenchmark; readonly name: string }
  | { readonly kind: 'invalid'; readonly name: string; readonly problem: BenchmarkFileProblem | { readonly code: 'benchmark-file-json'; readonly params: { readonly message: string } } };

export interface ChoiceRequest {
  /** The target as text ("nästa", "nivå 3", "typkommun", "föreskrift"); undefined: the one the workbook remembers. */
  readonly target?: string;
  /** Compare with this benchmark file; `group` undefined: the organisation's own type group. */
  readonly benchmark?: { readonly file: ParsedBenchmark; readonly group?: string };
  /** The user confirmed dropping these objects. */
  readonly allowDropped?: readonly LocatedIssue[];
}

export type ChoiceOutcome =
  | {
      readonly kind: 'computed';
      readonly level: number;
      readonly totalPoints: number;
      readonly target?: { readonly path: TargetPath; readonly label: string; readonly text: string; readonly note?: string };
      readonly benchmark?: { readonly comparison: BenchmarkComparison; readonly source: string; readonly date: string; readonly insteadOf?: GroupId };
      readonly issues: readonly LocatedIssue[];
      readonly written: readonly string[];
    }
  | { readonly kind: 'problem'; readonly problem: TargetProblem }
  | { readonly kind: 'foreign'; readonly issue: LocatedIssue }
  | { readonly kind: 'confirm'; readonly dropped: readonly LocatedIssue[] }
  | { readonly kind: 'blocked'; readonly refusal: Refusal };

/** Every follow-up effect; each rejects with a PaneError. */
export interface FollowUpActions {
  read(): Promise<FollowUpState>;
  /** "Spara mätning" with today's date; `replace` once the user agreed to replace that date's row. */
  save(replace?: boolean): Promise<SaveOutcome>;
  /** "Jämför med tidigare mätning": the saved one of `date` → the current answers; writes Jämförelse. */
  compareWith(date: string): Promise<CompareOutcome>;
  /** Reads a benchmark file the user picked (nothing is fetched). */
  readBenchmark(file: Blob & { readonly name?: string }): Promise<BenchmarkRead>;
  /** Computes and writes the result with a target and/or a benchmark comparison (one Excel.run). */
  computeWith(request: ChoiceRequest): Promise<ChoiceOutcome>;
}

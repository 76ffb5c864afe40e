/** The corpus manifest: what each workbook is and what must happen to it. */
import type { AnswerSet } from '../../src/core/answers/types';
import type { Bases } from './bases';
import type { Tool } from './external';

/** A located input error the scoring must report (sheet and cell named). */
export interface LocatedError {
  readonly sheet: string;
  readonly cell?: string;
  readonly code?: string;
}

export type Outcome =
  /** Nothing can be scored: exit 2, one line on stderr naming the problem (and sheet/cell when given); the input stays as it was. */
  | {
      readonly expect: 'error';
      readonly exit: 2;
      /** A regular expression (source, case-insensitive) the line must match. */
      readonly message?: string;
      readonly sheet?: string;
      readonly cell?: string;
    }
  /** Scored with input errors: exit 3, each error located; the workbook is written and must keep everything of the user's. */
  | {
      readonly expect: 'error';
      readonly exit: 3;
      readonly level: number;
      readonly errors: readonly LocatedError[];
      readonly answers?: AnswerSet;
    }
  /** Read correctly: exit 0, the level, the answers as read, and everything of the user's intact. */
  | {
      readonly expect: 'ok';
      readonly level: number;
      readonly answers?: AnswerSet;
      /** The CLI must say in one line that something of the user's on this (product-owned) sheet is dropped. */
      readonly notice?: { readonly sheet: string; readonly pattern: string };
    };

export type Command =
  | { readonly kind: 'score-in-place' }
  /** `score <in> -o <output>`; `{dir}` is the case's temp folder. `prepare: 'mkdir'` makes the output a folder first. */
  | { readonly kind: 'score-output'; readonly output: string; readonly prepare?: 'mkdir' }
  /** `fill --answers <a.json> <in> -o <out>`, then five `score --in-place` on the result. */
  | { readonly kind: 'fill'; readonly answers: AnswerSet };

export interface CaseSpec {
  readonly id: string;
  /** passing · sheets · own-sheets · bad-file · crash · handlingsplan · fill · level-sheet · result-sheet-object */
  readonly group: string;
  readonly description: string;
  /** External tools the input is made with. */
  readonly requires?: readonly Tool[];
  /** Run the first command in a child process with a timeout and a memory cap (the case may hang or crash the process). */
  readonly isolate?: boolean;
  /** Time and memory of the first (child) run: `infosak` must stay below these. */
  readonly limits?: { readonly ms: number; readonly rssMb: number };
  readonly ext?: string;
  readonly command?: Command;
  /** Sheets of the input that carry a result sheet's name (any case) but are the user's own. */
  readonly userSheets?: readonly string[];
  /** Alternatives: the case passes when one of them holds. The first is the one the issue asks for. */
  readonly expect: readonly Outcome[];
  /** Text that must not appear in any output part (e.g. what an external entity would pull in). */
  readonly forbidden?: readonly string[];
  /** The Handlingsplan Gantt header must hold real dates near the day of the run (1904 workbooks). */
  readonly ganttDates?: boolean;
  readonly build: (bases: Bases) => Promise<Uint8Array>;
}

/** What manifest.json holds per case (the builder left out). */
export type ManifestEntry = Omit<CaseSpec, 'build'> & { readonly file: string };

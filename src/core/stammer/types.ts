/**
 * A catalog of the `stammer-mean-v1` model (ITSAK.md §4): statements self-assessed on one ordered
 * scale, an area value is the mean of its answered statements, the overall value the mean of the
 * area values, all in integer hundredths. Pure data after loading, no behaviour.
 */
import type { Area, Text } from '../catalog/types';

export const STAMMER_MODEL = 'stammer-mean-v1';

/** One step of the scale ("stämmer inte" = 1 … "stämmer helt" = 4). */
export interface ScaleStep {
  readonly id: string;
  readonly value: number;
  readonly text: Text;
}

/** Where a statement's wording comes from (ITSAK.md §1.2): T text read, M third-party mapping, K chapter only, 6 MSBFS 2020:6. */
export type Basis = 'T' | 'M' | 'K' | '6';

export interface RegulationRef {
  /** e.g. "MSBFS 2020:7"; the catalog's own regulation unless the data names another. */
  readonly regulation: string;
  /** e.g. "4 kap. 7 §" */
  readonly ref: string;
  readonly basis: Basis;
}

export interface Statement {
  readonly id: string;
  readonly area: string;
  readonly text: Text;
  readonly help?: Text;
  readonly msbfs: readonly RegulationRef[];
  /** The scale, in order (lowest value first). */
  readonly scale: readonly ScaleStep[];
}

/** A context question (never scored): one option may be ticked. */
export interface ContextQuestion {
  readonly id: string;
  readonly text: Text;
  readonly help?: Text;
  readonly options: readonly { readonly id: string; readonly text: Text }[];
}

export interface StammerArea extends Area {
  /** The questionnaire sheet of the area (at most 31 characters, as Excel allows). */
  readonly sheet: string;
}

export interface StammerLevel {
  readonly level: number;
  readonly name: Text;
  /** Where the name comes from (MSB2333, or the project's choice). */
  readonly source: string;
}

export interface StammerCatalog {
  readonly model: typeof STAMMER_MODEL;
  readonly id: string;
  readonly revision: number;
  readonly name: Text;
  /** "It-säkkollen": for sheet names and headings. */
  readonly shortName: Text;
  readonly source: string;
  readonly published: string;
  /** The regulation the statements follow, e.g. "MSBFS 2020:7". */
  readonly regulation: string;
  /** "Om katalogen": where the statements come from (the UI must say so, ITSAK.md §1.3). */
  readonly about: Text;
  /** Shown under every result, verbatim (ITSAK.md §4, "Footer"). */
  readonly footer: Text;
  /** Levels 1–4 in order. */
  readonly levels: readonly StammerLevel[];
  readonly areas: readonly StammerArea[];
  readonly statements: readonly Statement[];
  readonly context: readonly ContextQuestion[];
  statement(id: string): Statement | undefined;
  area(id: string): StammerArea | undefined;
  contextQuestion(id: string): ContextQuestion | undefined;
}

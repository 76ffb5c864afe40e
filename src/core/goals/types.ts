/**
 * Informationssäkerhetsmål as MSB's (now MCF's) guidance structures them (seed 000, MODEL.md
 * "Goals"): strategic goals for 3–5 years, short-term goals for 1–2 years written as SMART, and
 * annual goals that the action plan's activities carry out. Ids are the user's own ("S1", "K3",
 * "Å2"); they link the levels, so they are kept as typed and compared loosely (see goalKey).
 */

/** Effektmål: the effect the work should have; resultatmål: how the work itself is done (seed 000). */
export type StrategicKind = 'effektmål' | 'resultatmål';

/** Where a goal was read, so problems can point at it; absent for goals that come from elsewhere. */
interface Located {
  /** 1-based row on the goals sheet. */
  readonly row?: number;
}

export interface StrategicGoal extends Located {
  readonly id: string;
  readonly text: string;
  readonly kind?: StrategicKind;
  /** The year the goal should be reached. */
  readonly horizon?: number;
}

export interface ShortTermGoal extends Located {
  readonly id: string;
  readonly text: string;
  /** How it is measured (the M of SMART). */
  readonly indicator?: string;
  readonly targetValue?: string;
  readonly responsible?: string;
  /** YYYY-MM-DD: when it should be met (the T of SMART). */
  readonly date?: string;
  /**
   * Ids of the strategic goals it serves, as typed. Several are allowed: the guidance notes that
   * one short-term goal may serve several strategic goals and the other way round.
   */
  readonly serves?: readonly string[];
}

export interface AnnualGoal extends Located {
  readonly id: string;
  readonly text: string;
  readonly year?: number;
  /** Ids of the short-term goals it serves, as typed. */
  readonly serves?: readonly string[];
  /** A level to reach, in words: "nivå 3 i Infosäkkollen 2027". */
  readonly targetLevel?: string;
}

export interface Goals {
  readonly strategic: readonly StrategicGoal[];
  readonly shortTerm: readonly ShortTermGoal[];
  readonly annual: readonly AnnualGoal[];
}

/** An action-plan activity as the målgraf needs it (the workbook layer maps Handlingsplan rows to this). */
export interface GraphActivity {
  /** 1-based row on Handlingsplan. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** The annual goal ids the activity names, as typed, already split. */
  readonly goals: readonly string[];
  readonly status?: string;
}

export const NO_GOALS: Goals = { strategic: [], shortTerm: [], annual: [] };

/** How ids are compared: "å1 " is the goal "Å1". NFC, so an Å typed on a Mac matches. */
export function goalKey(id: string): string {
  return id.normalize('NFC').trim().toLowerCase();
}

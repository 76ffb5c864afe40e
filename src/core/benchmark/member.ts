/**
 * One organisation's scored answers, reduced to what benchmarks need (MODEL.md "Benchmarks").
 * Small on purpose: a thousand members are held at once, and a record crosses a worker boundary
 * as plain data. Its name and source are used to order and de-duplicate members only; nothing
 * built from a group ever carries them (anonymity).
 */
import type { Certainty, OrganisationType } from '../answers/types';
import type { ScoreResult } from '../scoring/score';

export interface MemberQuestion {
  /** 'error' counts as unanswered (MODEL.md): its ticks count for nothing. */
  readonly state: 'answered' | 'unanswered' | 'error';
  readonly selected: readonly string[];
  readonly points: number;
  readonly certainty: Certainty | null;
}

export interface MemberRecord {
  readonly catalog: string;
  readonly type: OrganisationType;
  /** Organisation name: the tie-breaker at the cut of "30 bästa"; never output. */
  readonly name: string;
  /** Where it came from (a file path): the last, deterministic tie-breaker; never output. */
  readonly source: string;
  readonly level: number;
  readonly totalPoints: number;
  readonly resultattal: number;
  /** Points per work area, in the catalog's area order. */
  readonly areaPoints: readonly number[];
  /** In catalog question order. */
  readonly questions: readonly MemberQuestion[];
  /** The member answered some question with an input error (that question counts as unanswered). */
  readonly hadInputErrors: boolean;
}

export function memberRecord(result: ScoreResult, type: OrganisationType, source: string): MemberRecord {
  return {
    catalog: result.catalog,
    type,
    name: typeof result.organisation.name === 'string' ? result.organisation.name : '',
    source,
    level: result.level,
    totalPoints: result.totalPoints,
    resultattal: result.resultattal,
    areaPoints: result.areas.map((a) => a.points),
    questions: result.questions.map((q) => ({
      state: q.inputError ? 'error' : q.answered ? 'answered' : 'unanswered',
      selected: q.answered ? q.selected : [],
      points: q.points,
      certainty: q.certainty,
    })),
    hadInputErrors: result.errors.length > 0,
  };
}

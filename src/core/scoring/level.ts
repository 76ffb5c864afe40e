import { pointsRequired, uncertainAllowed } from './thresholds';

/** What the level rules need to know about one question. */
export interface ScoredItem {
  readonly number: number;
  readonly level: number;
  readonly points: number;
  /** Answered and osäker (missing certainty counts as osäker). */
  readonly uncertain: boolean;
}

export interface LevelCheck {
  readonly level: number;
  /** Questions of level ≤ n (Fn). */
  readonly questionCount: number;
  readonly pointsRequired: number;
  readonly belowMinimum: readonly number[];
  readonly uncertain: number;
  /** null when certainty is not applied (area levels are indicative). */
  readonly uncertainAllowed: number | null;
  readonly minimumMet: boolean;
  readonly totalMet: boolean;
  readonly certaintyMet: boolean;
  /** This level's own rules hold (not counting lower levels). */
  readonly rulesMet: boolean;
  /** Reached: all lower levels reached too (levels are cumulative). */
  readonly reached: boolean;
}

/**
 * Checks levels 1…maxLevel over a set of questions: minimum per question, total points over all
 * the given questions, and (when shares are given) the osäker limit. Used for the whole
 * organisation and, without certainty, for each work area.
 */
export function checkLevels(
  items: readonly ScoredItem[],
  maxLevel: number,
  uncertainShare: readonly number[] | null,
): LevelCheck[] {
  const total = items.reduce((s, q) => s + q.points, 0);
  const checks: LevelCheck[] = [];
  let reachedSoFar = true;
  for (let n = 1; n <= maxLevel; n++) {
    const upTo = items.filter((q) => q.level <= n);
    const belowMinimum = upTo.filter((q) => q.points < n).map((q) => q.number);
    const required = pointsRequired(upTo.length, n);
    const uncertain = upTo.filter((q) => q.uncertain).length;
    const allowed = uncertainShare ? uncertainAllowed(upTo.length, uncertainShare[n - 1]) : null;
    const minimumMet = belowMinimum.length === 0;
    const totalMet = total >= required;
    const certaintyMet = allowed === null || uncertain <= allowed;
    const rulesMet = upTo.length > 0 && minimumMet && totalMet && certaintyMet;
    reachedSoFar = reachedSoFar && rulesMet;
    checks.push({
      level: n,
      questionCount: upTo.length,
      pointsRequired: required,
      belowMinimum,
      uncertain,
      uncertainAllowed: allowed,
      minimumMet,
      totalMet,
      certaintyMet,
      rulesMet,
      reached: reachedSoFar,
    });
  }
  return checks;
}

export function levelFrom(checks: readonly LevelCheck[]): number {
  return checks.filter((c) => c.reached).length;
}

import type { Question } from '../catalog/types';
import type { NormalizedAnswer } from '../answers/normalize';
import type { LevelCheck } from './level';

/** One question's part of the path to the next level: which boxes to tick. */
export interface PathStep {
  readonly number: number;
  readonly level: number;
  readonly area: string;
  /** 'belowMinimum': the question is under the next level's minimum; 'morePoints': extra points to reach Km. */
  readonly reason: 'belowMinimum' | 'morePoints';
  readonly fromPoints: number;
  readonly toPoints: number;
  /** Additional åtgärder this step takes. */
  readonly measures: number;
  /** Options to tick (aspects in catalog order, or the one band that gives toPoints). */
  readonly tick: readonly string[];
  /** Options to untick first: y/u/n, or the band(s) replaced by a higher one. */
  readonly untick: readonly string[];
  /** The current answer has an input error; it counts as unanswered until corrected. */
  readonly hasInputError: boolean;
}

export interface NextLevel {
  readonly level: number;
  readonly pointsRequired: number;
  readonly missingPoints: number;
  readonly belowMinimum: readonly { readonly number: number; readonly points: number; readonly required: number }[];
  readonly uncertainOverLimit: number;
  readonly cheapestAdditionalMeasures: number;
  readonly steps: readonly PathStep[];
}

export interface PathQuestion {
  readonly question: Question;
  readonly answer: NormalizedAnswer;
  readonly points: number;
  /** Points this question can reach at most. */
  readonly maxPoints: number;
}

/**
 * Target points per question that reach `level` with the fewest additional åtgärder.
 * Every additional åtgärd (a box, or a band step) adds at most one point, so the minimum is the
 * shortfall below the minimum plus the points still missing to Km. Breadth first: shortfalls
 * first, then one point at a time to the question with the fewest points (lowest level, then
 * number, on ties), so extra points spread instead of piling on one question.
 * Returns null when the level cannot be reached by adding åtgärder.
 */
export function cheapestTargets(items: readonly PathQuestion[], level: number, pointsRequired: number): number[] | null {
  const targets = items.map((it) => (it.question.level <= level ? Math.max(it.points, level) : it.points));
  if (items.some((it, i) => targets[i] > it.maxPoints)) return null;
  let total = targets.reduce((s, t) => s + t, 0);
  while (total < pointsRequired) {
    let best = -1;
    for (let i = 0; i < items.length; i++) {
      if (targets[i] >= items[i].maxPoints) continue;
      if (
        best < 0 ||
        targets[i] < targets[best] ||
        (targets[i] === targets[best] && items[i].question.level < items[best].question.level)
      )
        best = i;
    }
    if (best < 0) return null;
    targets[best]++;
    total++;
  }
  return targets;
}

/** Additional åtgärder to raise a question from its current points to `target`: one per point. */
export function measuresToReach(item: PathQuestion, target: number): number {
  return Math.max(0, target - item.points);
}

/**
 * The boxes that raise a question from `points` to `target`: aspects not yet ticked in catalog
 * order, or the one band worth `target`; y/u/n and replaced bands to untick first.
 * `selected` is the question's valid ticks (empty for an unanswered or erroneous answer).
 */
export function boxesToReach(
  question: Question,
  selected: readonly string[],
  points: number,
  target: number,
): { tick: string[]; untick: string[] } {
  const exclusive: string[] = selected.filter((id) => id === 'y' || id === 'u' || id === 'n');
  if (question.scoring === 'band') {
    const band = question.options.find((o) => o.kind === 'band' && o.points === target);
    const replaced = selected.filter((id) => id !== band?.id && !exclusive.includes(id));
    return { tick: band && !selected.includes(band.id) ? [band.id] : [], untick: [...exclusive, ...replaced] };
  }
  const free = question.options.filter((o) => o.kind === 'aspect' && !selected.includes(o.id)).map((o) => o.id);
  return { tick: free.slice(0, target - points), untick: exclusive };
}

export function computeNextLevel(
  items: readonly PathQuestion[],
  checks: readonly LevelCheck[],
  level: number,
  totalPoints: number,
): NextLevel | null {
  const m = level + 1;
  const check = checks.find((c) => c.level === m);
  if (!check) return null;
  const targets = cheapestTargets(items, m, check.pointsRequired);
  const steps: PathStep[] = [];
  let cheapest = 0;
  if (targets) {
    items.forEach((it, i) => {
      const measures = measuresToReach(it, targets[i]);
      if (measures === 0) return;
      cheapest += measures;
      const below = it.question.level <= m && it.points < m;
      steps.push({
        number: it.question.number,
        level: it.question.level,
        area: it.question.area,
        reason: below ? 'belowMinimum' : 'morePoints',
        fromPoints: it.points,
        toPoints: targets[i],
        measures,
        ...boxesToReach(it.question, it.answer.state === 'answered' ? it.answer.selected : [], it.points, targets[i]),
        hasInputError: it.answer.state === 'error',
      });
    });
  }
  // Shortfalls first (breadth before depth), each group by level then question number.
  const rank = (s: PathStep) => (s.reason === 'belowMinimum' ? 0 : 1);
  steps.sort((a, b) => rank(a) - rank(b) || a.level - b.level || a.number - b.number);
  return {
    level: m,
    pointsRequired: check.pointsRequired,
    missingPoints: Math.max(0, check.pointsRequired - totalPoints),
    belowMinimum: items
      .filter((it) => it.question.level <= m && it.points < m)
      .map((it) => ({ number: it.question.number, points: it.points, required: m })),
    uncertainOverLimit: check.uncertainAllowed === null ? 0 : Math.max(0, check.uncertain - check.uncertainAllowed),
    cheapestAdditionalMeasures: cheapest,
    steps,
  };
}

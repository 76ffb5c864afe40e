import type { Question } from '../catalog/types';
import type { NormalizedAnswer } from '../answers/normalize';

export interface QuestionScore {
  readonly points: number;
  /** Åtgärder: ticked aspect boxes (all of them, even past the cap), or the band's points. */
  readonly measures: number;
}

/**
 * Points and åtgärder of one validated answer (MODEL.md "Answer options and points").
 * Aspects: one point each, capped; adjacent bands: the lowest ticked band; y/u/n: 0.
 */
export function scoreQuestion(question: Question, answer: NormalizedAnswer, cap: number): QuestionScore {
  if (answer.state !== 'answered') return { points: 0, measures: 0 };
  const ticked = question.options.filter((o) => answer.selected.includes(o.id));
  if (question.scoring === 'aspect') {
    const aspects = ticked.filter((o) => o.kind === 'aspect').length;
    return { points: Math.min(cap, aspects), measures: aspects };
  }
  const bands = ticked.filter((o) => o.kind === 'band').map((o) => o.points);
  const points = bands.length ? Math.min(...bands) : 0;
  return { points, measures: points };
}

/** The most åtgärder a question offers: its aspect boxes, or the top band's points. */
export function possibleMeasures(question: Question): number {
  if (question.scoring === 'aspect') return question.options.filter((o) => o.kind === 'aspect').length;
  return Math.max(...question.options.filter((o) => o.kind === 'band').map((o) => o.points));
}

/** The most points a question can give. */
export function maxPoints(question: Question, cap: number): number {
  return Math.min(cap, possibleMeasures(question));
}

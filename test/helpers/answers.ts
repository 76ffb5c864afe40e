import type { AnswerEntry, AnswerSet } from '../../src/core/answers/types';
import type { Catalog, Question } from '../../src/core/catalog/types';
import { BAND_FOR_POINTS } from './spec';

/** How a question with 0 points is given: tick n (or y / u when the question has it) or leave it out. */
export type ZeroMode = 'n' | 'y' | 'u' | 'unanswered';

export interface BuildOptions {
  /** Certainty per question number; undefined = leave the field out. Default 'säker'. */
  readonly certainty?: (q: number) => string | undefined;
  /** Default 'n'. A per-question function is allowed. */
  readonly zero?: ZeroMode | ((q: number) => ZeroMode);
  /** Give every answer an evidence reference (avoids the säker-without-evidence warning). Default true. */
  readonly evidence?: boolean;
  /** For band questions: also tick the band above (an adjacent pair; the lowest scores). */
  readonly widenBand?: (q: number) => boolean;
  readonly organisation?: AnswerSet['organisation'];
}

/** The ticks that give `points` points on `question` (MODEL.md): first p aspects, or the band worth p. */
export function ticksFor(question: Question, points: number, zero: ZeroMode = 'n', widen = false): string[] | undefined {
  if (points === 0) {
    if (zero === 'unanswered') return undefined;
    const has = (id: string) => question.options.some((o) => o.id === id);
    if (has(zero)) return [zero];
    return ['n'];
  }
  const scoring = question.options.filter((o) => o.kind === 'aspect' || o.kind === 'band');
  if (scoring[0].kind === 'aspect') {
    if (points > scoring.length) throw new Error(`Q${question.number} has only ${scoring.length} aspects`);
    return scoring.slice(0, points).map((o) => o.id);
  }
  const letter = BAND_FOR_POINTS[points];
  if (!letter || !scoring.some((o) => o.id === letter)) throw new Error(`Q${question.number}: no band for ${points} p`);
  if (widen && points < 5) return [BAND_FOR_POINTS[points + 1], letter];
  return [letter];
}

/** An answer set that gives question i+1 the points points[i] (or points[q] from a record). */
export function answersFromPoints(
  catalog: Catalog,
  points: readonly number[] | Readonly<Record<number, number>>,
  options: BuildOptions = {},
): AnswerSet {
  const pointOf = (q: number) => (Array.isArray(points) ? points[q - 1] : (points as Record<number, number>)[q]) ?? 0;
  const answers: Record<string, AnswerEntry> = {};
  for (const question of catalog.questions) {
    const q = question.number;
    const zero = typeof options.zero === 'function' ? options.zero(q) : (options.zero ?? 'n');
    const selected = ticksFor(question, pointOf(q), zero, options.widenBand?.(q) ?? false);
    if (!selected) continue;
    const entry: AnswerEntry = { selected };
    const certainty = options.certainty ? options.certainty(q) : 'säker';
    if (certainty !== undefined) entry.certainty = certainty;
    if (options.evidence ?? true) entry.evidence = `underlag-${q}`;
    answers[String(q)] = entry;
  }
  return { catalog: catalog.id, organisation: options.organisation, answers };
}

/** 40 points, all equal to p. */
export function uniform(p: number, count = 40): number[] {
  return Array.from({ length: count }, () => p);
}

/** A copy of `base` with the given questions set. */
export function withPoints(base: readonly number[], changes: Readonly<Record<number, number>>): number[] {
  const out = [...base];
  for (const [q, p] of Object.entries(changes)) out[Number(q) - 1] = p;
  return out;
}

/** Applies a next-level step to a raw answer entry: untick first, then tick (MODEL.md "cheapest path"). */
export function applyStep(entry: AnswerEntry | undefined, untick: readonly string[], tick: readonly string[]): AnswerEntry {
  const base = entry ?? { selected: [], certainty: 'säker', evidence: 'x' };
  const kept = base.selected.filter((id) => !untick.includes(id));
  return { ...base, selected: [...kept, ...tick.filter((id) => !kept.includes(id))] };
}

import type { Catalog } from '../catalog/types';
import { normalizeAnswers } from '../answers/normalize';
import type { AnswerSet } from '../answers/types';

export interface ProgressGroup {
  readonly key: string;
  readonly answered: number;
  readonly total: number;
}

export interface Progress {
  readonly answered: number;
  readonly total: number;
  readonly byLevel: readonly ProgressGroup[];
  readonly byArea: readonly ProgressGroup[];
  /** Question numbers that are answered (valid answers only). */
  readonly answeredQuestions: readonly number[];
}

/** How far the form is filled in: valid answers per level and per work area. */
export function progressOf(catalog: Catalog, set: AnswerSet): Progress {
  const { byNumber } = normalizeAnswers(catalog, set);
  const done = catalog.questions.filter((q) => byNumber.get(q.number)?.state === 'answered');
  const group = (key: string, pick: (q: (typeof catalog.questions)[number]) => boolean): ProgressGroup => ({
    key,
    answered: done.filter(pick).length,
    total: catalog.questions.filter(pick).length,
  });
  const levels = [...new Set(catalog.questions.map((q) => q.level))];
  return {
    answered: done.length,
    total: catalog.questions.length,
    byLevel: levels.map((l) => group(String(l), (q) => q.level === l)),
    byArea: catalog.areas.map((a) => group(a.id, (q) => q.area === a.id)),
    answeredQuestions: done.map((q) => q.number),
  };
}

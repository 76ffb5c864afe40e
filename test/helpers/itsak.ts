/**
 * It-säkkollen answer sets written the way ITSAK.md §7 writes its examples: answers per area in id
 * order, a number 1–4 or null ("–", unanswered).
 */
import type { AnswerSet } from '../../src/core/answers/types';
import { findStammerCatalog } from '../../src/core/stammer/registry';
import type { StammerCatalog } from '../../src/core/stammer/types';

export const ITSAK_ID = 'itsakkollen-2023-msbfs2020-7-v1';
export const itsak = (): StammerCatalog => findStammerCatalog(ITSAK_ID)!;

/** Area sizes from ITSAK.md §2, in catalog order. */
export const ITSAK_AREAS: readonly [string, number][] = [
  ['FS', 6],
  ['NS', 6],
  ['BA', 5],
  ['KR', 4],
  ['KT', 5],
  ['LO', 6],
  ['SU', 4],
  ['RE', 5],
];

export type Row = readonly (number | null)[];

/** Statement ids S01…S41 in order. */
export const statementIds = (): string[] => Array.from({ length: 41 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);

/** `perArea` gives an area's answers in id order; missing areas take `rest` (a value for every statement, or null). */
export function itsakAnswers(perArea: Partial<Record<string, Row>>, rest: number | null = null, extra: Record<string, unknown> = {}): AnswerSet {
  const answers: Record<string, unknown> = {};
  let n = 1;
  for (const [area, size] of ITSAK_AREAS) {
    const row = perArea[area] ?? new Array(size).fill(rest);
    if (row.length !== size) throw new Error(`${area} has ${size} statements, got ${row.length}`);
    for (const v of row) {
      const id = `S${String(n++).padStart(2, '0')}`;
      if (v !== null) answers[id] = { selected: [`s${v}`] };
    }
  }
  return { catalog: ITSAK_ID, answers: { ...answers, ...extra } as AnswerSet['answers'] };
}

/** Every statement the same value. */
export const all = (v: number | null): AnswerSet => itsakAnswers({}, v);

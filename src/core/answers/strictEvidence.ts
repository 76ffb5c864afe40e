/**
 * "Säker kräver underlag" (issue 13): an option, off by default, that scores a säker answer
 * without underlag (evidence) as osäker. The answers themselves are never changed; only what is
 * scored. The answers affected are exactly those the `certain-without-evidence` warning names.
 */
import type { Catalog } from '../catalog/types';
import { score, scoreNormalized, type ScoreResult } from '../scoring/score';
import { normalizeAnswers, type NormalizedAnswers } from './normalize';
import type { AnswerEntry, AnswerSet, InputIssue } from './types';

const WARNING = 'certain-without-evidence';

/** What the option did (strict) or would do (not strict). */
export interface EvidenceRule {
  readonly strict: boolean;
  /** Question numbers, ascending, of the säker answers without underlag. */
  readonly affected: readonly number[];
}

/**
 * The answers with every säker answer that has no underlag (empty or only whitespace) made
 * osäker; everything else unchanged, the input not mutated (the same object when nothing
 * changes). The catalog decides what counts as an answer: an unanswered question or one with an
 * input error has no certainty (MODEL.md), so it is never affected.
 */
export function requireEvidence(catalog: Catalog, set: AnswerSet): { answers: AnswerSet; affected: number[] } {
  const { answers, affected } = evidenceRequired(catalog, set);
  return { answers, affected };
}

/** requireEvidence, with normalizeAnswers' result for `set` (what score() would compute again for it). */
function evidenceRequired(catalog: Catalog, set: AnswerSet): { answers: AnswerSet; affected: number[]; normalized: NormalizedAnswers } {
  const normalized = normalizeAnswers(catalog, set);
  const affected = normalized.warnings
    .filter((w) => w.code === WARNING)
    .map((w) => Number(w.question))
    .sort((a, b) => a - b);
  if (affected.length === 0) return { answers: set, affected, normalized };
  const answers: Record<string, AnswerEntry> = { ...set.answers };
  for (const q of affected) answers[String(q)] = { ...answers[String(q)], certainty: 'osäker' };
  return { answers: { ...set, answers }, affected, normalized };
}

/**
 * Scores the answers with the option on or off. On, the affected answers count as osäker, and
 * their warning stays in the result (the answer still says säker without underlag): the warnings
 * are the same whichever way the option is set.
 */
export function scoreWithEvidenceRule(catalog: Catalog, set: AnswerSet, strict: boolean): { result: ScoreResult; evidence: EvidenceRule } {
  const required = evidenceRequired(catalog, set);
  // The set as given is scored from the normalization made above, not normalized a second time.
  if (!strict) return { result: scoreNormalized(catalog, set, required.normalized), evidence: { strict, affected: required.affected } };
  const result = required.answers === set ? scoreNormalized(catalog, set, required.normalized) : score(catalog, required.answers);
  const kept: InputIssue[] = required.affected.map((question) => ({ code: WARNING, question }));
  // Sorted by question as normalizeAnswers sorts them (stable: validation warnings stay last).
  const warnings = [...result.warnings, ...kept].sort((a, b) => questionKey(a) - questionKey(b));
  return { result: { ...result, warnings }, evidence: { strict, affected: required.affected } };
}

const questionKey = (i: InputIssue): number => (typeof i.question === 'number' ? i.question : Infinity);

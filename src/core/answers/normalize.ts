import type { Catalog, Question } from '../catalog/types';
import type { AnswerSet, Certainty, InputIssue } from './types';

/** One question's answer after validation: what scoring works from. */
export interface NormalizedAnswer {
  readonly number: number;
  /** 'error': the answer had an input error and counts as unanswered. */
  readonly state: 'unanswered' | 'answered' | 'error';
  /** Valid option ids in catalog order; empty unless answered. */
  readonly selected: readonly string[];
  /** Only for answered questions; a missing certainty counts as osäker. */
  readonly certainty: Certainty | null;
}

export interface NormalizedAnswers {
  readonly byNumber: ReadonlyMap<number, NormalizedAnswer>;
  readonly errors: readonly InputIssue[];
  readonly warnings: readonly InputIssue[];
}

const EXCLUSIVE = new Set(['y', 'u', 'n']);

function normalizeText(s: string): string {
  return s.normalize('NFC').trim().toLowerCase();
}

/** 'säker' / 'osäker' after trimming, ignoring case, Unicode NFC (MODEL.md); undefined when empty. */
export function parseCertainty(raw: unknown): Certainty | undefined | 'invalid' {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') return 'invalid';
  const t = normalizeText(raw);
  if (t === '') return undefined;
  if (t === 'säker' || t === 'osäker') return t;
  return 'invalid';
}

/** Checks one question's ticks against the catalog; returns the errors (empty = valid). */
export function checkSelection(question: Question, selected: readonly string[]): InputIssue[] {
  const q = question.number;
  const errors: InputIssue[] = [];
  const known = new Map(question.options.map((o) => [o.id, o]));
  for (const id of selected) {
    if (!known.has(id)) errors.push({ code: 'unknown-option', question: q, option: id, params: { valid: [...known.keys()].join(', ') } });
  }
  if (errors.length) return errors;
  const exclusive = selected.filter((id) => EXCLUSIVE.has(id));
  const scoring = selected.filter((id) => !EXCLUSIVE.has(id));
  if (exclusive.length > 1) {
    errors.push({ code: 'several-exclusive', question: q, option: exclusive[1], params: { options: exclusive.join(', ') } });
  } else if (exclusive.length === 1 && scoring.length > 0) {
    errors.push({ code: 'exclusive-with-scoring', question: q, option: exclusive[0], params: { options: scoring.join(', ') } });
  }
  if (question.scoring === 'band' && scoring.length > 1) {
    const bandIndex = question.options.filter((o) => o.kind === 'band').map((o) => o.id);
    const positions = scoring.map((id) => bandIndex.indexOf(id)).sort((a, b) => a - b);
    const gap = positions.findIndex((p, i) => i > 0 && p !== positions[i - 1] + 1);
    if (gap > 0) {
      errors.push({
        code: 'non-adjacent-bands',
        question: q,
        option: bandIndex[positions[gap]],
        params: { options: positions.map((p) => bandIndex[p]).join(', ') },
      });
    }
  }
  return errors;
}

/**
 * Validates an answer set against the catalog. A question with an input error counts as
 * unanswered; nothing is silently "fixed" (MODEL.md).
 */
export function normalizeAnswers(catalog: Catalog, set: AnswerSet): NormalizedAnswers {
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const byNumber = new Map<number, NormalizedAnswer>();
  const answers: Record<string, unknown> =
    set.answers && typeof set.answers === 'object' && !Array.isArray(set.answers) ? set.answers : {};

  for (const [key, raw] of Object.entries(answers)) {
    // Canonical numbers only: "01" beside "1" would otherwise silently replace one answer with another.
    const number = /^[1-9]\d*$/.test(key) ? Number(key) : NaN;
    const question = catalog.question(number);
    if (!question) {
      errors.push({ code: 'unknown-question', question: key });
      continue;
    }
    const fail = (issues: InputIssue[]) => {
      errors.push(...issues);
      byNumber.set(number, { number, state: 'error', selected: [], certainty: null });
    };
    const entry = raw as Record<string, unknown> | null;
    if (
      !entry ||
      typeof entry !== 'object' ||
      Array.isArray(entry) ||
      !Array.isArray(entry.selected) ||
      entry.selected.some((s) => typeof s !== 'string') ||
      (entry.comment !== undefined && entry.comment !== null && typeof entry.comment !== 'string') ||
      (entry.evidence !== undefined && entry.evidence !== null && typeof entry.evidence !== 'string')
    ) {
      fail([{ code: 'bad-shape', question: number }]);
      continue;
    }
    // The same option twice is harmless (MODEL.md): counted once.
    const ids = [...new Set((entry.selected as string[]).map(normalizeText))].filter((s) => s !== '');
    if (ids.length === 0) {
      if (parseCertainty(entry.certainty) === 'invalid') {
        fail([{ code: 'bad-certainty', question: number, params: { value: String(entry.certainty) } }]);
        continue;
      }
      byNumber.set(number, { number, state: 'unanswered', selected: [], certainty: null });
      continue;
    }
    const selectionErrors = checkSelection(question, ids);
    const certainty = parseCertainty(entry.certainty);
    if (certainty === 'invalid') {
      selectionErrors.push({ code: 'bad-certainty', question: number, params: { value: String(entry.certainty) } });
    }
    if (selectionErrors.length) {
      fail(selectionErrors);
      continue;
    }
    const order = question.options.map((o) => o.id);
    const selected = ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    if (certainty === undefined) warnings.push({ code: 'missing-certainty', question: number });
    const evidence = typeof entry.evidence === 'string' ? entry.evidence.trim() : '';
    if (certainty === 'säker' && evidence === '') warnings.push({ code: 'certain-without-evidence', question: number });
    byNumber.set(number, { number, state: 'answered', selected, certainty: certainty === 'säker' ? 'säker' : 'osäker' });
  }

  for (const q of catalog.questions) {
    if (!byNumber.has(q.number)) byNumber.set(q.number, { number: q.number, state: 'unanswered', selected: [], certainty: null });
  }

  checkValidationAnswers(catalog, set.validation, warnings);
  errors.sort(byQuestion);
  warnings.sort(byQuestion);
  return { byNumber, errors, warnings };
}

function byQuestion(a: InputIssue, b: InputIssue): number {
  const qa = typeof a.question === 'number' ? a.question : Infinity;
  const qb = typeof b.question === 'number' ? b.question : Infinity;
  return qa - qb;
}

/** Validation questions never change the level; problems with them are warnings. */
function checkValidationAnswers(catalog: Catalog, validation: unknown, warnings: InputIssue[]): void {
  if (!validation || typeof validation !== 'object') return;
  const known = new Set(catalog.validationQuestions.map((v) => v.id));
  const values = validation as Record<string, unknown>;
  for (const [id, value] of Object.entries(values)) {
    if (!known.has(id)) warnings.push({ code: 'unknown-validation-question', question: id });
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      warnings.push({ code: 'bad-validation-value', question: id, params: { value: String(value) } });
  }
  const v1 = values.V1;
  const v2 = values.V2;
  if (typeof v1 === 'number' && typeof v2 === 'number' && v2 > v1)
    warnings.push({ code: 'validation-share-over-total', question: 'V2', params: { part: v2, total: v1 } });
  const v3 = values.V3;
  const v3b = values.V3b;
  if (typeof v3 === 'number' && typeof v3b === 'number' && v3b > v3)
    warnings.push({ code: 'validation-share-over-total', question: 'V3b', params: { part: v3b, total: v3 } });
}

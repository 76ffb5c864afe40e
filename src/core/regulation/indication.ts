import type { Catalog } from '../catalog/types';
import type { ScoreResult } from '../scoring/score';
import type { ParagraphSpec, RegulationSpec } from './schema';

export type ParagraphStatus = 'notAssessable' | 'met' | 'partial' | 'notMet';

export interface Stop {
  readonly q: number;
  readonly points: number;
  readonly min: number;
  readonly answered: boolean;
}

/** An anmärkning or tips, as data; worded in i18n. */
export type RegulationNote =
  | { readonly kind: 'F' | 'AR'; readonly questions: readonly number[]; readonly option: string; readonly arb: boolean }
  | { readonly kind: 'coverage'; readonly q: number; readonly points: number; readonly scope: string }
  | { readonly kind: 'documentation'; readonly q: number };

export interface ParagraphResult {
  readonly id: string;
  readonly rubrik: string;
  readonly status: ParagraphStatus;
  /** notMet with at least one blocking question at ≥ 1 p: "ej uppfylld (påbörjat)". */
  readonly started: boolean;
  readonly uncertain: boolean;
  readonly unassessedPoints: readonly string[];
  readonly stops: readonly Stop[];
  readonly remarks: readonly RegulationNote[];
  readonly tips: readonly RegulationNote[];
  readonly supporting: readonly number[];
  readonly indicators: readonly string[];
  readonly blocking: readonly number[];
  readonly confidence: 'high' | 'medium' | 'low' | null;
  readonly note: string;
}

export interface RegulationResult {
  readonly regulation: string;
  readonly designation: string;
  readonly strict: boolean;
  /** Layer 1 (MSB): overall level ≥ 3. */
  readonly indicated: boolean;
  /** What stops layer 1: the level-3 rules' shortfalls. */
  readonly overall: {
    readonly belowMinimum: readonly number[];
    readonly missingPoints: number;
    readonly uncertainOverLimit: number;
    readonly unanswered: readonly number[];
  };
  /** Layer 2: areas at indicative level ≥ 3. */
  readonly areasIndicated: readonly string[];
  readonly paragraphs: readonly ParagraphResult[];
  readonly counts: { readonly assessable: number; readonly met: number; readonly partial: number; readonly notMet: number };
}

const ARB_QUESTIONS = [4, 5, 6, 7, 8, 9, 11];

function blockersOf(p: ParagraphSpec): number[] {
  return p.blocking.map((b) => b.q);
}

/** Indication against a regulation (REGULATION.md §2–3). Never a compliance decision. */
export function indicateRegulation(
  catalog: Catalog,
  result: ScoreResult,
  spec: RegulationSpec,
  options: { strict?: boolean } = {},
): RegulationResult {
  const strict = options.strict ?? false;
  const q = (n: number) => result.questions[n - 1];
  const usable = (n: number) => q(n).answered && !q(n).inputError;
  const arbQuestions = new Set(ARB_QUESTIONS.filter((n) => catalog.question(n)?.options.length));

  const paragraphs: ParagraphResult[] = spec.paragraphs.map((p) => {
    const stops: Stop[] = p.blocking
      .filter((b) => q(b.q).points < b.min)
      .map((b) => ({ q: b.q, points: q(b.q).points, min: b.min, answered: q(b.q).answered }));
    const anyAnswered = p.blocking.some((b) => q(b.q).answered);
    const reaching = p.blocking.filter((b) => q(b.q).points >= b.min);

    const missing = (kind: 'F' | 'AR') => {
      const notes: RegulationNote[] = [];
      const arbByLetter = new Map<string, number[]>();
      for (const c of p.textChecks) {
        if (c.kind !== kind || !usable(c.q) || q(c.q).selected.includes(c.option)) continue;
        if (arbQuestions.has(c.q)) arbByLetter.set(c.option, [...(arbByLetter.get(c.option) ?? []), c.q]);
        else notes.push({ kind, questions: [c.q], option: c.option, arb: false });
      }
      for (const [option, qs] of arbByLetter) notes.push({ kind, questions: qs, option, arb: true });
      return notes;
    };
    const remarks: RegulationNote[] = [...missing('F')];
    const tips = missing('AR');
    for (const c of p.coverage) {
      const pts = q(c.q).points;
      if (usable(c.q) && pts >= 1 && pts <= 4) remarks.push({ kind: 'coverage', q: c.q, points: pts, scope: c.scope });
    }
    if (p.documentation) {
      for (const b of p.blocking) if (usable(b.q) && q(b.q).certainty === 'osäker') remarks.push({ kind: 'documentation', q: b.q });
    }

    let status: ParagraphStatus;
    if (!p.assessable || !anyAnswered) status = 'notAssessable';
    else if (stops.length === 0) status = 'met';
    else if (reaching.length > 0) status = 'partial';
    else status = 'notMet';
    if (strict && status === 'met' && remarks.some((r) => r.kind === 'F')) status = 'partial';

    return {
      id: p.id,
      rubrik: p.rubrik,
      status,
      started: status === 'notMet' && p.blocking.some((b) => q(b.q).points >= 1),
      uncertain: reaching.some((b) => q(b.q).certainty === 'osäker'),
      unassessedPoints: p.unassessedPoints,
      stops,
      remarks,
      tips,
      supporting: p.supporting,
      indicators: p.indicators,
      blocking: blockersOf(p),
      confidence: p.confidence,
      note: p.note,
    };
  });

  const level3 = result.levelChecks.find((c) => c.level === 3);
  const regulated = [...new Set(spec.paragraphs.flatMap(blockersOf))].sort((a, b) => a - b);
  const assessable = paragraphs.filter((p) => spec.paragraphs.find((s) => s.id === p.id)!.assessable);
  return {
    regulation: spec.regulation,
    designation: spec.designation,
    strict,
    indicated: result.level >= 3,
    overall: {
      belowMinimum: regulated.filter((n) => q(n).points < 3),
      missingPoints: level3 ? Math.max(0, level3.pointsRequired - result.totalPoints) : 0,
      uncertainOverLimit:
        level3 && level3.uncertainAllowed !== null ? Math.max(0, level3.uncertain - level3.uncertainAllowed) : 0,
      unanswered: regulated.filter((n) => !q(n).answered),
    },
    areasIndicated: result.areas.filter((a) => a.level >= 3).map((a) => a.id),
    paragraphs,
    counts: {
      assessable: assessable.length,
      met: paragraphs.filter((p) => p.status === 'met').length,
      partial: paragraphs.filter((p) => p.status === 'partial').length,
      notMet: paragraphs.filter((p) => p.status === 'notMet').length,
    },
  };
}

/** Paragraph ids that a question blocks, e.g. for tagging action-plan activities ("MSBFS 2020:6 6 §, 13 §"). */
export function paragraphsBlockedBy(spec: RegulationSpec, question: number): string[] {
  return spec.paragraphs.filter((p) => p.blocking.some((b) => b.q === question)).map((p) => p.id);
}

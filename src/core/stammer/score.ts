import type { Text } from '../catalog/types';
import type { AnswerSet, Organisation } from '../answers/types';
import { levelOf, rnd } from './rounding';
import type { StammerCatalog, Statement } from './types';

/** Input errors of the model (ITSAK.md §6), as data: worded in i18n at the edge (STYLE 5). */
export type StammerIssueCode = 'multiple-steps' | 'unknown-option' | 'unknown-statement' | 'wrong-shape' | 'multiple-options';

export interface StammerIssue {
  readonly code: StammerIssueCode;
  /** The statement or context question ("S01", "K1"), or the unknown answer key as given. */
  readonly statement: string;
  readonly option?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type AnswerState = 'answered' | 'unanswered' | 'error';

export interface StatementResult {
  readonly id: string;
  readonly area: string;
  /** 1 (stämmer inte) … 4 (stämmer helt); null when unanswered or erroneous. */
  readonly value: number | null;
  /** The step's option id ("s3"), or null. */
  readonly selected: string | null;
  readonly state: AnswerState;
  /** Kept, never scored. */
  readonly comment?: string;
}

export interface StammerAreaResult {
  readonly id: string;
  readonly name: Text;
  /** The mean of the answered statements in hundredths; null when none is answered ("–"). */
  readonly valueHundredths: number | null;
  readonly level: number | null;
  readonly answered: number;
  readonly total: number;
}

export interface ContextResult {
  readonly id: string;
  /** The ticked option, or null (unanswered, or more than one ticked: then an error). */
  readonly selected: string | null;
  readonly state: AnswerState;
  readonly comment?: string;
}

export interface StammerResult {
  readonly model: 'stammer-mean-v1';
  readonly catalog: string;
  readonly catalogRevision: number;
  readonly organisation: Organisation;
  /** Mean of the area values that exist, in hundredths; null when no statement is answered. */
  readonly valueHundredths: number | null;
  readonly level: number | null;
  readonly levelName: Text | null;
  readonly answered: number;
  readonly total: number;
  readonly areasWithValue: number;
  /** Catalog order. */
  readonly areas: readonly StammerAreaResult[];
  /** Catalog order. */
  readonly statements: readonly StatementResult[];
  /** Statements answered in the lower half of the scale (stämmer inte, knappt): by value, then id. */
  readonly actionList: readonly string[];
  /** Statements without an answer (errors not included: they are listed under errors). */
  readonly unanswered: readonly string[];
  readonly context: readonly ContextResult[];
  readonly errors: readonly StammerIssue[];
  readonly warnings: readonly StammerIssue[];
}

const norm = (s: string): string => s.normalize('NFC').trim().toLowerCase();

type Checked =
  | { readonly kind: 'unanswered'; readonly comment?: string }
  | { readonly kind: 'answered'; readonly ids: readonly string[]; readonly comment?: string }
  | { readonly kind: 'error' };

/** Shape and option ids of one answer; the same id twice is harmless (counted once). */
function check(key: string, raw: unknown, valid: readonly string[], errors: StammerIssue[]): Checked {
  const entry = raw as Record<string, unknown> | null;
  if (
    !entry ||
    typeof entry !== 'object' ||
    Array.isArray(entry) ||
    !Array.isArray(entry.selected) ||
    entry.selected.some((s) => typeof s !== 'string') ||
    (entry.comment !== undefined && entry.comment !== null && typeof entry.comment !== 'string')
  ) {
    errors.push({ code: 'wrong-shape', statement: key });
    return { kind: 'error' };
  }
  const comment = typeof entry.comment === 'string' && entry.comment.trim() ? entry.comment : undefined;
  const ids = [...new Set((entry.selected as string[]).map(norm))].filter((s) => s !== '');
  const unknown = ids.filter((id) => !valid.includes(id));
  for (const id of unknown) errors.push({ code: 'unknown-option', statement: key, option: id, params: { value: id, valid: valid.join(', ') } });
  if (unknown.length) return { kind: 'error' };
  if (!ids.length) return { kind: 'unanswered', comment };
  return { kind: 'answered', ids: [...ids].sort((a, b) => valid.indexOf(a) - valid.indexOf(b)), comment };
}

/** The mean of values in hundredths (ITSAK.md §4), or null for none. */
function meanHundredths(values: readonly number[]): number | null {
  return values.length ? rnd(100 * values.reduce((s, v) => s + v, 0), values.length) : null;
}

/**
 * Scores an answer set of the stammer-mean-v1 model (ITSAK.md §4): area value = mean of its
 * answered statements, overall = mean of the (rounded, shown) area values, level = ⌊h / 100⌋.
 * Never throws on bad answers: they become issues, and the statement counts as unanswered.
 */
export function scoreStammer(catalog: StammerCatalog, set: AnswerSet): StammerResult {
  const errors: StammerIssue[] = [];
  const answers: Record<string, unknown> = set.answers && typeof set.answers === 'object' && !Array.isArray(set.answers) ? set.answers : {};
  const checked = new Map<string, Checked>();
  for (const [key, raw] of Object.entries(answers)) {
    const statement = catalog.statement(key);
    const context = catalog.contextQuestion(key);
    if (!statement && !context) {
      errors.push({ code: 'unknown-statement', statement: key, params: { known: knownKeys(catalog) } });
      continue;
    }
    const valid = statement ? statement.scale.map((s) => s.id) : context!.options.map((o) => o.id);
    const got = check(key, raw, valid, errors);
    if (got.kind === 'answered' && got.ids.length > 1) {
      errors.push({
        code: statement ? 'multiple-steps' : 'multiple-options',
        statement: key,
        option: got.ids[1],
        params: { options: got.ids.join(', ') },
      });
      checked.set(key, { kind: 'error' });
    } else checked.set(key, got);
  }

  const statements: StatementResult[] = catalog.statements.map((s) => {
    const got = checked.get(s.id) ?? { kind: 'unanswered' };
    const base = { id: s.id, area: s.area, ...('comment' in got && got.comment ? { comment: got.comment } : {}) };
    if (got.kind !== 'answered') return { ...base, value: null, selected: null, state: got.kind };
    const step = s.scale.find((x) => x.id === got.ids[0])!;
    return { ...base, value: step.value, selected: step.id, state: 'answered' };
  });

  const areas: StammerAreaResult[] = catalog.areas.map((a) => {
    const inArea = statements.filter((s) => s.area === a.id);
    const values = inArea.flatMap((s) => (s.value === null ? [] : [s.value]));
    const h = meanHundredths(values);
    return { id: a.id, name: a.name, valueHundredths: h, level: h === null ? null : levelOf(h), answered: values.length, total: inArea.length };
  });
  // The mean of the shown area values, so a reader can recompute it; equal weight per area.
  const valued = areas.flatMap((a) => (a.valueHundredths === null ? [] : [a.valueHundredths]));
  const h = valued.length ? rnd(valued.reduce((s, v) => s + v, 0), valued.length) : null;
  const level = h === null ? null : levelOf(h);

  const byId = new Map(catalog.statements.map((s) => [s.id, s]));
  const lowHalf = (s: StatementResult) => s.value !== null && s.value <= byId.get(s.id)!.scale.length / 2;
  const actionList = statements
    .filter(lowHalf)
    .sort((a, b) => a.value! - b.value! || order(catalog, a.id) - order(catalog, b.id))
    .map((s) => s.id);

  const context: ContextResult[] = catalog.context.map((c) => {
    const got = checked.get(c.id) ?? { kind: 'unanswered' };
    const comment = 'comment' in got && got.comment ? { comment: got.comment } : {};
    return got.kind === 'answered' ? { id: c.id, selected: got.ids[0], state: 'answered', ...comment } : { id: c.id, selected: null, state: got.kind, ...comment };
  });

  const position = (key: string) => {
    const i = catalog.statements.findIndex((s) => s.id === key);
    if (i >= 0) return i;
    const c = catalog.context.findIndex((x) => x.id === key);
    return c >= 0 ? catalog.statements.length + c : Infinity;
  };
  errors.sort((a, b) => position(a.statement) - position(b.statement));

  return {
    model: 'stammer-mean-v1',
    catalog: catalog.id,
    catalogRevision: catalog.revision,
    organisation: set.organisation ?? {},
    valueHundredths: h,
    level,
    levelName: level === null ? null : (catalog.levels.find((l) => l.level === level)?.name ?? null),
    answered: statements.filter((s) => s.state === 'answered').length,
    total: statements.length,
    areasWithValue: valued.length,
    areas,
    statements,
    actionList,
    unanswered: statements.filter((s) => s.state === 'unanswered').map((s) => s.id),
    context,
    errors,
    warnings: [],
  };
}

/** "S01–S41, K1": the answer keys a catalog knows, for the message of an unknown one. */
function knownKeys(catalog: StammerCatalog): string {
  const s = catalog.statements;
  return [`${s[0].id}–${s[s.length - 1].id}`, ...catalog.context.map((c) => c.id)].join(', ');
}

function order(catalog: StammerCatalog, id: string): number {
  return catalog.statements.findIndex((s: Statement) => s.id === id);
}

/** Areas with a value, lowest first (ties in catalog order), then the areas without a value (catalog order). */
export function areasLowestFirst(result: StammerResult): StammerAreaResult[] {
  const index = new Map(result.areas.map((a, i) => [a.id, i]));
  return [...result.areas].sort((a, b) => {
    if (a.valueHundredths === null || b.valueHundredths === null) {
      if (a.valueHundredths !== b.valueHundredths) return a.valueHundredths === null ? 1 : -1;
    } else if (a.valueHundredths !== b.valueHundredths) return a.valueHundredths - b.valueHundredths;
    return index.get(a.id)! - index.get(b.id)!;
  });
}

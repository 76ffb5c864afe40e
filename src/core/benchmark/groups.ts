/**
 * Benchmarks of groups (MODEL.md "Benchmarks"): typkommun, typregion, typmyndighet,
 * typförvaltning and "30 bästa" kommuner and myndigheter, each with its answer set, its scored
 * result and its spread. Pure: members come in as records, aggregates go out — never a member's
 * name, source or single answers.
 */
import type { AnswerEntry, OrganisationType } from '../answers/types';
import type { Catalog } from '../catalog/types';
import { score } from '../scoring/score';
import { benchmarkAnswers } from './aggregate';
import type { MemberRecord } from './member';
import { spreadOf, type Spread } from './spread';

export const GROUP_IDS = ['typkommun', 'typregion', 'typmyndighet', 'typförvaltning', '30-bästa-kommuner', '30-bästa-myndigheter'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

interface GroupDefinition {
  readonly id: GroupId;
  /** The organisation types whose members form the group (or its base, for "30 bästa"). */
  readonly types: readonly OrganisationType[];
  readonly best: boolean;
}

/** typförvaltning is the whole public sector; type `annan` is in no group (MODEL.md). */
export const GROUPS: readonly GroupDefinition[] = [
  { id: 'typkommun', types: ['kommun'], best: false },
  { id: 'typregion', types: ['region'], best: false },
  { id: 'typmyndighet', types: ['myndighet'], best: false },
  { id: 'typförvaltning', types: ['kommun', 'region', 'myndighet'], best: false },
  { id: '30-bästa-kommuner', types: ['kommun'], best: true },
  { id: '30-bästa-myndigheter', types: ['myndighet'], best: true },
];

/** Names for people; the ids stay the same in every language. */
export const GROUP_LABELS: Readonly<Record<GroupId, { readonly sv: string; readonly en: string }>> = {
  typkommun: { sv: 'Typkommun', en: 'Typical municipality' },
  typregion: { sv: 'Typregion', en: 'Typical region' },
  typmyndighet: { sv: 'Typmyndighet', en: 'Typical agency' },
  typförvaltning: { sv: 'Typförvaltning', en: 'Typical public body' },
  '30-bästa-kommuner': { sv: '30 bästa kommunerna', en: 'Best 30 municipalities' },
  '30-bästa-myndigheter': { sv: '30 bästa myndigheterna', en: 'Best 30 agencies' },
};

/** The group a member of this type compares itself with by default. */
export function defaultGroupFor(type: unknown): GroupId {
  return type === 'kommun' ? 'typkommun' : type === 'region' ? 'typregion' : type === 'myndighet' ? 'typmyndighet' : 'typförvaltning';
}

/**
 * A group id as typed: exact, or without diacritics and in any case ("typforvaltning",
 * "30-basta-kommuner"), since å, ä and ö are awkward in some shells.
 */
export function parseGroupId(text: string): GroupId | undefined {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().replace(/[\s_]+/g, '-');
  return GROUP_IDS.find((id) => fold(id) === fold(text));
}

/** Why a group is not shown; worded at the edge (i18n). */
export type RefusalReason =
  /** Fewer than minMembers members: one organisation's result could be recovered. */
  | { readonly code: 'benchmark-too-few'; readonly params: { readonly members: number; readonly min: number } }
  /** "30 bästa" is made only from a large enough group. */
  | { readonly code: 'benchmark-best-too-few'; readonly params: { readonly base: number; readonly min: number; readonly best: number } }
  /**
   * typförvaltning minus the type groups that are shown would give the few members of the
   * refused type groups (members per level by subtraction), so it is refused too.
   */
  | { readonly code: 'benchmark-differencing'; readonly params: { readonly hidden: number; readonly min: number } };

export interface GroupResult {
  readonly level: number;
  readonly totalPoints: number;
  readonly areas: readonly { readonly id: string; readonly level: number; readonly points: number }[];
}

export interface GroupBenchmark {
  readonly id: GroupId;
  readonly members: number;
  readonly refused: boolean;
  readonly reason?: RefusalReason;
  /** The benchmark answer set's answers; null when refused. */
  readonly answers: Readonly<Record<string, AnswerEntry>> | null;
  readonly result: GroupResult | null;
  readonly spread: Spread | null;
}

export interface Benchmark {
  readonly catalog: string;
  /** Members used (all types, `annan` included, though it is in no group). */
  readonly members: number;
  readonly groups: readonly GroupBenchmark[];
}

/**
 * "30 bästa": the members with the highest resultattal; ties at the cut broken by organisation
 * name, ascending (Swedish collation, then code points), then by source so the choice never
 * depends on the order files were read in.
 */
export function bestMembers(members: readonly MemberRecord[], count: number): MemberRecord[] {
  const collator = new Intl.Collator('sv', { sensitivity: 'variant' });
  const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  return [...members].sort((a, b) => b.resultattal - a.resultattal || byText(a.name, b.name) || byText(a.source, b.source)).slice(0, count);
}

function refusedGroup(id: GroupId, members: number, reason: RefusalReason): GroupBenchmark {
  return { id, members, refused: true, reason, answers: null, result: null, spread: null };
}

/** The aggregates of one group of at least minMembers members. */
export function groupBenchmark(catalog: Catalog, id: GroupId, members: readonly MemberRecord[]): GroupBenchmark {
  const answers = benchmarkAnswers(catalog, members);
  const scored = score(catalog, { catalog: catalog.id, organisation: { name: GROUP_LABELS[id].sv }, answers });
  return {
    id,
    members: members.length,
    refused: false,
    answers,
    result: { level: scored.level, totalPoints: scored.totalPoints, areas: scored.areas.map((a) => ({ id: a.id, level: a.level, points: a.points })) },
    spread: spreadOf(catalog, members),
  };
}

/** Every group of MODEL.md, always all six ids; members of other catalogs are left out by the caller. */
export function buildBenchmark(catalog: Catalog, members: readonly MemberRecord[]): Benchmark {
  const rules = catalog.benchmark;
  const own = members.filter((m) => m.catalog === catalog.id);
  const ofTypes = (types: readonly OrganisationType[]) => own.filter((m) => types.includes(m.type));
  // Type groups first: typförvaltning's differencing rule needs to know which of them are shown.
  const typeSize = (t: OrganisationType) => ofTypes([t]).length;
  const hidden = (['kommun', 'region', 'myndighet'] as const).map(typeSize).filter((n) => n > 0 && n < rules.minMembers).reduce((s, n) => s + n, 0);
  const groups = GROUPS.map((g): GroupBenchmark => {
    const base = ofTypes(g.types);
    if (g.best) {
      if (base.length < rules.bestMinMembers) {
        return refusedGroup(g.id, Math.min(base.length, rules.bestCount), {
          code: 'benchmark-best-too-few',
          params: { base: base.length, min: rules.bestMinMembers, best: rules.bestCount },
        });
      }
      return groupBenchmark(catalog, g.id, bestMembers(base, rules.bestCount));
    }
    if (base.length < rules.minMembers) return refusedGroup(g.id, base.length, { code: 'benchmark-too-few', params: { members: base.length, min: rules.minMembers } });
    if (g.types.length > 1 && hidden > 0 && hidden < rules.minMembers) {
      return refusedGroup(g.id, base.length, { code: 'benchmark-differencing', params: { hidden, min: rules.minMembers } });
    }
    return groupBenchmark(catalog, g.id, base);
  });
  return { catalog: catalog.id, members: own.length, groups };
}

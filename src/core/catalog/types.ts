/** The catalog after loading: option sets expanded, lookups built. Pure data, no behaviour. */
export type Locale = 'sv' | 'en';
export interface Text {
  readonly sv: string;
  readonly en: string;
}
export type OptionKind = 'aspect' | 'band' | 'y' | 'u' | 'n';

export interface Option {
  readonly id: string;
  readonly kind: OptionKind;
  readonly text: Text;
  /** Points of a band option; 1 for an aspect (before the cap); 0 for y, u and n. */
  readonly points: number;
}

export interface Question {
  readonly number: number;
  readonly level: number;
  readonly area: string;
  readonly text: Text;
  readonly help?: Text;
  readonly unit?: Text;
  /** Name of an action-plan activity that raises this question. */
  readonly activity: Text;
  /** 'aspect' or 'band': what the scoring options of this question are. */
  readonly scoring: 'aspect' | 'band';
  readonly options: readonly Option[];
}

export interface Area {
  readonly id: string;
  readonly name: Text;
}

export interface LevelInfo {
  readonly level: number;
  readonly name: Text;
  readonly short: Text;
  readonly description: Text;
}

export interface ValidationQuestion {
  readonly id: string;
  readonly text: Text;
  readonly help?: Text;
}

/** Benchmark project rules (MODEL.md "Benchmarks"): data, so an edition can change them. */
export interface BenchmarkRules {
  /** A group with fewer members is refused (anonymity). */
  readonly minMembers: number;
  /** "30 bästa": this many members with the highest resultattal … */
  readonly bestCount: number;
  /** … made only from a group of at least this many members. */
  readonly bestMinMembers: number;
}

/** The model of MODEL.md: points per question, cumulative levels (issue 12: a catalog names its model). */
export const LEVELED_MODEL = 'leveled-points-v1';

export interface Catalog {
  readonly model: typeof LEVELED_MODEL;
  readonly id: string;
  readonly revision: number;
  readonly name: Text;
  readonly source: string;
  readonly published: string;
  readonly maxPointsPerQuestion: number;
  readonly uncertainShare: readonly number[];
  readonly benchmark: BenchmarkRules;
  readonly levels: readonly LevelInfo[];
  readonly areas: readonly Area[];
  readonly questions: readonly Question[];
  readonly validationQuestions: readonly ValidationQuestion[];
  readonly maxLevel: number;
  question(number: number): Question | undefined;
  area(id: string): Area | undefined;
}

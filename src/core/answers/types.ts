/** The answers interchange (MODEL.md, "Answers interchange"): what every adapter produces and the core scores. */
export type OrganisationType = 'kommun' | 'region' | 'myndighet' | 'annan';
export const ORGANISATION_TYPES: readonly OrganisationType[] = ['kommun', 'region', 'myndighet', 'annan'];

export interface Organisation {
  name?: string;
  type?: OrganisationType | string;
  orgNumber?: string;
  employees?: number;
  units?: number;
  /** Omfattas av cybersäkerhetslagen: ja / nej / vet ej */
  cyberSecurityAct?: string;
  periodEnd?: string;
  respondent?: string;
  presentedToManagement?: string;
  [key: string]: unknown;
}

export interface AnswerEntry {
  selected: string[];
  certainty?: string;
  comment?: string;
  evidence?: string;
}

export interface AnswerSet {
  catalog: string;
  organisation?: Organisation;
  answers: Record<string, AnswerEntry>;
  validation?: Record<string, number>;
}

export type Certainty = 'säker' | 'osäker';

/**
 * A problem in the input, as data (STYLE 5): worded in i18n at the edge.
 * `question` is the question number, or the unknown answer key as given.
 */
export interface InputIssue {
  readonly code: IssueCode;
  readonly question: number | string;
  readonly option?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type IssueCode =
  // errors: the question scores 0 and counts as unanswered
  | 'unknown-question'
  | 'bad-shape'
  | 'unknown-option'
  | 'exclusive-with-scoring'
  | 'several-exclusive'
  | 'non-adjacent-bands'
  | 'bad-certainty'
  // warnings: scored as given
  | 'missing-certainty'
  | 'certain-without-evidence'
  | 'bad-validation-value'
  | 'validation-share-over-total'
  | 'unknown-validation-question';

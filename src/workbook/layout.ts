/**
 * The questionnaire workbook's layout: sheet names, columns and row ids. Reading finds rows by
 * the ids in column A, never by position, so users may insert rows or move blocks.
 */
export const SHEETS = {
  start: 'Start',
  organisation: 'Organisation',
  levels: ['Nivå 1', 'Nivå 2', 'Nivå 3', 'Nivå 4'],
  validation: 'Valideringsfrågor',
  result: 'Resultat',
  areas: 'Arbetsområden',
  feedback: 'Återkoppling',
  nextLevel: 'Nästa nivå',
  summary: 'Ledningssammanfattning',
  actionPlan: 'Handlingsplan',
  history: 'Historik',
  trend: 'Trend',
  comparison: 'Jämförelse',
  /** The organisation against a benchmark group (issue 11), written by `score --benchmark`. */
  benchmark: 'Benchmark',
  /** The user's goals (issue 13), in a structure the product makes once. */
  goals: 'Mål',
  /** The chain strategic → short-term → annual → activity, rewritten by every computation. */
  goalGraph: 'Målgraf',
} as const;

/**
 * The product's mark on the sheets it made: a hidden, sheet-scoped defined name whose value is the
 * sheet the product made it as (`"Handlingsplan"`). Ownership is decided by this mark, never by a
 * sheet's name or title: a user's own "resultat" has no mark and is never touched.
 */
export const OWNER_NAME = 'Infosakkollen_blad';

/** Conditional format rules the product owns carry this in their formula (N() of a text adds 0). */
export const GANTT_MARKER = 'N("infosakkollen:gantt")';

export const levelSheet = (level: number): string => `Nivå ${level}`;

/**
 * How A1 of each result sheet begins. A sheet with a result sheet's name is rewritten only when it
 * starts like this (or is empty): a user's own "Handlingsplan" or "Resultat" is never overwritten.
 */
export const RESULT_TITLES: Readonly<Record<string, string>> = {
  [SHEETS.result]: 'Resultat',
  [SHEETS.summary]: 'Ledningssammanfattning',
  [SHEETS.areas]: 'Arbetsområden',
  [SHEETS.feedback]: 'Återkoppling',
  [SHEETS.nextLevel]: 'Nästa nivå',
  [SHEETS.actionPlan]: 'Handlingsplan för informationssäkerhet',
};

export const QUESTIONNAIRE_SHEETS: readonly string[] = [SHEETS.start, SHEETS.organisation, ...SHEETS.levels, SHEETS.validation];
export const RESULT_SHEETS: readonly string[] = [
  SHEETS.result,
  SHEETS.summary,
  SHEETS.areas,
  SHEETS.feedback,
  SHEETS.nextLevel,
  SHEETS.actionPlan,
];

/**
 * Sheets of the follow-up over time (issue 10), written by "spara mätning" (Historik, Trend) and
 * "jämför" (Jämförelse), never by a computation. Not in RESULT_SHEETS: a user's own sheet called
 * "Trend" must not stop a computation, only the command that would write it.
 */
export const HISTORY_SHEETS: readonly string[] = [SHEETS.history, SHEETS.trend, SHEETS.comparison];

/**
 * Sheets of the comparison with a benchmark (issue 11), written only when a benchmark is given;
 * like HISTORY_SHEETS, a user's own "Benchmark" stops only the command that would write it.
 */
export const BENCHMARK_SHEETS: readonly string[] = [SHEETS.benchmark];

/**
 * The goals (issue 13): Mål is made once and is the user's from then on; Målgraf is rewritten on
 * every computation. Not in RESULT_SHEETS: a user's own sheet of either name is kept and only
 * leaves out what would have been written there (a warning), never stops a computation.
 */
export const GOAL_SHEETS: readonly string[] = [SHEETS.goals, SHEETS.goalGraph];

/**
 * Sheets the reader needs: the questionnaire, the result sheets (to merge the plan and to check
 * ownership), Historik (saved measurements), the other history sheets (to check ownership) and
 * the goals.
 */
export const INPUT_SHEETS: readonly string[] = [...QUESTIONNAIRE_SHEETS, ...RESULT_SHEETS, ...HISTORY_SHEETS, ...GOAL_SHEETS];

/** Column A holds ids on every answer sheet; the label on Start whose column-B neighbour is the catalog id. */
export const ID_COLUMN = 'A';
export const CATALOG_LABEL = 'Katalog-id';
/** The label on Start whose column-B neighbour is the option "Säker kräver underlag" (issue 13, settings.ts). */
export const EVIDENCE_LABEL = 'Säker kräver underlag';

/** Question sheets: A id · B nr/letter · C text · D tick or certainty · E comment · F evidence. */
export const Q_COLUMNS = { id: 1, number: 2, text: 3, answer: 4, comment: 5, evidence: 6 } as const;
export const Q_HEADER_ROW = 4;

/** Organisation and Valideringsfrågor: A id · B label · C value · D help. */
export const KV_COLUMNS = { id: 1, label: 2, value: 3, help: 4 } as const;

export const questionId = (n: number): string => `Q${String(n).padStart(2, '0')}`;
export const optionId = (n: number, option: string): string => `${questionId(n)}.${option}`;

/** Parses "Q03" or "Q03.b" (case-insensitive). */
export function parseRowId(id: string): { question: number; option?: string } | undefined {
  const m = /^Q(\d{1,3})(?:\.([a-z]))?$/i.exec(id.trim());
  return m ? { question: Number(m[1]), option: m[2]?.toLowerCase() } : undefined;
}

export interface OrganisationField {
  readonly id: string;
  readonly label: string;
  readonly kind: 'text' | 'number' | 'date' | 'type' | 'yesno';
  readonly help?: string;
}

export const ORGANISATION_FIELDS: readonly OrganisationField[] = [
  { id: 'org.name', label: 'Organisationens namn', kind: 'text' },
  { id: 'org.orgNumber', label: 'Organisationsnummer', kind: 'text', help: 'NNNNNN-NNNN' },
  { id: 'org.type', label: 'Typ av organisation', kind: 'type', help: 'Kommun, region, statlig myndighet eller annan' },
  {
    id: 'org.employees',
    label: 'Antal medarbetare',
    kind: 'number',
    help: 'Anställda och annan personal som arbetat i organisationen minst sex månader',
  },
  { id: 'org.units', label: 'Antal verksamheter', kind: 'number', help: 'Det som andelarna i intervallfrågorna avser' },
  { id: 'org.cyberSecurityAct', label: 'Omfattas av cybersäkerhetslagen', kind: 'yesno' },
  { id: 'org.periodEnd', label: 'Mätperiodens slutdatum', kind: 'date', help: 'ÅÅÅÅ-MM-DD; frågorna gäller de två åren före' },
  { id: 'org.respondent', label: 'Uppgiftslämnare', kind: 'text', help: 'Namn och roll' },
  { id: 'org.presentedToManagement', label: 'Resultatet föredraget för ledningen', kind: 'date', help: 'ÅÅÅÅ-MM-DD' },
];

/** Drop-down labels for organisation type, and the ids they stand for. */
export const ORG_TYPE_LABELS: readonly { label: string; id: string }[] = [
  { label: 'Kommun', id: 'kommun' },
  { label: 'Region', id: 'region' },
  { label: 'Statlig myndighet', id: 'myndighet' },
  { label: 'Annan', id: 'annan' },
];
export const YES_NO = ['Ja', 'Nej', 'Vet ej'];
export const CERTAINTY_LABELS = ['Säker', 'Osäker'];
export const TICK = 'x';

/**
 * Handlingsplan columns (MODEL.md, seed 002) plus the id, the estimated cost and hours as numbers
 * beside "Kostnader och resurser" (issue 13: summed for the path to the next level) and the tool's
 * own "Beräknat läge".
 */
export const PLAN_COLUMNS = [
  'Id',
  'Aktivitet (namn och kort beskrivning)',
  'Årliga mål',
  'Säkerhetsåtgärd / fråga',
  'Prioritet',
  'Kostnader och resurser',
  'Kostnad (kr)',
  'Tid (timmar)',
  'Ansvarig',
  'Startdatum',
  'Slutdatum',
  'Beroenden',
  'Status',
  'Beräknat läge (skrivs av verktyget)',
] as const;
export const PLAN_HEADER_ROW = 4;
/** 1-based column of "Beräknat läge", the only column the tool rewrites on existing rows. */
export const PLAN_COMPUTED_COLUMN = PLAN_COLUMNS.length;
export const PLAN_GANTT_MONTHS = 12;

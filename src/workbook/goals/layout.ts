/**
 * The Mål sheet (issue 13): the organisation's informationssäkerhetsmål in three blocks stacked
 * vertically — strategic, short-term, annual — each a section title, a header row and rows to fill.
 * The product makes the structure once; everything typed there is the user's, so blocks are read
 * by their header texts wherever the user moved them (read.ts), never by these positions.
 */
import type { HeaderSpec } from '../headers';
import { SHEETS } from '../layout';

export const GOALS_SHEET = SHEETS.goals;
export const GOALS_TITLE = 'Mål för informationssäkerhet';
/** The product-owned view of the chain, rewritten on every computation. */
export const GOAL_GRAPH_SHEET = SHEETS.goalGraph;

export const GOALS_NOTE =
  'MCF (tidigare MSB) vägleder: strategiska mål gäller 3–5 år och anger vilken effekt (effektmål) eller vilket resultat (resultatmål) arbetet ska ge; ' +
  'kortsiktiga mål gäller 1–2 år och skrivs enligt SMART (specifikt, mätbart, accepterat, realistiskt, tidsatt); ' +
  'årliga mål förs in i handlingsplanen, där varje aktivitet anger sina årliga mål i kolumnen Årliga mål. ' +
  'Ange i kolumnerna "Bidrar till" vilket mål ovanför målet hjälper till att nå (id, flera åtskilda med komma). ' +
  'Ett mål finns när raden har text utöver sitt id; lägg till rader inom ett block om det behövs. ' +
  'Allt du skriver här är ditt: verktyget skriver aldrig över bladet. Kedjan visas på bladet Målgraf när resultatet beräknas.';

export type GoalBlock = 'strategic' | 'shortTerm' | 'annual';
export const GOAL_BLOCKS: readonly GoalBlock[] = ['strategic', 'shortTerm', 'annual'];

export type StrategicColumn = 'id' | 'text' | 'kind' | 'horizon' | 'comment';
export type ShortTermColumn = 'id' | 'text' | 'indicator' | 'targetValue' | 'responsible' | 'date' | 'serves' | 'comment';
export type AnnualColumn = 'id' | 'text' | 'year' | 'serves' | 'targetLevel' | 'comment';
export type GoalColumn = StrategicColumn | ShortTermColumn | AnnualColumn;

export interface BlockLayout<K extends GoalColumn> {
  /** The section title above the header (recognised, case-insensitively, by its start). */
  readonly title: string;
  /** The lower-case start of the title: a row whose id cell starts with it is a title, not a goal. */
  readonly titleKey: string;
  /** Header texts in the order a new sheet writes them. */
  readonly headers: readonly string[];
  /** The same columns as specs (same order): how a user's sheet is read. */
  readonly specs: readonly HeaderSpec<K>[];
  /** The column (key) whose header names the block: no other block has it. */
  readonly anchor: K;
  /** Rows a new sheet prefills with ids. */
  readonly rows: number;
  /** Prefilled id prefix: S1…, K1…, Å1… */
  readonly idPrefix: string;
}

const STRATEGIC: BlockLayout<StrategicColumn> = {
  title: 'Strategiska mål (3–5 år)',
  titleKey: 'strategiska mål',
  headers: ['Id', 'Strategiskt mål', 'Typ (effektmål eller resultatmål)', 'Horisont (år)', 'Kommentar'],
  specs: [
    { key: 'id', texts: ['id'] },
    { key: 'text', texts: ['strategiskt mål'] },
    { key: 'kind', texts: ['typ'] },
    { key: 'horizon', texts: ['horisont'] },
    { key: 'comment', texts: ['kommentar'] },
  ],
  anchor: 'text',
  rows: 5,
  idPrefix: 'S',
};

const SHORT_TERM: BlockLayout<ShortTermColumn> = {
  title: 'Kortsiktiga mål (1–2 år, SMART)',
  titleKey: 'kortsiktiga mål',
  headers: [
    'Id',
    'Kortsiktigt mål',
    'Indikator (hur målet mäts)',
    'Målvärde',
    'Ansvarig',
    'Klart senast (ÅÅÅÅ-MM-DD)',
    'Bidrar till strategiskt mål (id)',
    'Kommentar',
  ],
  specs: [
    { key: 'id', texts: ['id'] },
    { key: 'text', texts: ['kortsiktigt mål'] },
    { key: 'indicator', texts: ['indikator'] },
    { key: 'targetValue', texts: ['målvärde'] },
    { key: 'responsible', texts: ['ansvarig'] },
    { key: 'date', texts: ['klart senast', 'datum'] },
    { key: 'serves', texts: ['bidrar till strategiskt mål', 'bidrar till'] },
    { key: 'comment', texts: ['kommentar'] },
  ],
  anchor: 'text',
  rows: 10,
  idPrefix: 'K',
};

const ANNUAL: BlockLayout<AnnualColumn> = {
  title: 'Årliga mål (i handlingsplanen)',
  titleKey: 'årliga mål',
  headers: ['Id', 'Årligt mål', 'År', 'Bidrar till kortsiktigt mål (id)', 'Målnivå (t.ex. nivå 3 i Infosäkkollen 2027)', 'Kommentar'],
  specs: [
    { key: 'id', texts: ['id'] },
    { key: 'text', texts: ['årligt mål'] },
    { key: 'year', texts: ['år'] },
    { key: 'serves', texts: ['bidrar till kortsiktigt mål', 'bidrar till'] },
    { key: 'targetLevel', texts: ['målnivå'] },
    { key: 'comment', texts: ['kommentar'] },
  ],
  anchor: 'text',
  rows: 10,
  idPrefix: 'Å',
};

export const GOAL_LAYOUT = { strategic: STRATEGIC, shortTerm: SHORT_TERM, annual: ANNUAL } as const;

/** A new sheet: title, note, a blank row, then each block; one blank row between blocks. */
export const GOALS_FIRST_BLOCK_ROW = 4;
const BLOCK_GAP = 1;

/** Where each block is on a new sheet (1-based rows): section title, header, first and last goal row. */
export interface NewBlockRows {
  readonly title: number;
  readonly header: number;
  readonly first: number;
  readonly last: number;
}

export function newBlockRows(): Readonly<Record<GoalBlock, NewBlockRows>> {
  let row = GOALS_FIRST_BLOCK_ROW;
  const out = {} as Record<GoalBlock, NewBlockRows>;
  for (const block of GOAL_BLOCKS) {
    const rows = GOAL_LAYOUT[block].rows;
    out[block] = { title: row, header: row + 1, first: row + 2, last: row + 1 + rows };
    row += 2 + rows + BLOCK_GAP;
  }
  return out;
}

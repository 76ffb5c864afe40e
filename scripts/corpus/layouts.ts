/**
 * Where things are on the product's sheets, found by header text (never by fixed positions), so
 * the corpus follows the product's layout and an edited sheet can still be understood.
 */
import { parseSharedStrings, SheetDoc, cellText } from './sheet';
import { colName, ref } from './refs';

export const PLAN_HEADERS = {
  id: 'Id',
  activity: 'Aktivitet (namn och kort beskrivning)',
  goals: 'Årliga mål',
  measure: 'Säkerhetsåtgärd / fråga',
  priority: 'Prioritet',
  cost: 'Kostnader och resurser',
  owner: 'Ansvarig',
  start: 'Startdatum',
  end: 'Slutdatum',
  deps: 'Beroenden',
  status: 'Status',
  computed: 'Beräknat läge (skrivs av verktyget)',
} as const;

export type PlanColumn = keyof typeof PLAN_HEADERS;

export interface PlanLayout {
  readonly header: number;
  readonly col: Record<PlanColumn, number>;
  /** Rows holding an activity id (HP-Fnn or the user's), in order. */
  readonly activityRows: number[];
  /** `letter(col)` + row, e.g. at('owner', 5) = "G5". */
  at(column: PlanColumn, row: number): string;
  letter(column: PlanColumn): string;
}

export function planLayout(doc: SheetDoc, sst: readonly string[] = []): PlanLayout {
  const found = doc.findRow(PLAN_HEADERS.computed, sst);
  if (!found) throw new Error('Handlingsplan: no header row');
  const header = found.row;
  const col = {} as Record<PlanColumn, number>;
  for (const [key, text] of Object.entries(PLAN_HEADERS) as [PlanColumn, string][]) {
    const c = doc.findInRow(header, text, sst);
    if (c !== undefined) col[key] = c;
  }
  const activityRows = [...doc.rows.values()]
    .filter((r) => r.r > header && r.cells.some((c) => c.col === col.id && (cellText(c, sst) ?? '').trim() !== ''))
    .map((r) => r.r)
    .sort((a, b) => a - b);
  return {
    header,
    col,
    activityRows,
    at: (column, row) => ref(col[column], row),
    letter: (column) => colName(col[column]),
  };
}

export const LEVEL_HEADERS = {
  id: 'Id',
  answer: 'Svar / bedömning',
  comment: 'Kommentar',
  evidence: 'Underlag (länk eller dokument)',
} as const;

export interface LevelLayout {
  readonly header: number;
  readonly col: Record<keyof typeof LEVEL_HEADERS, number>;
  /** The row of a row id ("Q05", "Q05.b"). */
  rowOf(id: string): number;
  answerCell(id: string): string;
}

export function levelLayout(doc: SheetDoc, sst: readonly string[] = []): LevelLayout {
  const found = doc.findRow(LEVEL_HEADERS.answer, sst);
  if (!found) throw new Error(`${doc.name}: no header row`);
  const header = found.row;
  const col = {} as Record<keyof typeof LEVEL_HEADERS, number>;
  for (const [key, text] of Object.entries(LEVEL_HEADERS) as [keyof typeof LEVEL_HEADERS, string][]) {
    const c = doc.findInRow(header, text, sst);
    if (c === undefined) throw new Error(`${doc.name}: no column ${text}`);
    col[key] = c;
  }
  const rowOf = (id: string) => {
    for (const r of doc.rows.values()) {
      const c = r.cells.find((x) => x.col === col.id);
      if (c && cellText(c, sst) === id) return r.r;
    }
    throw new Error(`${doc.name}: no row ${id}`);
  };
  return { header, col, rowOf, answerCell: (id) => ref(col.answer, rowOf(id)) };
}

export { parseSharedStrings };

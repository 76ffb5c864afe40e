/**
 * The questionnaire and result sheets of a stammer-mean-v1 catalog (It-säkkollen, issue 12),
 * derived from the catalog's data: one sheet per work area (named in the catalog), a sheet of
 * context questions, and the result sheets. Reading finds rows by the id in the Id column and
 * columns by their header text, never by position.
 */
import type { StammerCatalog } from '../../core/stammer/types';
import type { HeaderSpec } from '../headers';
import { ORGANISATION_FIELDS, SHEETS, type OrganisationField } from '../layout';

export const CONTEXT_SHEET = 'Bakgrundsfrågor';
export const HEADER_ROW = 4;

/** The result sheet, e.g. "It-säkkollen resultat" (ITSAK.md §4). */
export const resultSheetOf = (catalog: StammerCatalog): string => `${catalog.shortName.sv} resultat`;

export function questionnaireSheets(catalog: StammerCatalog): string[] {
  return [SHEETS.start, SHEETS.organisation, ...catalog.areas.map((a) => a.sheet), ...(catalog.context.length ? [CONTEXT_SHEET] : [])];
}

/** The sheets a computation writes, and whose ownership it checks first. */
export function resultSheets(catalog: StammerCatalog): string[] {
  return [resultSheetOf(catalog), SHEETS.summary, SHEETS.actionPlan];
}

export const inputSheets = (catalog: StammerCatalog): string[] => [...questionnaireSheets(catalog), ...resultSheets(catalog)];

/**
 * Organisation data asked for a catalog of statements: Infosäkkollen's fields without the number of
 * verksamheter (what its share bands are shares of) and without its two-year period.
 */
export const STAMMER_ORGANISATION_FIELDS: readonly OrganisationField[] = ORGANISATION_FIELDS.filter((f) => f.id !== 'org.units').map((f) =>
  f.id === 'org.periodEnd' ? { ...f, label: 'Datum för självskattningen', help: 'ÅÅÅÅ-MM-DD' } : f,
);

export type AreaColumn = 'id' | 'text' | 'comment' | `step:${string}`;

/** An area sheet's header: Id · Påstående · one column per step of the scale (its text) · Kommentar. */
export function areaHeaders(catalog: StammerCatalog, areaId: string): HeaderSpec<AreaColumn>[] {
  return [
    { key: 'id', texts: ['id'] },
    { key: 'text', texts: ['påstående'] },
    ...scaleOf(catalog, areaId).map((s) => ({ key: `step:${s.id}` as const, texts: [s.text.sv.toLowerCase()] })),
    { key: 'comment', texts: ['kommentar'] },
  ];
}

export const scaleOf = (catalog: StammerCatalog, areaId: string) => catalog.statements.find((s) => s.area === areaId)!.scale;

export type ContextColumn = 'id' | 'text' | 'answer' | 'comment';
export const CONTEXT_HEADERS: readonly HeaderSpec<ContextColumn>[] = [
  { key: 'id', texts: ['id'] },
  { key: 'text', texts: ['fråga och svarsalternativ', 'fråga'] },
  { key: 'answer', texts: ['svar'] },
  { key: 'comment', texts: ['kommentar'] },
];

/** "K1.c": the row of a context question's option. */
export const contextOptionId = (question: string, option: string): string => `${question}.${option}`;

/** Handlingsplan ids of the product's rows: "HP-S18". */
export const planId = (statement: string): string => `HP-${statement}`;

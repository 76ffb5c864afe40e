/**
 * The same organisation twice among a benchmark's inputs (issue 11): only the latest answer set
 * counts, so one organisation never weighs double in a majority or a median.
 */
import type { Organisation } from '../answers/types';

/**
 * Who an answer set is about: the organisation number when it has one (digits only, so
 * "212000-0000" and "2120000000" match), else type and name (NFC, trimmed, any case, spaces
 * collapsed). Undefined when neither is given: such a set is never taken for a duplicate.
 */
export function organisationKey(org: Organisation | undefined): string | undefined {
  const digits = typeof org?.orgNumber === 'string' ? org.orgNumber.replace(/\D/g, '') : '';
  if (digits.length >= 6) return `nr:${digits}`;
  const name = typeof org?.name === 'string' ? org.name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ') : '';
  return name ? `namn:${String(org?.type ?? '')}:${name}` : undefined;
}

export interface Dated {
  readonly key: string | undefined;
  /** The measurement period's end, YYYY-MM-DD (organisation.periodEnd); undefined = unknown. */
  readonly date: string | undefined;
  /** When the file was last changed (ms), the tie-breaker between equal dates. */
  readonly modified: number;
  /** The file: the last tie-breaker, so the choice never depends on the order of reading. */
  readonly source: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Positive when a is later than b: period end (an unknown date is the earliest), then file time, then path. */
export function compareLatest(a: Dated, b: Dated): number {
  const da = a.date && ISO.test(a.date) ? a.date : '';
  const db = b.date && ISO.test(b.date) ? b.date : '';
  if (da !== db) return da < db ? -1 : 1;
  if (a.modified !== b.modified) return a.modified - b.modified;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/** Keeps the latest of each organisation; the others are returned with the one kept instead. */
export function latestPerOrganisation<T extends Dated>(items: readonly T[]): { kept: T[]; dropped: { item: T; instead: T }[] } {
  const latest = new Map<string, T>();
  for (const item of items) {
    if (item.key === undefined) continue;
    const seen = latest.get(item.key);
    if (!seen || compareLatest(item, seen) > 0) latest.set(item.key, item);
  }
  const kept: T[] = [];
  const dropped: { item: T; instead: T }[] = [];
  for (const item of items) {
    const winner = item.key === undefined ? item : latest.get(item.key)!;
    if (winner === item) kept.push(item);
    else dropped.push({ item, instead: winner });
  }
  return { kept, dropped };
}

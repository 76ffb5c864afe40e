import type { Comparison } from '../../core/compare/compare';
import type { Catalog } from '../../core/catalog/types';
import type { SavedMeasurement } from '../../workbook/history';
import { whyText } from '../../workbook/plan/comparison';

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/** The readable Swedish comparison printed by `infosak compare` without --json. */
export function comparisonText(catalog: Catalog, c: Comparison, labels: { from: string; to: string }): string {
  const lines: string[] = [];
  lines.push(`Jämförelse: ${labels.from} → ${labels.to} (${catalog.id})`);
  const figure = (label: string, a: number, b: number) => lines.push(`  ${label.padEnd(18)} ${String(a).padStart(4)} → ${String(b).padEnd(4)} (${signed(b - a)})`);
  figure('Nivå', c.from.level, c.to.level);
  figure('Totalpoäng', c.from.totalPoints, c.to.totalPoints);
  figure('Åtgärder', c.from.measures, c.to.measures);
  figure('Besvarade frågor', c.from.answered, c.to.answered);
  figure('Osäkra svar', c.from.uncertain, c.to.uncertain);
  lines.push('');
  lines.push(`Varför ändrades nivån? ${whyText(c)}`);
  lines.push('');
  lines.push('Arbetsområden (nivå, poäng):');
  for (const a of c.areas) {
    const name = catalog.area(a.id)?.name.sv ?? a.id;
    lines.push(`  ${a.id}  ${name.padEnd(52)} nivå ${a.levelFrom} → ${a.levelTo}  ${a.pointsFrom} → ${a.pointsTo} p (${signed(a.pointsTo - a.pointsFrom)})`);
  }
  const changed = c.questions.filter((q) => q.pointsFrom !== q.pointsTo || q.ticked.length || q.unticked.length || q.certaintyFrom !== q.certaintyTo);
  lines.push('');
  lines.push(changed.length ? `Frågor som ändrades (${changed.length}):` : 'Inga frågor ändrades.');
  for (const q of changed) {
    const parts = [`${q.pointsFrom} → ${q.pointsTo} p`];
    if (q.ticked.length) parts.push(`nya kryss ${q.ticked.join(', ')}`);
    if (q.unticked.length) parts.push(`borttagna kryss ${q.unticked.join(', ')}`);
    if (q.certaintyFrom !== q.certaintyTo) parts.push(`bedömning ${q.certaintyFrom ?? '–'} → ${q.certaintyTo ?? '–'}`);
    lines.push(`  F${q.number}: ${parts.join('; ')}`);
  }
  const validation = c.validation.filter((v) => v.from !== null || v.to !== null);
  if (validation.length) {
    lines.push('');
    lines.push('Valideringsfrågor (påverkar inte nivån):');
    for (const v of validation) lines.push(`  ${v.id}: ${v.from ?? '–'} → ${v.to ?? '–'}${v.from !== null && v.to !== null ? ` (${signed(v.to - v.from)})` : ''}`);
  }
  return lines.join('\n');
}

/** "2024-05-02, 2025-05-02, 2023-01-10 (katalog x, kan inte jämföras)": the saved dates for a message. */
export function savedDatesText(saved: readonly SavedMeasurement[], known: readonly string[]): string {
  return saved.map((m) => (known.includes(m.catalog) ? m.date : `${m.date} (katalog ${m.catalog}, kan inte jämföras)`)).join(', ');
}

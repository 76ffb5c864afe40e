import type { Catalog } from '../../core/catalog/types';
import type { ParagraphResult, RegulationNote, RegulationResult } from '../../core/regulation/indication';

/** Swedish wording of the regulation indication (REGULATION.md §3). Always "indikerar", never "uppfyller". */
export const FOOTER =
  'Indikationen bygger på MSB:s uttalande att nivå 3 motsvarar föreskriftskraven. Kopplingen till enskilda paragrafer är verktygets egen tolkning. Myndigheten för civilt försvar (tidigare MSB) utövar inte tillsyn över föreskrifterna. Cybersäkerhetslagen (2025:1506) ingår inte.';

export function heading(reg: RegulationResult, orgType?: string): string {
  return orgType === 'myndighet'
    ? `Indikation mot ${reg.designation}`
    : `Jämförelse med ${reg.designation} (gäller statliga myndigheter – här som stöd)`;
}

export function overallText(reg: RegulationResult): string {
  return reg.indicated
    ? `Svaren indikerar att kraven i ${reg.designation} uppfylls.`
    : `Svaren indikerar ännu inte att kraven i ${reg.designation} uppfylls.`;
}

export function overallStops(reg: RegulationResult): string[] {
  if (reg.indicated) return [];
  const o = reg.overall;
  const out: string[] = [];
  if (o.belowMinimum.length) out.push(`Frågor under 3 poäng: ${o.belowMinimum.map((q) => `F${q}`).join(', ')}`);
  if (o.missingPoints) out.push(`Poäng som saknas till 130: ${o.missingPoints}`);
  if (o.uncertainOverLimit) out.push(`Osäkra bedömningar utöver 5 bland fråga 1–37: ${o.uncertainOverLimit}`);
  if (o.unanswered.length) out.push(`Obesvarade: ${o.unanswered.map((q) => `F${q}`).join(', ')}`);
  return out;
}

export function summaryLine(reg: RegulationResult): string {
  const c = reg.counts;
  return `${reg.designation}: ${reg.indicated ? 'indikeras' : 'indikeras ej'}; ${c.met} av ${c.assessable} bedömbara paragrafer uppfyllda, ${c.partial} delvis, ${c.notMet} ej uppfyllda${reg.strict ? ' (strikt läge)' : ''}`;
}

export function statusText(p: ParagraphResult): string {
  const base =
    p.status === 'met' ? '✓ uppfylld' : p.status === 'partial' ? '◐ delvis' : p.status === 'notMet' ? (p.started ? '✗ ej uppfylld (påbörjat)' : '✗ ej uppfylld') : '– ej bedömbar';
  const mods = [p.uncertain && p.status !== 'notAssessable' ? '(osäker)' : '', p.unassessedPoints.length ? `innehåller ej bedömbara delar (${p.unassessedPoints.join(', ')})` : '']
    .filter(Boolean)
    .join(' ');
  return mods ? `${base} ${mods}` : base;
}

export function stopsText(p: ParagraphResult): string {
  return p.stops.map((s) => (s.answered ? `F${s.q}: ${s.points} av ${s.min} p` : `F${s.q}: obesvarad`)).join(', ');
}

function optionText(catalog: Catalog, q: number, option: string): string {
  return catalog.question(q)?.options.find((o) => o.id === option)?.text.sv ?? option;
}

export function noteText(catalog: Catalog, n: RegulationNote): string {
  switch (n.kind) {
    case 'F':
    case 'AR': {
      const prefix = n.kind === 'F' ? 'Anmärkning' : 'Tips';
      const suffix = n.kind === 'AR' ? ' (allmänt råd)' : '';
      const text = optionText(catalog, n.questions[0], n.option);
      if (n.arb) return `${prefix}: ARB-${n.option} saknas för ${n.questions.map((q) => `F${q}`).join(', ')} – ${text}${suffix}`;
      return `${prefix}: F${n.questions[0]}${n.option} saknas – ${text}${suffix}`;
    }
    case 'coverage': {
      const band = catalog.question(n.q)?.options.find((o) => o.kind === 'band' && o.points === n.points)?.text.sv ?? `${n.points} p`;
      return `Anmärkning: F${n.q} omfattar inte alla (${band}); paragrafen avser ${n.scope}`;
    }
    case 'documentation':
      return `Anmärkning: F${n.q} är bedömd som osäker – finns dokumentation?`;
  }
}

export const CONFIDENCE: Record<string, string> = { high: 'hög', medium: 'medel', low: 'låg' };

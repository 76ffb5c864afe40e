/**
 * Synthetic organisations for benchmark tests and `npm run bench:benchmark`: answer sets of the
 * real catalog with a seeded random spread of levels, types, certainties and gaps, so every run
 * makes the same files.
 */
import type { AnswerEntry, AnswerSet, OrganisationType } from '../../src/core/answers/types';
import type { Catalog } from '../../src/core/catalog/types';

/** mulberry32: small, seeded, good enough to spread test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Types in a mix like the Swedish public sector's share of respondents: 6 kommuner : 1 region : 6 myndigheter : 2 annan. */
export function typeOf(i: number): OrganisationType {
  const k = i % 15;
  return k < 6 ? 'kommun' : k < 7 ? 'region' : k < 13 ? 'myndighet' : 'annan';
}

const NAMES: Record<OrganisationType, string> = { kommun: 'Kommun', region: 'Region', myndighet: 'Myndighet', annan: 'Bolag' };

/** One organisation's answers: a base level per organisation, ±1 point per question, some left out. */
export function syntheticAnswers(catalog: Catalog, i: number, seed = 1, type: OrganisationType = typeOf(i)): AnswerSet {
  const rnd = random(seed * 100003 + i);
  const base = Math.floor(rnd() * 6);
  const answers: Record<string, AnswerEntry> = {};
  for (const q of catalog.questions) {
    if (rnd() < 0.05) continue;
    const points = Math.max(0, Math.min(5, base + Math.floor(rnd() * 3) - 1));
    const scoring = q.options.filter((o) => o.kind === 'aspect' || o.kind === 'band');
    let selected: string[];
    if (points === 0) selected = [q.options.some((o) => o.id === 'u') && rnd() < 0.3 ? 'u' : 'n'];
    else if (q.scoring === 'band') selected = [scoring.find((o) => o.points === points)!.id];
    else selected = scoring.slice(0, points).map((o) => o.id);
    answers[String(q.number)] = { selected, certainty: rnd() < 0.75 ? 'säker' : 'osäker', evidence: 'Underlag' };
  }
  const number = String(i + 1).padStart(4, '0');
  return {
    catalog: catalog.id,
    organisation: { name: `${NAMES[type]} ${number}`, type, orgNumber: `2120${number}00`.slice(0, 10), periodEnd: '2025-12-31' },
    answers,
  };
}

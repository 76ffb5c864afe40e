/**
 * Facts taken from the specification (../shared/domain/MODEL.md and CATALOG.md beside the repo), written out by
 * hand so that tests compare the implementation with the spec and not with itself.
 */

export const CATALOG_ID = 'infosakkollen-2023-v1';

/** MODEL.md: Q1–15 level 1, Q16–27 level 2, Q28–37 level 3, Q38–40 level 4. */
export function specLevelOf(q: number): number {
  if (q <= 15) return 1;
  if (q <= 27) return 2;
  if (q <= 37) return 3;
  return 4;
}

/** MODEL.md: Kn = ceil(Fn · (n + 0.5)) → 23, 68, 130, 180. */
export const K = [0, 23, 68, 130, 180] as const;
/** MODEL.md: allowed osäker answers among Qn: 7, 8, 5, 2. */
export const U_ALLOWED = [0, 7, 8, 5, 2] as const;
/** Fn: questions of level ≤ n. */
export const F = [0, 15, 27, 37, 40] as const;

/** CATALOG.md "Work areas". */
export const AREAS: ReadonlyArray<readonly [string, string]> = [
  ['LS', 'Ledningens styrning och kontroll'],
  ['MK', 'Medarbetarnas kunskaper och utbildningsverksamhet'],
  ['IO', 'Inventering, undersökningar och omvärldsbevakning'],
  ['IK', 'Informationsklassning'],
  ['RA', 'Analys och hantering av informationssäkerhetsrisker'],
  ['IN', 'Incident- och kontinuitetshantering'],
  ['SF', 'Säkerhetsåtgärder och förbättringsarbete'],
  ['UU', 'Uppföljning och utvärdering'],
  ['UP', 'Upphandling'],
  ['SK', 'Upprättande och utveckling av säkerhetskultur'],
];

/** CATALOG.md: "Questions per area". */
export const AREA_QUESTIONS: Readonly<Record<string, readonly number[]>> = {
  LS: [1, 2, 15, 24, 40],
  MK: [9, 10, 16, 17, 18, 30, 31],
  IO: [3, 4, 28],
  IK: [5, 19, 29],
  RA: [6, 20, 23, 33, 34, 35, 36],
  IN: [7, 8, 22, 27, 32],
  SF: [12, 21],
  UU: [14, 26],
  UP: [11, 25, 37],
  SK: [13, 38, 39],
};

export function specAreaOf(q: number): string {
  for (const [area, qs] of Object.entries(AREA_QUESTIONS)) if (qs.includes(q)) return area;
  throw new Error(`Q${q} has no area in CATALOG.md`);
}

/** CATALOG.md option lists: 'aspect' questions with their aspect letters, 'band' questions a–e; plus standard options. */
export interface SpecQuestionOptions {
  readonly scoring: 'aspect' | 'band';
  readonly scoringIds: readonly string[];
  readonly standard: readonly string[];
}

const ARB = [4, 5, 6, 7, 8, 9, 11];
const BAND_U = [3, 10, 19, 20];
const BAND_N = [16, 17, 18, 21, 23, 24, 25, 26, 27, 39];

export function specOptionsOf(q: number): SpecQuestionOptions {
  if (ARB.includes(q)) return { scoring: 'aspect', scoringIds: ['a', 'b', 'c', 'd', 'e'], standard: ['u', 'n'] };
  if (BAND_U.includes(q)) return { scoring: 'band', scoringIds: ['a', 'b', 'c', 'd', 'e'], standard: ['u', 'n'] };
  if (BAND_N.includes(q)) return { scoring: 'band', scoringIds: ['a', 'b', 'c', 'd', 'e'], standard: ['n'] };
  if (q === 37) return { scoring: 'aspect', scoringIds: ['a', 'b', 'c', 'd', 'e', 'f'], standard: ['y', 'n'] };
  return { scoring: 'aspect', scoringIds: ['a', 'b', 'c', 'd', 'e'], standard: ['y', 'n'] };
}

export const BAND_QUESTIONS = [...BAND_U, ...BAND_N].sort((a, b) => a - b);

/** MODEL.md: band a = 5 … e = 1. */
export const BAND_POINTS: Readonly<Record<string, number>> = { a: 5, b: 4, c: 3, d: 2, e: 1 };
export const BAND_FOR_POINTS: Readonly<Record<number, string>> = { 5: 'a', 4: 'b', 3: 'c', 2: 'd', 1: 'e' };

export const ALL_QUESTIONS = Array.from({ length: 40 }, (_, i) => i + 1);

/**
 * The MODEL.md overall level rule written independently of src:
 * level n needs level n−1, every Qn question ≥ n, total over all ≥ Kn, osäker among answered Qn ≤ allowed.
 */
export function referenceLevel(points: readonly number[], uncertain: readonly boolean[]): number {
  const total = points.reduce((s, p) => s + p, 0);
  let level = 0;
  for (let n = 1; n <= 4; n++) {
    const qn = ALL_QUESTIONS.filter((q) => specLevelOf(q) <= n);
    const minOk = qn.every((q) => points[q - 1] >= n);
    const totalOk = total >= K[n];
    const certOk = qn.filter((q) => uncertain[q - 1]).length <= U_ALLOWED[n];
    if (!(minOk && totalOk && certOk)) break;
    level = n;
  }
  return level;
}

/** MODEL.md "Indicative level per work area", independently of src. */
export function referenceAreaLevel(area: string, points: readonly number[]): number {
  const qs = AREA_QUESTIONS[area];
  const total = qs.reduce((s, q) => s + points[q - 1], 0);
  let level = 0;
  for (let n = 1; n <= 4; n++) {
    const fn = qs.filter((q) => specLevelOf(q) <= n);
    const required = Math.ceil(fn.length * (n + 0.5));
    if (!(fn.every((q) => points[q - 1] >= n) && total >= required)) break;
    level = n;
  }
  return level;
}

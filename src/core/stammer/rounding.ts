/**
 * Integer arithmetic of the stammer-mean-v1 model (ITSAK.md §4): values are carried as hundredths
 * (100–400), never as floats, so 299,5 rounds to 300 on every machine and "2,83" is exact.
 */

/** rnd(p, q) = ⌊(2p + q) / (2q)⌋ for p ≥ 0, q > 0: p/q rounded half up (all values are positive). */
export function rnd(p: number, q: number): number {
  if (!Number.isInteger(p) || !Number.isInteger(q) || p < 0 || q <= 0) throw new RangeError(`rnd needs integers p ≥ 0 and q > 0, got ${p}, ${q}`);
  return Math.floor((2 * p + q) / (2 * q));
}

/** The level of a value in hundredths: a threshold, not the nearest level (3,98 is level 3). */
export function levelOf(hundredths: number): number {
  return Math.floor(hundredths / 100);
}

/** 283 → "2,83": two decimals and a decimal comma, from the integer (never toFixed on a float). */
export function formatHundredths(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  return `${whole},${String(rest).padStart(2, '0')}`;
}

/** Kn = ceil(Fn · (n + 0.5)) (MSB, seed 003 §3.3.2), in integers to avoid float surprises. */
export function pointsRequired(questionCount: number, level: number): number {
  return Math.ceil((questionCount * (2 * level + 1)) / 2);
}

/** Osäker answers allowed among the questions of level ≤ n: floor(Un · Fn) (project rule). */
export function uncertainAllowed(questionCount: number, share: number): number {
  // Round before flooring so 0.15 · 37 = 5.55 and 0.5 · 15 = 7.5 are not hurt by binary fractions.
  return Math.floor(Math.round(questionCount * share * 1e9) / 1e9);
}

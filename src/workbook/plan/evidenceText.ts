import type { EvidenceRule } from '../../core/answers/strictEvidence';

const list = (questions: readonly number[]) => questions.map((q) => `F${q}`).join(', ');

/**
 * "Säker kräver underlag" as the Resultat sheet and `infosak score` word it (issue 13): on, how many
 * answers it made osäker; off, only when some säker answers lack underlag (else nothing to say).
 */
export function evidenceText(rule: EvidenceRule): string | undefined {
  const n = rule.affected.length;
  if (rule.strict) {
    if (n === 0) return 'På – inga svar påverkas (alla säkra svar har underlag)';
    return `På – ${n} ${n === 1 ? 'svar räknas som osäkert' : 'svar räknas som osäkra'} (${list(rule.affected)})`;
  }
  if (n === 0) return undefined;
  return `Av (${n} ${n === 1 ? 'säkert svar saknar' : 'säkra svar saknar'} underlag: ${list(rule.affected)})`;
}

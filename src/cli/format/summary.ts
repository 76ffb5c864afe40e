import type { Catalog } from '../../core/catalog/types';
import type { EvidenceRule } from '../../core/answers/strictEvidence';
import type { ScoreResult } from '../../core/scoring/score';
import { describeIssue } from '../../i18n';
import { boxes } from '../../workbook/plan/actionPlan';
import { evidenceText } from '../../workbook/plan/evidenceText';

/** The readable Swedish summary printed by `infosak score` without --json. */
export function summaryText(catalog: Catalog, r: ScoreResult, evidence?: EvidenceRule): string {
  const lines: string[] = [];
  const org = r.organisation.name ? `${r.organisation.name}: ` : '';
  const level = catalog.levels[r.level];
  lines.push(`${org}${r.level === 0 ? 'Under nivå 1' : `Nivå ${r.level} – ${level.name.sv}`}`);
  lines.push(`  ${level.description.sv}`);
  lines.push(
    `Poäng ${r.totalPoints} av ${r.maxPoints} · åtgärder ${r.measures.done} av ${r.measures.possible} · ` +
      `besvarade frågor ${r.answeredCount} av ${r.questions.length} (${r.uncertainCount} osäkra)`,
  );
  // Issue 13: what "Säker kräver underlag" did (on), or would do (off, when some säker answers lack underlag).
  const rule = evidence ? evidenceText(evidence) : undefined;
  if (rule) lines.push(`Säker kräver underlag: ${rule.charAt(0).toLowerCase()}${rule.slice(1)}`);
  lines.push('');
  lines.push('Arbetsområden (indikativ nivå, poäng):');
  for (const a of r.areas) lines.push(`  ${a.id}  ${a.name.sv.padEnd(52)} nivå ${a.level}  ${a.points}/${a.maxPoints} p`);
  lines.push('');
  const n = r.nextLevel;
  if (n) {
    lines.push(`Till nivå ${n.level}:`);
    lines.push(`  Poäng som saknas till ${n.pointsRequired}: ${n.missingPoints}`);
    if (n.belowMinimum.length)
      lines.push(`  Frågor under minimikravet (${n.level} p): ${n.belowMinimum.map((b) => `F${b.number} (${b.points} p)`).join(', ')}`);
    if (n.uncertainOverLimit) lines.push(`  Osäkra bedömningar som behöver bli säkra: ${n.uncertainOverLimit}`);
    lines.push(`  Minsta antal ytterligare åtgärder: ${n.cheapestAdditionalMeasures}`);
    for (const s of n.steps) {
      lines.push(`    F${s.number} (${s.area}): ${s.fromPoints} → ${s.toPoints} p – ${boxes(s)}${s.hasInputError ? ' (rätta först felet i svaret)' : ''}`);
    }
  } else lines.push('Högsta nivån är nådd: fortsätt att följa upp och förbättra.');
  if (r.forwardLooking.length) lines.push(`Under utveckling (framåtblickande): ${r.forwardLooking.map((q) => `F${q}`).join(', ')}`);
  lines.push('');
  lines.push(
    r.regulationIndicated
      ? 'MSBFS 2020:6: Svaren indikerar att kraven uppfylls (nivå 3 eller högre).'
      : 'MSBFS 2020:6: Svaren indikerar ännu inte att kraven uppfylls (kräver nivå 3).',
  );
  lines.push(`Resultattal: ${r.resultattal}`);
  if (r.errors.length) {
    lines.push('');
    lines.push(`Fel i svaren (${r.errors.length}; frågorna räknas som obesvarade):`);
    for (const e of r.errors) lines.push(`  - ${describeIssue(e)}`);
  }
  if (r.warnings.length) {
    lines.push('');
    lines.push(`Varningar (${r.warnings.length}):`);
    for (const w of r.warnings) lines.push(`  - ${describeIssue(w)}`);
  }
  return lines.join('\n');
}

/**
 * The It-säkkollen result (stammer-mean-v1, issue 12) for the command line: the `--json` contract
 * of the issue and the readable Swedish summary.
 */
import { areasLowestFirst, type StammerResult } from '../../core/stammer/score';
import type { StammerCatalog } from '../../core/stammer/types';
import { describeIssue, type Locale } from '../../i18n';
import type { LocatedIssue } from '../../workbook/read';
import { contextText, levelText, valueText } from '../../workbook/stammer/results';

/** An issue in the contract's shape: {code, statement, sheet?, cell?, message}. */
export function statementIssueJson(i: LocatedIssue, locale: Locale = 'sv') {
  return {
    code: i.code,
    statement: i.statement ?? null,
    ...(i.sheet ? { sheet: i.sheet } : {}),
    ...(i.cell ? { cell: i.cell } : {}),
    message: describeIssue(i, locale),
  };
}

/** The core's issues as located issues without a place (an answers file has no cells). */
export const unlocated = (r: StammerResult): { errors: LocatedIssue[]; warnings: LocatedIssue[] } => ({
  errors: r.errors.map((e) => ({ severity: 'error', code: e.code, statement: e.statement, option: e.option, params: e.params })),
  warnings: r.warnings.map((e) => ({ severity: 'warning', code: e.code, statement: e.statement, option: e.option, params: e.params })),
});

/**
 * `score --json` for this model: {catalog, model, valueHundredths, level, levelName, answered, areas,
 * statements, actionList, context, errors, warnings}; valueHundredths and level are null when nothing is answered.
 */
export function stammerResultJson(r: StammerResult, issues: { errors: readonly LocatedIssue[]; warnings: readonly LocatedIssue[] }, locale: Locale = 'sv') {
  return {
    catalog: r.catalog,
    model: r.model,
    valueHundredths: r.valueHundredths,
    level: r.level,
    levelName: r.levelName ? r.levelName[locale] : null,
    answered: r.answered,
    areas: r.areas.map((a) => ({ id: a.id, name: a.name[locale], valueHundredths: a.valueHundredths, level: a.level, answered: a.answered, total: a.total })),
    statements: r.statements.map((s) => ({ id: s.id, area: s.area, value: s.value })),
    actionList: r.actionList,
    context: Object.fromEntries(r.context.map((c) => [c.id, c.selected])),
    errors: issues.errors.map((i) => statementIssueJson(i, locale)),
    warnings: issues.warnings.map((i) => statementIssueJson(i, locale)),
  };
}

/** The readable Swedish summary printed by `infosak score` without --json. */
export function stammerSummaryText(catalog: StammerCatalog, r: StammerResult): string {
  const lines: string[] = [];
  const org = r.organisation.name ? `${r.organisation.name}: ` : '';
  lines.push(r.valueHundredths === null ? `${org}Inget resultat: inga påståenden besvarade` : `${org}${valueText(r.valueHundredths)} – ${levelText(catalog, r.level)}`);
  lines.push(`  ${r.answered} av ${r.total} påståenden besvarade, ${r.areasWithValue} av ${r.areas.length} arbetsområden med värde (${catalog.name.sv})`);
  lines.push('');
  lines.push('Arbetsområden (lägsta värde först):');
  for (const a of areasLowestFirst(r)) {
    lines.push(`  ${a.id}  ${a.name.sv.padEnd(56)} ${valueText(a.valueHundredths).padStart(4)}  ${a.level === null ? '–     ' : `nivå ${a.level}`}  ${a.answered} av ${a.total}`);
  }
  lines.push('');
  lines.push(r.actionList.length ? `Åtgärdslista (stämmer inte eller knappt): ${r.actionList.join(', ')}` : 'Åtgärdslista: inga påståenden stämmer inte eller knappt.');
  if (r.unanswered.length) lines.push(`Obesvarade påståenden: ${r.unanswered.join(', ')}`);
  for (const c of contextText(catalog, r)) lines.push(`${c.label}: ${c.answer}`);
  lines.push('');
  lines.push(catalog.footer.sv);
  return lines.join('\n');
}

import type { StammerCatalogSpec } from './schema';
import type { ScaleStep, StammerCatalog, Statement } from './types';

/** A catalog data file of the stammer model as JSON gives it (context questions may be left out). */
export type StammerCatalogData = Omit<StammerCatalogSpec, 'context'> & { readonly context?: StammerCatalogSpec['context'] };

/**
 * Builds the catalog from its data file: option sets expanded, consistency checked, lookups made.
 * No schema is parsed here (zod stays out of the task pane, issue 14): the data file is checked
 * against its schema by loadStammerCatalog in the tests (test/core/stammer/catalog.test.ts).
 */
export function expandStammerCatalog(spec: StammerCatalogData): StammerCatalog {
  const context = spec.context ?? [];
  const problems: string[] = [];
  const areaIds = new Set(spec.areas.map((a) => a.id));
  const ids = new Set<string>();
  const unique = (id: string, where: string) => {
    if (ids.has(id)) problems.push(`${where}: id ${id} repeats (ids are unique across statements, context questions and areas)`);
    ids.add(id);
  };
  for (const a of spec.areas) unique(a.id, `areas.${a.id}`);

  for (const [name, steps] of Object.entries(spec.optionSets)) {
    // The scale is ordered: its values are 1, 2, … in order, so a mean of values is meaningful.
    steps.forEach((s, i) => s.value !== i + 1 && problems.push(`optionSets.${name}.${i}: values must be 1, 2, 3 … in order`));
    if (new Set(steps.map((s) => s.id)).size !== steps.length) problems.push(`optionSets.${name}: option ids repeat`);
  }
  const statements: Statement[] = spec.statements.map((s, index) => {
    const where = `statements.${index} (${s.id})`;
    unique(s.id, where);
    if (!areaIds.has(s.area)) problems.push(`${where}: unknown work area ${s.area}`);
    const scale: ScaleStep[] | undefined = spec.optionSets[s.optionSet];
    if (!scale) problems.push(`${where}: unknown option set ${s.optionSet}`);
    return {
      id: s.id,
      area: s.area,
      text: s.text,
      help: s.help,
      msbfs: s.msbfs.map((r) => ({ regulation: r.regulation ?? spec.regulation, ref: r.ref, basis: r.basis })),
      scale: scale ?? [],
    };
  });
  for (const a of spec.areas) {
    const sets = new Set(spec.statements.filter((s) => s.area === a.id).map((s) => s.optionSet));
    if (sets.size === 0) problems.push(`areas.${a.id}: the work area has no statement`);
    // An area's sheet has one column per step: its statements share one scale.
    if (sets.size > 1) problems.push(`areas.${a.id}: the statements of a work area must use one option set`);
  }
  if (new Set(spec.areas.map((a) => a.sheet.toLowerCase())).size !== spec.areas.length) problems.push('areas: sheet names repeat (Excel ignores case)');
  for (const c of context) {
    unique(c.id, `context.${c.id}`);
    if (new Set(c.options.map((o) => o.id)).size !== c.options.length) problems.push(`context.${c.id}: option ids repeat`);
  }
  const maxValue = Math.max(...Object.values(spec.optionSets).map((steps) => steps.length));
  const levels = [...spec.levels].sort((a, b) => a.level - b.level);
  // Level = floor of the value (ITSAK.md §4): one named level per step of the scale.
  if (levels.length !== maxValue || levels.some((l, i) => l.level !== i + 1)) problems.push(`levels: must be 1 … ${maxValue} once each`);
  if (problems.length) throw new Error(`Catalog ${spec.id} is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const byId = new Map(statements.map((s) => [s.id, s]));
  const byArea = new Map(spec.areas.map((a) => [a.id, a]));
  const byContext = new Map(context.map((c) => [c.id, c]));
  return {
    model: spec.model,
    id: spec.id,
    revision: spec.revision,
    name: spec.name,
    shortName: spec.shortName,
    source: spec.source,
    published: spec.published,
    regulation: spec.regulation,
    about: spec.about,
    footer: spec.footer,
    levels,
    areas: spec.areas,
    statements,
    context,
    statement: (id) => byId.get(id),
    area: (id) => byArea.get(id),
    contextQuestion: (id) => byContext.get(id),
  };
}

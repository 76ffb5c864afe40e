import { CatalogSpec } from './schema';
import type { Catalog, Option, Question } from './types';

export class CatalogError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length ? `${message}:\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
    this.name = 'CatalogError';
  }
}

/**
 * Parses and checks a catalog data file, then expands option sets and standard options.
 * A broken catalog fails loudly here, with every problem and its path, never later in scoring.
 */
export function loadCatalog(data: unknown): Catalog {
  const parsed = CatalogSpec.safeParse(data);
  if (!parsed.success) {
    throw new CatalogError(
      'The catalog does not match its schema',
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const spec = parsed.data;
  const problems: string[] = [];
  const areaIds = new Set(spec.areas.map((a) => a.id));
  const bandPoints = spec.rules.bandPoints;

  const questions: Question[] = spec.questions.map((q, index) => {
    const where = `questions.${index} (Q${q.number})`;
    if (q.number !== index + 1) problems.push(`${where}: questions must be numbered 1, 2, 3 … in order`);
    if (!areaIds.has(q.area)) problems.push(`${where}: unknown work area ${q.area}`);
    const fromSet = q.optionSet ? spec.optionSets[q.optionSet] : [];
    if (q.optionSet && !fromSet) problems.push(`${where}: unknown option set ${q.optionSet}`);
    const options: Option[] = [...(fromSet ?? []), ...q.options].map((o) => ({
      id: o.id,
      kind: o.kind,
      text: o.text,
      points: o.kind === 'band' ? (bandPoints[o.id] ?? 0) : o.kind === 'aspect' ? 1 : 0,
    }));
    for (const s of q.standard) {
      options.push({ id: s, kind: s, text: q.standardText?.[s] ?? spec.standardOptions[s], points: 0 });
    }
    const ids = options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) problems.push(`${where}: option ids repeat (${ids.join(', ')})`);
    const kinds = new Set(options.filter((o) => o.kind === 'aspect' || o.kind === 'band').map((o) => o.kind));
    if (kinds.size !== 1) problems.push(`${where}: needs scoring options of exactly one kind (aspect or band)`);
    for (const o of options) {
      if (o.kind === 'band' && !(o.id in bandPoints)) problems.push(`${where}: band option ${o.id} has no points`);
      if ((o.kind === 'y' || o.kind === 'u' || o.kind === 'n') && o.id !== o.kind)
        problems.push(`${where}: standard option ${o.kind} must have id ${o.kind}`);
    }
    return {
      number: q.number,
      level: q.level,
      area: q.area,
      text: q.text,
      help: q.help,
      unit: q.unit,
      activity: q.activity,
      scoring: kinds.has('band') ? 'band' : 'aspect',
      options,
    };
  });

  const levels = [...spec.levels].sort((a, b) => a.level - b.level);
  if (levels.some((l, i) => l.level !== i)) problems.push('levels: must be 0, 1, 2, 3, 4 once each');
  const maxLevel = Math.max(...questions.map((q) => q.level));
  for (let n = 1; n <= maxLevel; n++) {
    for (const area of spec.areas) {
      if (n === 1 && !questions.some((q) => q.area === area.id && q.level === 1))
        problems.push(`areas.${area.id}: every work area needs a level-1 question`);
    }
  }
  if (problems.length) throw new CatalogError(`Catalog ${spec.id} is inconsistent`, problems);

  const byNumber = new Map(questions.map((q) => [q.number, q]));
  const byArea = new Map(spec.areas.map((a) => [a.id, a]));
  return {
    model: spec.model,
    id: spec.id,
    revision: spec.revision,
    name: spec.name,
    source: spec.source,
    published: spec.published,
    maxPointsPerQuestion: spec.rules.maxPointsPerQuestion,
    uncertainShare: spec.rules.uncertainShare,
    benchmark: spec.rules.benchmark,
    levels,
    areas: spec.areas,
    questions,
    validationQuestions: spec.validationQuestions,
    maxLevel,
    question: (n) => byNumber.get(n),
    area: (id) => byArea.get(id),
  };
}

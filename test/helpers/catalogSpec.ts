/** A small, valid catalog data file (the same format as src/catalogs/*.json) for synthetic tests. */

const t = (sv: string) => ({ sv, en: `${sv} (en)` });

export interface SmallQuestion {
  readonly level: number;
  readonly area: string;
  readonly kind: 'aspect' | 'band';
  /** Number of aspects (aspect questions). Default 5. */
  readonly aspects?: number;
  readonly standard?: ('y' | 'u' | 'n')[];
}

export function smallCatalogSpec(questions: readonly SmallQuestion[], areas: readonly string[] = ['AA', 'BB']): Record<string, any> {
  return {
    id: 'test-small',
    revision: 1,
    locale: 'sv-SE',
    name: t('Testkatalog'),
    source: 'test',
    published: '2024-01-01',
    rules: {
      maxPointsPerQuestion: 5,
      uncertainShare: [0.5, 0.3, 0.15, 0.05],
      bandPoints: { a: 5, b: 4, c: 3, d: 2, e: 1 },
    },
    levels: [0, 1, 2, 3, 4].map((level) => ({ level, name: t(`Nivå ${level}`), short: t(`N${level}`), description: t(`Beskrivning ${level}`) })),
    areas: areas.map((id) => ({ id, name: t(`Område ${id}`) })),
    optionSets: {
      BAND: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, kind: 'band', text: t(`Band ${id}`) })),
    },
    standardOptions: { y: t('Ja, men'), u: t('Under utveckling'), n: t('Nej') },
    questions: questions.map((q, i) => ({
      number: i + 1,
      level: q.level,
      area: q.area,
      text: t(`Fråga ${i + 1}`),
      ...(q.kind === 'band'
        ? { optionSet: 'BAND' }
        : { options: 'abcdef'.slice(0, q.aspects ?? 5).split('').map((id) => ({ id, kind: 'aspect', text: t(`Aspekt ${id}`) })) }),
      standard: q.standard ?? ['n'],
      activity: t(`Aktivitet ${i + 1}`),
    })),
    validationQuestions: [],
  };
}

/** A deep copy that tests may break. */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

import { z } from 'zod';

/** A text in the catalog: Swedish first, English beside it (STYLE 6). */
export const Text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

export const OptionKind = z.enum(['aspect', 'band', 'y', 'u', 'n']);

/** One answer option as written in the data file. Band points follow from the letter (MODEL.md). */
export const OptionSpec = z
  .object({
    id: z.string().regex(/^[a-z]$/),
    kind: OptionKind,
    text: Text,
  })
  .strict();

export const QuestionSpec = z
  .object({
    number: z.number().int().min(1),
    level: z.number().int().min(1).max(4),
    area: z.string().min(2),
    text: Text,
    help: Text.optional(),
    /** Option set declared once at the top (ARB, BAND); its options come before `options`. */
    optionSet: z.string().optional(),
    /** What a band share is a share of, e.g. "verksamheter". */
    unit: Text.optional(),
    options: z.array(OptionSpec).default([]),
    /** Standard options appended after the others, in this order. */
    standard: z.array(z.enum(['y', 'u', 'n'])).default([]),
    /** Overrides the standard option text for this question (e.g. Q1's y). */
    standardText: z.partialRecord(z.enum(['y', 'u', 'n']), Text).optional(),
    /** Short name of an action-plan activity that raises this question (Handlingsplan). */
    activity: Text,
  })
  .strict();

export const CatalogSpec = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The scoring model (issue 12): this schema is the leveled-points model of MODEL.md; others have their own. */
    model: z.literal('leveled-points-v1').default('leveled-points-v1'),
    revision: z.number().int().min(1),
    locale: z.string(),
    name: Text,
    source: z.string(),
    published: z.string(),
    rules: z
      .object({
        maxPointsPerQuestion: z.number().int().positive(),
        /** Share of osäker answers allowed among the questions of level ≤ n, for n = 1…4 (project rule). */
        uncertainShare: z.array(z.number().min(0).max(1)).length(4),
        /** Points of each band letter (MODEL.md: a = 5 … e = 1). */
        bandPoints: z.record(z.string().regex(/^[a-z]$/), z.number().int().min(1)),
        /** Benchmarks (MODEL.md "Benchmarks", project rules): the smallest group shown, and "30 bästa". */
        benchmark: z
          .object({
            minMembers: z.number().int().min(2),
            bestCount: z.number().int().min(1),
            bestMinMembers: z.number().int().min(1),
          })
          .strict()
          .default({ minMembers: 5, bestCount: 30, bestMinMembers: 60 }),
      })
      .strict(),
    levels: z
      .array(z.object({ level: z.number().int().min(0).max(4), name: Text, short: Text, description: Text }).strict())
      .length(5),
    areas: z.array(z.object({ id: z.string().min(2), name: Text }).strict()).min(1),
    optionSets: z.record(z.string(), z.array(OptionSpec).min(1)),
    standardOptions: z.object({ y: Text, u: Text, n: Text }).strict(),
    questions: z.array(QuestionSpec).min(1),
    validationQuestions: z
      .array(z.object({ id: z.string().regex(/^V\d+b?$/), text: Text, help: Text.optional() }).strict())
      .default([]),
  })
  .strict();

export type CatalogSpec = z.infer<typeof CatalogSpec>;
export type TextSpec = z.infer<typeof Text>;

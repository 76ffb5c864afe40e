import { z } from 'zod';
import { Text } from '../catalog/schema';

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
const SheetName = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^:\\/?*[\]']([^:\\/?*[\]]*[^:\\/?*[\]'])?$/, 'not a valid Excel sheet name');

export const ScaleStepSpec = z.object({ id: z.string().regex(/^[a-z][a-z0-9]*$/), value: z.number().int().min(1), text: Text }).strict();

export const StatementSpec = z
  .object({
    id: z.string().regex(/^[A-Z]+\d+$/),
    area: z.string().min(2),
    /** The option set (declared once under optionSets) the statement is answered on. */
    optionSet: z.string(),
    text: Text,
    help: Text.optional(),
    msbfs: z
      .array(
        z
          .object({
            /** Another regulation than the catalog's, e.g. "MSBFS 2020:6". */
            regulation: z.string().optional(),
            ref: z.string().min(1),
            basis: z.enum(['T', 'M', 'K', '6']),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** A catalog data file of the stammer-mean-v1 model (ITSAK.md). */
export const StammerCatalogSpec = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    model: z.literal('stammer-mean-v1'),
    revision: z.number().int().min(1),
    locale: z.string(),
    name: Text,
    shortName: Text,
    source: z.string(),
    published: z.string(),
    regulation: z.string(),
    about: Text,
    footer: Text,
    optionSets: z.record(z.string(), z.array(ScaleStepSpec).min(2)),
    levels: z.array(z.object({ level: z.number().int().min(1), name: Text, source: z.string() }).strict()).min(1),
    areas: z.array(z.object({ id: z.string().regex(/^[A-Z]{2,}$/), name: Text, sheet: SheetName }).strict()).min(1),
    statements: z.array(StatementSpec).min(1),
    context: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Z]+\d+$/),
            text: Text,
            help: Text.optional(),
            options: z.array(z.object({ id: z.string().regex(/^[a-z]$/), text: Text }).strict()).min(2),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type StammerCatalogSpec = z.infer<typeof StammerCatalogSpec>;

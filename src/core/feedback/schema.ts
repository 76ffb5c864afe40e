import { z } from 'zod';
import { Text } from '../catalog/schema';

/** Feedback texts for one catalog, kept as data (issue 2, item 4). */
export const FeedbackSpec = z
  .object({
    $schema: z.string().optional(),
    catalog: z.string(),
    /** Per overall level 0–4: what the level means for the organisation, and the next step. */
    levels: z.record(z.enum(['0', '1', '2', '3', '4']), z.object({ meaning: Text, nextStep: Text }).strict()),
    /** Per work area: what it is about, and feedback for "not yet level 1", "level 1–2", "level 3–4". */
    areas: z.record(
      z.string(),
      z.object({ about: Text, below1: Text, level12: Text, level34: Text }).strict(),
    ),
    /** Questions management should ask its CISO (seed 001), each tied to work areas. */
    managementQuestions: z
      .array(z.object({ topic: Text, question: Text, areas: z.array(z.string()).min(1) }).strict())
      .min(1),
  })
  .strict();
export type FeedbackSpec = z.infer<typeof FeedbackSpec>;

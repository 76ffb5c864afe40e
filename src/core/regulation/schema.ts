import { z } from 'zod';

const Paragraph = z
  .object({
    id: z.string(),
    rubrik: z.string(),
    assessable: z.boolean(),
    documentation: z.boolean().default(false),
    unassessedPoints: z.array(z.enum(['p1', 'p2', 'p3', 'p4', 'p5'])).default([]),
    blocking: z.array(z.object({ q: z.number().int(), min: z.number().int().min(1).max(3) }).strict()),
    textChecks: z.array(z.object({ q: z.number().int(), option: z.string(), kind: z.enum(['F', 'AR']) }).strict()),
    coverage: z.array(z.object({ q: z.number().int(), expected: z.literal('a'), scope: z.string() }).strict()),
    supporting: z.array(z.number().int()),
    indicators: z.array(z.string()).default([]),
    confidence: z.enum(['high', 'medium', 'low']).nullable(),
    note: z.string(),
  })
  .strict();

export const RegulationSpec = z
  .object({
    $comment: z.string().optional(),
    regulation: z.string(),
    designation: z.string(),
    catalog: z.string(),
    issuer: z.string(),
    paragraphs: z.array(Paragraph).min(1),
  })
  .strict();

export type RegulationSpec = z.infer<typeof RegulationSpec>;
export type ParagraphSpec = z.infer<typeof Paragraph>;

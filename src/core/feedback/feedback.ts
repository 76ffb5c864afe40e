import { feedbackSpecOf } from '../catalog/registry';
import type { Catalog, Text } from '../catalog/types';
import type { ScoreResult } from '../scoring/score';
import type { FeedbackSpec } from './schema';

/** The feedback texts of a catalog (src/catalogs/*.feedback.json, validated when built). */
export function findFeedback(catalogId: string): FeedbackSpec | undefined {
  return feedbackSpecOf(catalogId);
}

export interface AreaFeedback {
  readonly area: string;
  readonly name: Text;
  readonly level: number;
  readonly about: Text;
  /** The text for the area's band: not yet level 1, level 1–2, or level 3–4. */
  readonly text: Text;
}

export interface Feedback {
  readonly level: { readonly level: number; readonly name: Text; readonly description: Text; readonly meaning: Text; readonly nextStep: Text };
  readonly areas: readonly AreaFeedback[];
  readonly managementQuestions: FeedbackSpec['managementQuestions'];
}

/** Feedback for a result: the level's meaning and next step, and per work area the text for its band. */
export function feedbackFor(catalog: Catalog, result: ScoreResult): Feedback {
  const spec = findFeedback(catalog.id);
  if (!spec) throw new Error(`No feedback texts for catalog ${catalog.id}`);
  const info = catalog.levels[result.level];
  const levelTexts = spec.levels[String(result.level) as '0'];
  return {
    level: { level: result.level, name: info.name, description: info.description, ...levelTexts },
    areas: result.areas.map((a) => {
      const texts = spec.areas[a.id];
      if (!texts) throw new Error(`No feedback texts for work area ${a.id}`);
      return {
        area: a.id,
        name: a.name,
        level: a.level,
        about: texts.about,
        text: a.level === 0 ? texts.below1 : a.level <= 2 ? texts.level12 : texts.level34,
      };
    }),
    managementQuestions: spec.managementQuestions,
  };
}

import type { ReactNode } from 'react';
import { Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useAreaListStyles } from './areaListStyles';
import type { Catalog } from '../../core/catalog/types';
import type { ScoreResult } from '../../core/scoring/score';
import { LevelMeter } from './LevelMeter';
import { Section } from './Section';
import { useText } from './useText';

const useStyles = makeStyles({
  // The level text goes below the tile when there is no room beside it (200 % zoom).
  hero: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  tile: {
    flexShrink: 0,
    width: '56px',
    height: '56px',
    borderRadius: tokens.borderRadiusLarge,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: '30px',
    fontWeight: tokens.fontWeightBold,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  tileLow: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  heroText: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0, flex: '1 1 140px' },
  level: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase600, margin: 0 },
  levelName: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  description: { color: tokens.colorNeutralForeground2 },
  regulation: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  // Two columns where they fit, one at 200 % zoom.
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalS },
  fact: {
    display: 'flex',
    flexDirection: 'column-reverse',
    justifyContent: 'flex-end',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    margin: 0,
  },
  factValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, margin: 0 },
  factLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase200 },
  steps: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  step: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
  },
  // Everything in a step wraps: the question and the boxes to tick are what the user acts on, so they
  // are shown in full rather than cut off with the rest in a hover title (not reachable by keyboard or touch).
  stepHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  stepTitle: { fontWeight: tokens.fontWeightSemibold },
  stepArea: { color: tokens.colorNeutralForeground3 },
  stepPoints: { marginLeft: 'auto', fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  stepText: { color: tokens.colorNeutralForeground2 },
  stepAction: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  stepVerb: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  options: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  optionId: { fontWeight: tokens.fontWeightSemibold },
});

export interface ResultViewProps {
  readonly catalog: Catalog;
  readonly result: ScoreResult;
  /** '' = all areas */
  readonly area: string;
  /** "Säker kräver underlag" and its switch (issue 13), shown with the level it can change. */
  readonly evidenceSetting?: ReactNode;
}

/** The level with its description, area levels, quick facts and the cheapest path to the next level. */
export function ResultView({ catalog, result, area, evidenceSetting }: ResultViewProps) {
  const s = useStyles();
  const areaList = useAreaListStyles();
  const { t, f, locale } = useText();
  const info = catalog.levels.find((l) => l.level === result.level);
  const heading = result.level === 0 ? t.result.belowLevel1 : f(t.result.level, { level: result.level });
  const areas = result.areas.filter((a) => !area || a.id === area);
  const next = result.nextLevel;
  const steps = next ? next.steps.filter((st) => !area || st.area === area) : [];
  const areaName = (id: string) => catalog.area(id)?.name[locale] ?? id;

  return (
    <>
      <Section title={t.result.heading}>
        <div className={s.hero}>
          <div className={mergeClasses(s.tile, result.level === 0 && s.tileLow)} aria-hidden>
            {result.level}
          </div>
          <div className={s.heroText}>
            <Text as="h3" className={s.level} data-testid="result-level">
              {heading}
            </Text>
            {info && result.level > 0 && <Text className={s.levelName}>{info.short[locale]}</Text>}
            <Caption1 className={s.muted}>
              {f(t.result.points, { points: result.totalPoints, max: result.maxPoints })} ·{' '}
              {f(t.result.answeredCount, { answered: result.answeredCount, total: result.questions.length, uncertain: result.uncertainCount })}
            </Caption1>
          </div>
        </div>
        {info && <Text size={200} className={s.description}>{info.description[locale]}</Text>}
        {result.regulationIndicated && <div className={s.regulation}>{t.result.regulation}</div>}
        {!next && <Text>{t.result.maxLevel}</Text>}
        {evidenceSetting}
      </Section>

      <Section title={t.result.areas}>
        {areas.length === 0 ? (
          <Caption1>{t.result.noAreas}</Caption1>
        ) : (
          <ul className={areaList.list} aria-label={t.result.areas}>
            {areas.map((a) => (
              <li key={a.id} className={areaList.area}>
                <span className={areaList.areaName}>
                  <span>{a.name[locale]}</span>
                  <Caption1 className={s.muted}>{f(t.result.areaPoints, { points: a.points, max: a.maxPoints })}</Caption1>
                </span>
                <span className={areaList.areaMeter}>
                  <LevelMeter level={a.level} max={catalog.maxLevel} />
                  <span className={areaList.areaValue}>{a.level === 0 ? t.result.areaBelow : f(t.result.areaLevel, { level: a.level })}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {next ? (
        <>
          <Section title={f(t.result.nextLevel, { level: next.level })}>
            <dl className={s.facts}>
              {(
                [
                  [t.result.missingPoints, next.missingPoints],
                  [t.result.belowMinimum, next.belowMinimum.length],
                  [t.result.uncertainOverLimit, next.uncertainOverLimit],
                  [t.result.cheapestMeasures, next.cheapestAdditionalMeasures],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className={s.fact}>
                  <dt className={s.factLabel}>{label}</dt>
                  <dd className={s.factValue}>{value}</dd>
                </div>
              ))}
            </dl>
          </Section>
          <Section title={f(t.result.path, { level: next.level })}>
            {next.steps.length === 0 ? (
              <Caption1>{t.result.pathEmpty}</Caption1>
            ) : steps.length === 0 ? (
              <Caption1>{t.result.pathFiltered}</Caption1>
            ) : (
              <ol className={s.steps}>
                {steps.map((st) => {
                  const q = catalog.question(st.number);
                  const option = (id: string) => q?.options.find((o) => o.id === id)?.text[locale];
                  const change = (verb: string, ids: readonly string[]) =>
                    ids.length > 0 && (
                      <span className={s.stepAction}>
                        <span className={s.stepVerb}>{f(verb, { options: ids.join(', ') })}</span>
                        <ul className={s.options}>
                          {ids.map((id) => (
                            <li key={id}>
                              <span className={s.optionId}>{id}</span> {option(id) ?? ''}
                            </li>
                          ))}
                        </ul>
                      </span>
                    );
                  return (
                    <li key={st.number} className={s.step}>
                      <div className={s.stepHead}>
                        <span className={s.stepTitle}>{f(t.result.question, { number: st.number })}</span>
                        <Badge size="small" appearance="tint" color={st.reason === 'belowMinimum' ? 'severe' : 'brand'}>
                          {st.reason === 'belowMinimum' ? t.result.reasonBelowMinimum : t.result.reasonMorePoints}
                        </Badge>
                        <span className={s.stepPoints}>{f(t.result.stepPoints, { from: st.fromPoints, to: st.toPoints })}</span>
                      </div>
                      {!area && <span className={s.stepArea}>{areaName(st.area)}</span>}
                      {q && <span className={s.stepText}>{q.text[locale]}</span>}
                      {change(t.result.untick, st.untick)}
                      {change(t.result.tick, st.tick)}
                    </li>
                  );
                })}
              </ol>
            )}
          </Section>
        </>
      ) : null}
    </>
  );
}

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../core/catalog/types';
import type { Comparison } from '../../core/compare/compare';
import { useFollowUpText } from './useFollowUpText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  figures: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ComparisonViewProps {
  readonly catalog: Catalog;
  readonly comparison: Comparison;
  readonly fromDate: string;
  /** "Varför ändrades nivån?" worded. */
  readonly why: string;
  /** How many area changes to show, largest first. */
  readonly areas?: number;
}

/** A saved measurement → the current answers: level, points and measures before → after, why, and the largest area changes. */
export function ComparisonView({ catalog, comparison: c, fromDate, why, areas = 3 }: ComparisonViewProps) {
  const s = useStyles();
  const { t, f, u, locale } = useFollowUpText();
  const level = (n: number) => (n === 0 ? t.result.belowLevel1 : f(t.result.level, { level: n }));
  const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
  const changes = c.areas
    .map((a) => ({ ...a, delta: a.pointsTo - a.pointsFrom }))
    .filter((a) => a.delta !== 0 || a.levelFrom !== a.levelTo)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, areas);
  const areaName = (id: string) => catalog.areas.find((a) => a.id === id)?.name[locale] ?? id;
  return (
    <div className={s.root} data-testid="comparison">
      <Text as="h3" className={s.heading}>
        {f(u.comparison.title, { date: fromDate })}
      </Text>
      <dl className={s.figures}>
        <dt className={s.term}>{u.comparison.level}</dt>
        <dd className={s.value} data-testid="comparison-level">
          {f(u.comparison.beforeAfter, { from: level(c.from.level), to: level(c.to.level) })}
        </dd>
        <dt className={s.term}>{u.comparison.points}</dt>
        <dd className={s.value}>{`${f(u.comparison.beforeAfter, { from: c.from.totalPoints, to: c.to.totalPoints })} (${signed(c.to.totalPoints - c.from.totalPoints)})`}</dd>
        <dt className={s.term}>{u.comparison.measures}</dt>
        <dd className={s.value}>{`${f(u.comparison.beforeAfter, { from: c.from.measures, to: c.to.measures })} (${signed(c.to.measures - c.from.measures)})`}</dd>
      </dl>
      <Text as="h4" className={s.heading}>
        {u.comparison.why}
      </Text>
      <Text data-testid="comparison-why">{why}</Text>
      <Text as="h4" className={s.heading}>
        {u.comparison.areas}
      </Text>
      {changes.length ? (
        <ul className={s.list}>
          {changes.map((a) => (
            <li key={a.id}>{f(u.comparison.areaLine, { area: areaName(a.id), from: a.pointsFrom, to: a.pointsTo, delta: signed(a.delta) })}</li>
          ))}
        </ul>
      ) : (
        <Text>{u.comparison.noAreaChange}</Text>
      )}
    </div>
  );
}

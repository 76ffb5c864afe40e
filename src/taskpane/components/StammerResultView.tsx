import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useAreaListStyles } from './areaListStyles';
import { formatHundredths } from '../../core/stammer/rounding';
import { areasLowestFirst, type StammerResult } from '../../core/stammer/score';
import type { StammerCatalog } from '../../core/stammer/types';
import { LevelMeter } from './LevelMeter';
import { Section } from './Section';
import { useText } from './useText';

const useStyles = makeStyles({
  value: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase600, margin: 0 },
  levelName: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  statements: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  statement: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
  },
  statementHead: { fontWeight: tokens.fontWeightSemibold },
  footer: { color: tokens.colorNeutralForeground2 },
});

/**
 * The result of a catalog of statements (issue 12, ITSAK.md §4): the overall value and level, the
 * areas lowest first, the Åtgärdslista, the unanswered statements and the mandatory footer.
 */
export function StammerResultView({ catalog, result }: { readonly catalog: StammerCatalog; readonly result: StammerResult }) {
  const s = useStyles();
  const areaList = useAreaListStyles();
  const { t, f, locale } = useText();
  const top = catalog.levels[catalog.levels.length - 1].level;
  const levelName = (level: number | null) => {
    const info = level === null ? undefined : catalog.levels.find((l) => l.level === level);
    return info ? f(t.statements.levelName, { level: info.level, name: info.name[locale] }) : '';
  };
  const statementText = (id: string) => catalog.statement(id)?.text[locale] ?? '';
  const areaName = (id: string) => catalog.area(id)?.name[locale] ?? id;
  const stepText = (id: string) => {
    const st = result.statements.find((x) => x.id === id);
    return catalog.statement(id)?.scale.find((x) => x.id === st?.selected)?.text[locale] ?? '';
  };
  const unanswered = result.unanswered;
  const areas = areasLowestFirst(result);

  return (
    <>
      <Section title={t.result.heading}>
        <Text as="h3" className={s.value} data-testid="stammer-value">
          {result.valueHundredths === null ? t.statements.noResult : f(t.statements.value, { value: formatHundredths(result.valueHundredths) })}
        </Text>
        {result.valueHundredths === null ? (
          <Text>{t.statements.noResultBody}</Text>
        ) : (
          <Text className={s.levelName} data-testid="stammer-level">
            {levelName(result.level)}
          </Text>
        )}
        <Caption1 className={s.muted}>{f(t.statements.answeredCount, { answered: result.answered, total: result.total })}</Caption1>
      </Section>

      <Section title={t.statements.areas}>
        <ul className={areaList.list} aria-label={t.statements.areas}>
          {areas.map((a) => (
            <li key={a.id} className={areaList.area}>
              <span className={areaList.areaName}>
                <span>{a.name[locale]}</span>
                <Caption1 className={s.muted}>{f(t.statements.areaAnswered, { answered: a.answered, total: a.total })}</Caption1>
              </span>
              <span className={areaList.areaMeter}>
                {a.level !== null && <LevelMeter level={a.level} max={top} />}
                <span className={areaList.areaValue}>{a.valueHundredths === null ? t.statements.areaNone : f(t.statements.areaValue, { value: formatHundredths(a.valueHundredths) })}</span>
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t.statements.actionList}>
        {result.actionList.length === 0 ? (
          <Caption1>{t.statements.actionListEmpty}</Caption1>
        ) : (
          <>
            <Caption1>{t.statements.actionListIntro}</Caption1>
            <ol className={s.statements} aria-label={t.statements.actionList}>
              {result.actionList.map((id) => (
                <li key={id} className={s.statement}>
                  <span className={s.statementHead}>
                    {id} · {stepText(id)}
                  </span>
                  <span>{statementText(id)}</span>
                  <span className={s.muted}>{areaName(catalog.statement(id)?.area ?? '')}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </Section>

      <Section title={t.statements.unanswered}>
        {unanswered.length === 0 ? (
          <Caption1>{t.statements.unansweredNone}</Caption1>
        ) : (
          <ul className={s.statements} aria-label={t.statements.unanswered}>
            {unanswered.map((id) => (
              <li key={id} className={s.statement}>
                <span className={s.statementHead}>{id}</span>
                <span>{statementText(id)}</span>
                <span className={s.muted}>{areaName(catalog.statement(id)?.area ?? '')}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Text size={200} className={s.footer} data-testid="stammer-footer">
        {catalog.footer[locale]}
      </Text>
    </>
  );
}

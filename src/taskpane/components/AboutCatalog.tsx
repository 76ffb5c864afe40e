import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { StammerCatalog } from '../../core/stammer/types';
import { Section } from './Section';
import { useText } from './useText';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  body: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Om katalogen" (ITSAK.md §1.3): where the statements come from. They are the project's own
 * wording after MSBFS 2020:7, not MSB's questions, and the pane must say so: shown in full, as text,
 * never only in a hover title.
 */
export function AboutCatalog({ catalog }: { readonly catalog: StammerCatalog }) {
  const s = useStyles();
  const { t, locale } = useText();
  return (
    <Section title={t.catalog.about}>
      <Text className={s.name}>{catalog.name[locale]}</Text>
      <Text size={200} className={s.body}>
        {catalog.about[locale]}
      </Text>
    </Section>
  );
}

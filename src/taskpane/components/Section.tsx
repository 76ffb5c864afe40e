import { useId, type ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { NARROW_PANE } from '../theme';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    [NARROW_PANE]: { padding: tokens.spacingHorizontalS },
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300, margin: 0 },
});

/** A titled card; the title is a heading that names the region, so screen-reader users can jump between sections. */
export function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const s = useStyles();
  const id = useId();
  return (
    <section className={s.root} aria-labelledby={id}>
      <Text as="h2" id={id} className={s.title}>
        {title}
      </Text>
      {children}
    </section>
  );
}

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'inline-flex', columnGap: '2px' },
  segment: { width: '10px', height: '10px', borderRadius: '2px', backgroundColor: tokens.colorNeutralBackground5 },
  on: { backgroundColor: tokens.colorBrandBackground },
});

/** Four squares, filled up to the level: reads at a glance, and the level is also given as text beside it. */
export function LevelMeter({ level, max = 4 }: { readonly level: number; readonly max?: number }) {
  const s = useStyles();
  return (
    <span className={s.root} aria-hidden>
      {Array.from({ length: max }, (_, i) => (
        <span key={i} className={mergeClasses(s.segment, i < level && s.on)} />
      ))}
    </span>
  );
}

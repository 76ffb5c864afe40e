import { useEffect, useId, useState } from 'react';
import { Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { EvidenceRule } from '../../core/answers/strictEvidence';
import { useText } from './useText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  hint: { color: tokens.colorNeutralForeground3 },
  // At 200 % zoom the pane is 160 CSS px: the label goes under the switch rather than into a sliver beside it.
  switch: { display: 'flex', flexWrap: 'wrap', alignItems: 'center' },
  switchLabel: { flexGrow: 1, flexBasis: '8em', minWidth: 0 },
});

export interface EvidenceSettingProps {
  /** The rule the shown result was computed with. */
  readonly evidence: EvidenceRule;
  /** Sets "Säker kräver underlag" on Start (Ja / Nej) and computes again. */
  readonly onChange: (strict: boolean) => void;
  /** The pane is working: a change is not taken now. */
  readonly busy: boolean;
}

/**
 * "Säker kräver underlag" (issue 13): on or off, how many answers it affects (or would), and a
 * switch. While the new result is computed the switch shows the choice; if nothing is written
 * (the user cancels, the write is refused) it shows the rule of the result again.
 */
export function EvidenceSetting({ evidence, onChange, busy }: EvidenceSettingProps) {
  const s = useStyles();
  const { t, f } = useText();
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => {
    if (!busy) setPending(null);
  }, [busy, evidence]);
  const n = evidence.affected.length;
  const line = f(t.evidence.line, {
    state: evidence.strict ? t.evidence.on : t.evidence.off,
    affected: n === 1 ? t.evidence.affectedOne : f(t.evidence.affected, { count: n }),
  });
  return (
    <div className={s.root}>
      {/* Not disabled while the pane works (a disabled control drops focus to <body>): a change then is ignored. */}
      <Switch
        checked={pending ?? evidence.strict}
        className={s.switch}
        label={{ children: t.evidence.label, className: s.switchLabel }}
        aria-describedby={id}
        onChange={(_event, data) => {
          if (busy) return;
          setPending(data.checked);
          onChange(data.checked);
        }}
      />
      <Caption1 id={id} data-testid="evidence-line">
        {line}
      </Caption1>
      <Caption1 className={s.hint}>{t.evidence.hint}</Caption1>
    </div>
  );
}

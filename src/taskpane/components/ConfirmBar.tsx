import { useEffect, useId, useRef } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { describeIssue } from '../../i18n';
import type { LocatedIssue } from '../../workbook/read';
import { useText } from './useText';

const useStyles = makeStyles({
  body: { whiteSpace: 'normal' },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface ConfirmBarProps {
  /** The 'user-object-dropped' issues: what of the user's the write would remove. */
  readonly dropped: readonly LocatedIssue[];
  readonly onProceed: () => void;
  readonly onCancel: () => void;
  readonly disabled?: boolean;
}

/** Asks before a write that would drop the user's charts, pictures or shapes from the product's sheets. */
export function ConfirmBar({ dropped, onProceed, onCancel, disabled }: ConfirmBarProps) {
  const s = useStyles();
  const { t, locale } = useText();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // An alertdialog takes focus when it appears (WAI-ARIA APG), on the choice that loses nothing.
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={t.confirm.title} aria-describedby={`${bodyId} ${bodyId}-list`}>
      <MessageBarBody className={s.body}>
        <MessageBarTitle>{t.confirm.title}</MessageBarTitle>
        <span id={bodyId}>{t.confirm.body}</span>
        <ul className={s.list} id={`${bodyId}-list`}>
          {dropped.map((issue, i) => (
            <li key={i}>{describeIssue(issue, locale)}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={onProceed} disabled={disabled}>
          {t.confirm.proceed}
        </Button>
        <Button ref={cancelRef} size="small" onClick={onCancel} disabled={disabled}>
          {t.confirm.cancel}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

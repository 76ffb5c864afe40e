import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { PaneMessages } from '../i18n';
import type { Refusal } from '../model';
import { useText } from './useText';

const useStyles = makeStyles({ body: { whiteSpace: 'normal' } });

/** What the user must change for the write to go through, worded from the located refusal (STYLE 5). */
export function refusalText(refusal: Refusal, t: PaneMessages, f: (s: string, p: Record<string, string | number>) => string): string {
  switch (refusal.code) {
    case 'sheet-password-protected':
      return f(t.refusal.sheetPassword, { sheet: refusal.sheet });
    case 'workbook-structure-protected':
      return f(t.refusal.structure, { sheet: refusal.sheet });
    case 'name-taken':
      return refusal.sheet ? f(t.refusal.nameTakenOnSheet, { name: refusal.name, sheet: refusal.sheet }) : f(t.refusal.nameTaken, { name: refusal.name });
    case 'sheet-too-large':
      return f(t.refusal.tooLarge, { sheet: refusal.sheet, cell: refusal.cell });
  }
}

/** The workbook refused the write before anything was written: why, what to do, and that nothing changed. */
export function RefusalBar({ refusal }: { readonly refusal: Refusal }) {
  const s = useStyles();
  const { t, f } = useText();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={s.body}>
        <MessageBarTitle>{t.refusal.title}</MessageBarTitle>
        {refusalText(refusal, t, f)} {t.refusal.nothingChanged}
      </MessageBarBody>
    </MessageBar>
  );
}

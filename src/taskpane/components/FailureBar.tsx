import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneMessages } from '../i18n';
import type { Stage } from '../model';
import { useText } from './useText';

/** A failure as the UI gets it: the stage it happened in and the error (an OfficeExtension.Error has a code). */
export interface Failure {
  readonly stage: Stage;
  readonly error: unknown;
  readonly sheet?: string;
  readonly cell?: string;
}

const useStyles = makeStyles({
  details: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, wordBreak: 'break-word' },
  body: { whiteSpace: 'normal' },
});

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function failureText(failure: Failure, t: PaneMessages, f: (s: string, p: Record<string, string | number>) => string): { what: string; why?: string; kept?: string } {
  const what =
    failure.stage === 'select'
      ? f(t.failure.select, { sheet: failure.sheet ?? '', cell: failure.cell ?? '' })
      : { start: t.failure.start, read: t.failure.read, insert: t.failure.insert, compute: t.failure.compute, write: t.failure.write }[failure.stage];
  const code = codeOf(failure.error);
  const why =
    code === 'AccessDenied'
      ? t.failure.accessDenied
      : code === 'BadPassword'
        ? t.failure.password
        : code === 'InvalidOperationInCellEditMode'
          ? t.failure.cellEditMode
          : undefined;
  // A write that failed half-way: the plan never clears what the user made (update mode), so say so.
  const kept = failure.stage === 'write' ? t.failure.writeKept : undefined;
  return { what, why, kept };
}

export interface FailureBarProps {
  readonly failure: Failure;
  readonly onRetry?: () => void;
  readonly onDismiss: () => void;
}

/** Says what did not happen, why when we know, and the host's own message for support. */
export function FailureBar({ failure, onRetry, onDismiss }: FailureBarProps) {
  const s = useStyles();
  const { t, f } = useText();
  const { what, why, kept } = failureText(failure, t, f);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={s.body}>
        <MessageBarTitle>{t.failure.title}</MessageBarTitle>
        {what} {why} {kept}
        <span className={s.details}>{f(t.failure.details, { message: messageOf(failure.error) })}</span>
      </MessageBarBody>
      <MessageBarActions>
        {onRetry && (
          <Button size="small" onClick={onRetry}>
            {t.failure.retry}
          </Button>
        )}
        <Button size="small" appearance="subtle" onClick={onDismiss}>
          {t.failure.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

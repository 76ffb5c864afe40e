import { useEffect } from 'react';
import { FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { PaneLocale } from '../i18n';
import { FailureBar } from './FailureBar';
import { TextProvider, textContext } from './useText';

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalM } });

export interface StartFailureProps {
  readonly error: unknown;
  readonly locale?: PaneLocale;
  /** Reloads the pane (index.tsx passes location.reload). */
  readonly onRetry?: () => void;
}

/** What the pane shows when it could not start at all: the failure bar, with the host's message. */
export function StartFailure({ error, locale = 'sv', onRetry }: StartFailureProps) {
  const s = useStyles();
  // The failure may be worded in English: <html lang> says so to screen readers (App does the same).
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <TextProvider value={textContext(locale)}>
        <div className={s.root}>
          <FailureBar failure={{ stage: 'start', error }} onRetry={onRetry} onDismiss={() => undefined} />
        </div>
      </TextProvider>
    </FluentProvider>
  );
}

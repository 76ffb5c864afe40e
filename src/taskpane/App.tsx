import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { paneActions } from './actions';
import { followUpActions } from './followUpActions';
import { TaskPane } from './components/TaskPane';
import { TextProvider, textContext } from './components/useText';
import type { ExcelHost, WorkbookSummary } from './host';
import type { PaneLocale } from './i18n';

export interface AppProps {
  /** The workbook: Office.js in Excel, the memory Excel in the preview and in tests. */
  readonly host: ExcelHost;
  readonly locale?: PaneLocale;
  /** Follows the Office theme where the host tells it (index.tsx). */
  readonly theme?: 'light' | 'dark';
  /** Preview only: a read-only look at the in-memory workbook. */
  readonly summary?: () => WorkbookSummary;
}

/** The container: turns the host into the pane's actions and provides theme and texts. */
export function App({ host, locale: initialLocale = 'sv', theme = 'light', summary }: AppProps) {
  const [locale, setLocale] = useState<PaneLocale>(initialLocale);
  const actions = useMemo(() => paneActions(host), [host]);
  const followUp = useMemo(() => followUpActions(host), [host]);
  const texts = useMemo(() => textContext(locale), [locale]);
  // <html lang> drives screen readers' voice and hyphenation: it follows the language switch.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={locale}>
      <TextProvider value={texts}>
        <TaskPane actions={actions} onLocaleChange={setLocale} summary={summary} followUp={followUp} />
      </TextProvider>
    </FluentProvider>
  );
}

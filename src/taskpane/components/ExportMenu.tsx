import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ExportFormat } from '../model';
import { Section } from './Section';
import { useText } from './useText';

const useStyles = makeStyles({
  body: { color: tokens.colorNeutralForeground2 },
  // Side by side where they fit, one under the other at 320 px and 200 % zoom.
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface ExportMenuProps {
  /**
   * Makes the file and hands it to the browser as a download; resolves with its name. Absent when
   * the catalog's model has no export yet: the section says so instead of offering buttons.
   */
  readonly onExport?: (format: ExportFormat) => Promise<string>;
  /** The catalog's name, for the "not available yet" text. */
  readonly catalogName: string;
  readonly disabled?: boolean;
}

/**
 * "Exportera" (issue 13): the answers and the result as JSON or CSV for reporting, downloaded by the
 * browser; nothing is sent anywhere. The outcome is said in a polite live region of its own, so the
 * focus stays on the button that was pressed.
 */
export function ExportMenu({ onExport, catalogName, disabled }: ExportMenuProps) {
  const s = useStyles();
  const { t, f } = useText();
  const [outcome, setOutcome] = useState<{ kind: 'done'; file: string } | { kind: 'failed'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (format: ExportFormat) => {
    if (!onExport) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', file: await onExport(format) });
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t.export.title}>
      {onExport ? (
        <>
          <Text size={200} className={s.body}>
            {t.export.body}
          </Text>
          <div className={s.buttons}>
            <Button onClick={() => void run('json')} disabledFocusable={disabled || busy}>
              {t.export.json}
            </Button>
            <Button onClick={() => void run('csv')} disabledFocusable={disabled || busy}>
              {t.export.csv}
            </Button>
          </div>
        </>
      ) : (
        <Text size={200} className={s.body}>
          {f(t.export.unavailable, { catalog: catalogName })}
        </Text>
      )}
      <div aria-live="polite" aria-atomic="true">
        {outcome?.kind === 'done' && <Text size={200}>{f(t.export.done, { file: outcome.file })}</Text>}
        {outcome?.kind === 'failed' && (
          <Text size={200} className={s.error}>
            {f(t.export.failed, { message: outcome.message })}
          </Text>
        )}
      </div>
    </Section>
  );
}

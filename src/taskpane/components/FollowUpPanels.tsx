import { useCallback, useEffect, useId, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { GroupId } from '../../core/benchmark/groups';
import type { Catalog } from '../../core/catalog/types';
import { describeIssue } from '../../i18n';
import type { BenchmarkRead, ChoiceOutcome, FollowUpActions, FollowUpState } from '../followUp';
import { PaneError, type Refusal } from '../model';
import type { LocatedIssue } from '../../workbook/read';
import type { TargetProblem } from '../../workbook/targetRequest';
import { BenchmarkPanel } from './BenchmarkPanel';
import { ConfirmBar } from './ConfirmBar';
import { FailureBar, type Failure } from './FailureBar';
import { HistoryPanel } from './HistoryPanel';
import { RefusalBar } from './RefusalBar';
import { TargetPicker, targetValue } from './TargetPicker';
import { useFollowUpText } from './useFollowUpText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface FollowUpPanelsProps {
  readonly actions: FollowUpActions;
  readonly catalog: Catalog;
  /** Something was written: the preview's summary is refreshed. */
  readonly onWritten?: () => void;
  /** Says a text in the pane's live region (one region for the whole pane). */
  readonly announce: (text: string) => void;
}

type Computed = Extract<ChoiceOutcome, { kind: 'computed' }>;

/** A chevron, drawn (decorative: the button carries the name and aria-expanded the state). */
function Chevron({ up }: { readonly up: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.25" strokeLinecap="round" aria-hidden focusable="false">
      <path d={up ? 'M3.5 10l4.5-4.5 4.5 4.5' : 'M3.5 6l4.5 4.5 4.5-4.5'} />
    </svg>
  );
}

/** Saved measurements, the benchmark and the target (issues 10 and 11), below the result. */
export function FollowUpPanels({ actions, catalog, onWritten, announce }: FollowUpPanelsProps) {
  const s = useStyles();
  const { f, u, locale } = useFollowUpText();
  const regionId = useId();
  const [state, setState] = useState<FollowUpState | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [historyBusy, setHistoryBusy] = useState(false);
  const setSaid = announce;
  // Collapsed until asked for: opening the pane and "Beräkna resultat" stay one Excel.run each.
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirm, setConfirm] = useState<{ dropped: readonly LocatedIssue[]; withBenchmark: boolean } | null>(null);
  const [benchmark, setBenchmark] = useState<Extract<BenchmarkRead, { kind: 'ok' }> | null>(null);
  const [group, setGroup] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [compared, setCompared] = useState<Computed['benchmark'] | null>(null);

  const fail = useCallback((error: unknown) => setFailure(error instanceof PaneError ? { stage: error.stage, error: error.cause } : { stage: 'read', error }), []);
  const read = useCallback(async () => {
    try {
      const next = await actions.read();
      setState(next);
      // The target the workbook remembers is the picker's choice until the user picks another.
      setTarget((prev) => prev ?? targetValue(next.target, catalog.maxLevel));
    } catch (error) {
      fail(error);
    }
  }, [actions, catalog.maxLevel, fail]);
  useEffect(() => {
    if (open) void read();
  }, [open, read]);

  const written = () => {
    void read();
    onWritten?.();
  };

  const problemText = (p: TargetProblem): string =>
    p.code === 'target-unknown'
      ? f(u.target.unknown, p.params)
      : p.code === 'target-needs-benchmark'
        ? f(u.target.needsBenchmark, { group: p.params.group })
        : describeIssue(p, locale);

  const computeWith = async (withBenchmark: boolean, allowDropped?: readonly LocatedIssue[]) => {
    setBusy(withBenchmark ? u.benchmark.comparing : u.target.computing);
    setSaid(withBenchmark ? u.benchmark.comparing : u.target.computing);
    setFailure(null);
    setProblem(null);
    setRefusal(null);
    setConfirm(null);
    try {
      const outcome = await actions.computeWith({
        target: target ?? undefined,
        ...(withBenchmark && benchmark ? { benchmark: { file: benchmark.benchmark, group: group || undefined } } : {}),
        allowDropped,
      });
      setSaid('');
      if (outcome.kind === 'confirm') setConfirm({ dropped: outcome.dropped, withBenchmark });
      else if (outcome.kind === 'blocked') setRefusal(outcome.refusal);
      else if (outcome.kind === 'problem') setProblem(problemText(outcome.problem));
      else if (outcome.kind === 'foreign') setProblem(describeIssue(outcome.issue, locale));
      else {
        setComputed(outcome);
        if (outcome.benchmark) setCompared(outcome.benchmark);
        const first = outcome.benchmark
          ? f(u.benchmark.resultTitle, { group: outcome.benchmark.comparison.group, members: outcome.benchmark.comparison.members })
          : outcome.target
            ? f(u.target.pathTitle, { target: outcome.target.label })
            : u.target.nextNote;
        const path = outcome.target && !outcome.target.path.reached ? ` ${f(u.target.summary, { measures: outcome.target.path.cheapestAdditionalMeasures, questions: outcome.target.path.steps.length })}` : '';
        setSaid(`${first}.${path}`);
        written();
      }
    } catch (error) {
      setSaid('');
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const pickFile = async (file: File) => {
    setProblem(null);
    setCompared(null);
    const got = await actions.readBenchmark(file);
    if (got.kind === 'ok') {
      setBenchmark(got);
      setGroup('');
      setSaid(f(u.benchmark.loaded, { name: got.name, source: got.benchmark.file.source, date: got.benchmark.file.date, members: got.benchmark.file.members }));
    } else {
      setBenchmark(null);
      const text = got.problem.code === 'benchmark-file-json' ? f(u.benchmark.invalidJson, { name: got.name, message: got.problem.params.message }) : `${got.name}: ${describeIssue(got.problem, locale)}`;
      setProblem(text);
    }
  };

  // Group targets need the group's answers: from the picked file, or the Benchmark sheet's group.
  const groups: GroupId[] = [
    ...(benchmark?.benchmark.file.groups.filter((g) => !g.refused && g.answers).map((g) => g.id) ?? []),
    ...(state?.rememberedGroup ? [state.rememberedGroup.group] : []),
  ];
  const off = busy !== null || historyBusy || confirm !== null;
  return (
    <div className={s.root}>
      <Button appearance="secondary" icon={<Chevron up={open} />} aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
        {u.panels.toggle}
      </Button>
      {open && (
      <div id={regionId} className={s.root}>
      {failure && <FailureBar failure={failure} onDismiss={() => setFailure(null)} />}
      {refusal && <RefusalBar refusal={refusal} />}
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {confirm && (
        <ConfirmBar
          dropped={confirm.dropped}
          disabled={busy !== null}
          onProceed={() => void computeWith(confirm.withBenchmark, confirm.dropped)}
          onCancel={() => setConfirm(null)}
        />
      )}
      {busy && <Spinner size="tiny" labelPosition="after" label={busy} />}
      <TargetPicker
        catalog={catalog}
        value={target ?? 'nästa'}
        onChange={setTarget}
        groups={groups}
        onShow={() => void computeWith(false)}
        disabled={off}
        path={computed?.target ?? null}
        remembered={state?.target}
      />
      <BenchmarkPanel
        catalog={catalog}
        loaded={benchmark}
        group={group}
        onGroupChange={setGroup}
        onFile={(file) => void pickFile(file)}
        onCompare={() => void computeWith(true)}
        disabled={off}
        result={compared ?? null}
      />
      <HistoryPanel
        actions={actions}
        catalog={catalog}
        state={state}
        disabled={busy !== null || confirm !== null}
        announce={setSaid}
        onBusy={setHistoryBusy}
        onWritten={written}
        onFailure={fail}
      />
      </div>
      )}
    </div>
  );
}

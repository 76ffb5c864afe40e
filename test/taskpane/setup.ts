/**
 * Shared by the jsdom task pane tests: what jsdom lacks for Fluent UI, and ExcelHost fakes over the
 * memory Excel (the same host wiring as the browser preview, so the tests run the real adapter).
 */
import { MemoryExcelError, type MemoryExcel } from '../../src/adapters/officejs/memory/memoryExcel';
import type { ExcelHost } from '../../src/taskpane/host';
import { officeHost } from '../../src/taskpane/officeHost';
import { configure } from '@testing-library/react';

/** Fluent's motion and tabster ask for these; jsdom has neither. */
export function polyfillDom(): void {
  // The pane's steps are real work on the memory Excel; with the corpus running beside these tests
  // on two cores, Testing Library's default 1 s for findBy/waitFor is too short (seen in CI).
  configure({ asyncUtilTimeout: 10_000 });
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
}

export interface RecordingHost extends ExcelHost {
  readonly selections: { sheet: string; cell: string }[];
  /** Makes the n-th run() from now reject with this error (0 = the next one). */
  failRun(n: number, error: unknown): void;
  readonly runs: number;
}

/** The preview's host over a memory Excel, recording selections and able to fail a chosen run. */
export function recordingHost(excel: MemoryExcel, mode: ExcelHost['mode'] = 'excel'): RecordingHost {
  const inner = officeHost(excel, mode);
  const selections: { sheet: string; cell: string }[] = [];
  const failures = new Map<number, unknown>();
  let runs = 0;
  return {
    mode,
    selections,
    get runs() {
      return runs;
    },
    failRun(n, error) {
      failures.set(runs + n, error);
    },
    run(fn) {
      const index = runs++;
      if (failures.has(index)) return Promise.reject(failures.get(index));
      return inner.run(fn);
    },
    async select(sheet, cell) {
      selections.push({ sheet, cell });
      await inner.select(sheet, cell);
    },
  };
}

export const accessDenied = (): MemoryExcelError => new MemoryExcelError('AccessDenied', 'The sheet is protected.');

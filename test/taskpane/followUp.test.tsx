/** @jest-environment jsdom */
/**
 * The pane's follow-up panels (issues 10 and 11) over the in-memory Excel: save a measurement,
 * compare with it, pick a benchmark file and compare, choose a target and see its path.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readGridOffice } from '../../src/adapters/officejs/readGrid';
import { buildBenchmark } from '../../src/core/benchmark/groups';
import { memberRecord } from '../../src/core/benchmark/member';
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import { score } from '../../src/core/scoring/score';
import { benchmarkFile } from '../../src/cli/format/benchmarkJson';
import { localToday } from '../../src/workbook/compute';
import { INPUT_SHEETS, SHEETS, levelSheet } from '../../src/workbook/layout';
import { compareSides, currentSide, savedSide } from '../../src/workbook/measurements';
import { whyText } from '../../src/workbook/plan/comparison';
import { App } from '../../src/taskpane/App';
import { followUpMessages } from '../../src/taskpane/i18n/followUp';
import { exampleExcel } from '../../src/taskpane/preview';
import { syntheticAnswers } from '../../scripts/benchmark/members';
import { polyfillDom, recordingHost } from './setup';

polyfillDom();
jest.setTimeout(30_000);

const catalog = findCatalog(DEFAULT_CATALOG)!;

/** The panels are collapsed until asked for (opening the pane stays one Excel.run). */
async function openPanels(): Promise<void> {
  const toggle = await screen.findByRole('button', { name: 'Uppföljning, benchmark och mål' });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
}

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

it('has the same follow-up texts in Swedish and English', () => {
  expect(keys(followUpMessages.en)).toEqual(keys(followUpMessages.sv));
});

describe('saved measurements in the pane (issue 10)', () => {
  it('saves, asks before replacing the same date, and compares the saved one with changed answers', async () => {
    const excel = await exampleExcel();
    render(<App host={recordingHost(excel)} />);
    const today = localToday();
    await openPanels();

    fireEvent.click(await screen.findByRole('button', { name: 'Spara mätning' }));
    expect((await screen.findAllByText(new RegExp(`Mätningen ${today} sparades i Historik`))).length).toBeGreaterThan(0);
    expect(excel.workbook.sheetNames()).toContain(SHEETS.history);
    expect(screen.getByRole('status').textContent).toMatch(/sparades i Historik/);

    // The same date again: asked first, nothing replaced until the user agrees.
    fireEvent.click(screen.getByRole('button', { name: 'Spara mätning' }));
    expect(await screen.findByText(new RegExp(`redan en mätning från ${today}`))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ersätt mätningen' }));
    expect((await screen.findAllByText(new RegExp(`Mätningen ${today} ersattes i Historik`))).length).toBeGreaterThan(0);

    // Change answers: untick every box of the level 1 questions, then compute.
    const sheet = excel.workbook.sheet(levelSheet(1));
    const values = sheet.values();
    values.forEach((row, i) => {
      if (typeof row[0] === 'string' && /^1\.\d+\.[a-z]$/.test(row[0]) && row[3]) sheet.setValues(`D${i + 1}`, [['']]);
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Beräkna resultat' }));
    await screen.findByTestId('result-level');

    const grid = await excel.run((ctx) => readGridOffice(ctx, INPUT_SHEETS));
    const from = savedSide(grid, today);
    const to = currentSide(grid);
    if (from.kind !== 'side' || to.kind !== 'side') throw new Error('sides');
    const compared = compareSides(from.side, to.side);
    if (compared.kind !== 'compared') throw new Error('not compared');
    const level = (n: number) => (n === 0 ? 'Under nivå 1' : `Nivå ${n}`);

    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Tidigare mätning' }) as HTMLSelectElement).value).toBe(today));
    fireEvent.click(screen.getByRole('button', { name: 'Jämför med tidigare mätning' }));
    const view = await screen.findByTestId('comparison');
    expect(within(view).getByTestId('comparison-level').textContent).toBe(`${level(compared.comparison.from.level)} → ${level(compared.comparison.to.level)}`);
    expect(within(view).getByTestId('comparison-why').textContent).toBe(whyText(compared.comparison));
    expect(within(view).getByText('Största förändringarna per arbetsområde')).toBeTruthy();
    expect(excel.workbook.sheetNames()).toContain(SHEETS.comparison);
  });
});

describe('benchmark and target in the pane (issue 11)', () => {
  const members = Array.from({ length: 12 }, (_, i) => memberRecord(score(catalog, syntheticAnswers(catalog, i, 9, 'kommun')), 'kommun', `k${i}`));
  const benchmark = benchmarkFile(buildBenchmark(catalog, members), '2026-02-01', 'Testkälla');
  const file = () => new File([JSON.stringify(benchmark)], 'benchmark.json', { type: 'application/json' });

  it('reads a picked benchmark file, compares, and follows the chosen target; the workbook remembers it', async () => {
    const excel = await exampleExcel();
    const { unmount } = render(<App host={recordingHost(excel)} />);
    await openPanels();

    const input = await screen.findByLabelText('Benchmarkfil');
    await act(async () => {
      fireEvent.change(input, { target: { files: [file()] } });
    });
    expect(await screen.findAllByText(/benchmark\.json: Testkälla, 2026-02-01 \(12 organisationer\)/)).toHaveLength(2);
    fireEvent.change(screen.getByRole('combobox', { name: 'Grupp att jämföra med' }), { target: { value: 'typkommun' } });
    fireEvent.click(screen.getByRole('button', { name: 'Jämför med benchmark' }));
    const result = await screen.findByTestId('benchmark-result');
    expect(result.textContent).toMatch(/Jämfört med Typkommun \(12 organisationer\)/);
    expect(result.textContent).toMatch(/Er totalpoäng i gruppens spridning/);
    expect(excel.workbook.sheetNames()).toContain(SHEETS.benchmark);

    const picker = () => screen.getByRole('combobox', { name: 'Mål' }) as HTMLSelectElement;
    fireEvent.change(picker(), { target: { value: 'nivå 4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Visa vägen till målet' }));
    await waitFor(() => expect(screen.getByTestId('target-path').textContent).toMatch(/Vägen till nivå 4/));
    const levelPath = screen.getByTestId('target-path').textContent;

    fireEvent.change(picker(), { target: { value: 'typkommun' } });
    fireEvent.click(screen.getByRole('button', { name: 'Visa vägen till målet' }));
    await waitFor(() => expect(screen.getByTestId('target-path').textContent).toMatch(/Vägen till Typkommun/));
    expect(screen.getByTestId('target-path').textContent).not.toBe(levelPath);
    unmount();

    // Opened again: the picker shows the target the workbook remembers (Nästa nivå row 3), and the
    // group's answers come from the Benchmark sheet without the file.
    render(<App host={recordingHost(excel)} />);
    await openPanels();
    expect(await screen.findByText('Arbetsboken minns målet typkommun.')).toBeTruthy();
    await waitFor(() => expect(picker().value).toBe('typkommun'));
    fireEvent.click(screen.getByRole('button', { name: 'Visa vägen till målet' }));
    await waitFor(() => expect(screen.getByTestId('target-path').textContent).toMatch(/Vägen till Typkommun/));
  });

  it('"Beräkna resultat" keeps the target the workbook remembers (Nästa nivå and Handlingsplan follow it)', async () => {
    const excel = await exampleExcel();
    render(<App host={recordingHost(excel)} />);
    await openPanels();
    const picker = () => screen.getByRole('combobox', { name: 'Mål' }) as HTMLSelectElement;
    fireEvent.change(picker(), { target: { value: 'nivå 4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Visa vägen till målet' }));
    await waitFor(() => expect(screen.getByTestId('target-path').textContent).toMatch(/Vägen till nivå 4/));
    const text = () => excel.workbook.sheet(SHEETS.nextLevel).values().flat().filter((v) => typeof v === 'string').join('\n');
    expect(text()).toMatch(/nivå 4/);
    fireEvent.click(screen.getByRole('button', { name: 'Beräkna resultat' }));
    await screen.findByTestId('result-level');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Beräkna resultat' }).hasAttribute('disabled')).toBe(false));
    expect(text()).toMatch(/Valt mål/);
    expect(text()).toMatch(/nivå 4/);
  });

  it('says what is wrong with a file that is not a benchmark', async () => {
    const excel = await exampleExcel();
    render(<App host={recordingHost(excel)} />);
    await openPanels();
    const input = await screen.findByLabelText('Benchmarkfil');
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(['{nope'], 'fel.json')] } });
    });
    expect(await screen.findByText(/fel\.json är inte giltig JSON/)).toBeTruthy();
  });
});

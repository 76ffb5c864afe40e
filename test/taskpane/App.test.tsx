/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryExcel, MemoryWorkbook } from '../../src/adapters/officejs/memory/memoryExcel';
import { readGridOffice } from '../../src/adapters/officejs/readGrid';
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import { computeFromWorkbook, localToday } from '../../src/workbook/compute';
import { INPUT_SHEETS, QUESTIONNAIRE_SHEETS, RESULT_SHEETS, levelSheet, optionId } from '../../src/workbook/layout';
import { App } from '../../src/taskpane/App';
import { paneActions } from '../../src/taskpane/actions';
import { officeHost } from '../../src/taskpane/officeHost';
import { exampleExcel, summaryOf } from '../../src/taskpane/preview';
import { accessDenied, polyfillDom, recordingHost } from './setup';

polyfillDom();
jest.setTimeout(20_000);

const catalog = findCatalog(DEFAULT_CATALOG)!;
const computeButton = () => screen.findByRole('button', { name: 'Beräkna resultat' });

/** The row of an id in column A of a sheet of the memory workbook. */
function rowOf(workbook: MemoryWorkbook, sheet: string, id: string): number {
  const values = workbook.sheet(sheet).values();
  const index = values.findIndex((row) => row[0] === id);
  if (index < 0) throw new Error(`${id} not on ${sheet}`);
  return index + 1;
}

describe('App without a questionnaire', () => {
  it('inserts the questionnaire sheets, then offers "Beräkna resultat" with empty progress', async () => {
    const excel = createMemoryExcel();
    const host = recordingHost(excel);
    render(<App host={host} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Infoga frågeformulär' }));

    await computeButton();
    expect(excel.workbook.sheetNames()).toEqual(['Blad1', ...QUESTIONNAIRE_SHEETS]);
    // Shown in the message bar and said once in the live region.
    expect(screen.getAllByText(/Frågeformuläret är infogat/)).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toMatch(/Frågeformuläret är infogat/);
    expect(screen.getByText(`0 av ${catalog.questions.length} frågor besvarade`)).toBeTruthy();
    // The user lands on the form.
    expect(host.selections).toEqual([{ sheet: 'Start', cell: 'A1' }]);
    expect(excel.workbook.activeSheet.name).toBe('Start');
  });

  it('refuses to insert over sheets that only share the questionnaire names, and writes nothing', async () => {
    const excel = createMemoryExcel({ workbook: new MemoryWorkbook(['Blad1', 'Start']) });
    excel.workbook.sheet('Start').setValues('A1', [['Vår egen startsida']]);
    const before = JSON.stringify(excel.workbook.snapshot());
    render(<App host={recordingHost(excel)} />);

    expect(await screen.findByText(/har redan blad med formulärets namn \(Start\)/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Infoga frågeformulär' })).toBeNull();
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before);
  });
});

describe('App with the example questionnaire', () => {
  it('computes: shows the level with its description and every area, and writes the result sheets', async () => {
    const excel = await exampleExcel();
    const expected = computeFromWorkbook(await excel.run((ctx) => readGridOffice(ctx, INPUT_SHEETS)), localToday());
    if (expected.kind !== 'computed') throw new Error('example is not a questionnaire');
    const host = recordingHost(excel);
    render(<App host={host} />);

    fireEvent.click(await computeButton());

    const heading = await screen.findByTestId('result-level');
    const level = expected.result.level;
    expect(heading.textContent).toBe(level === 0 ? 'Under nivå 1' : `Nivå ${level}`);
    expect(screen.getByText(catalog.levels[level].description.sv)).toBeTruthy();
    const areas = within(screen.getByRole('list', { name: 'Nivå per arbetsområde' })).getAllByRole('listitem');
    expect(areas).toHaveLength(catalog.areas.length);
    expected.result.areas.forEach((a, i) => {
      expect(areas[i].textContent).toContain(a.name.sv);
      expect(areas[i].textContent).toContain(a.level === 0 ? 'Under 1' : `Nivå ${a.level}`);
    });
    if (expected.result.nextLevel) {
      expect(screen.getByText(`Billigaste vägen till nivå ${expected.result.nextLevel.level}`)).toBeTruthy();
      expect(screen.getByText('Poäng som saknas').nextSibling?.textContent).toBe(String(expected.result.nextLevel.missingPoints));
    }
    for (const sheet of RESULT_SHEETS) expect(excel.workbook.findSheet(sheet)).toBeDefined();
    expect(screen.getByText(/Resultatet är skrivet till bladen Resultat/)).toBeTruthy();
  });

  it('computes in one Excel.run of 2 round trips: one load, one write', async () => {
    const excel = await exampleExcel();
    const host = recordingHost(excel);
    render(<App host={host} />);
    const button = await computeButton();
    for (const round of [1, 2]) {
      const contextsBefore = excel.contexts.length;
      fireEvent.click(button);
      if (round === 1) await screen.findByTestId('result-level');
      else await waitFor(() => expect(excel.contexts.length).toBe(contextsBefore + 1));
      // Busy = aria-disabled (disabledFocusable keeps focus on the button), never the disabled attribute.
      await waitFor(() => expect(screen.getByRole('button', { name: 'Beräkna resultat' }).getAttribute('aria-disabled')).not.toBe('true'));
      expect(excel.contexts.slice(contextsBefore).map((c) => c.syncCount)).toEqual([2]);
    }
  });

  it('the work-area filter narrows progress and the area results', async () => {
    render(<App host={recordingHost(await exampleExcel())} />);
    fireEvent.click(await computeButton());
    await screen.findByTestId('result-level');
    const area = catalog.areas[2];
    fireEvent.change(screen.getByRole('combobox', { name: 'Arbetsområde' }), { target: { value: area.id } });

    const areas = within(screen.getByRole('list', { name: 'Nivå per arbetsområde' })).getAllByRole('listitem');
    expect(areas).toHaveLength(1);
    expect(areas[0].textContent).toContain(area.name.sv);
    const total = catalog.questions.filter((q) => q.area === area.id).length;
    expect(screen.getByText(new RegExp(`^\\d+ av ${total} frågor besvarade$`))).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Per arbetsområde' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('lists input errors; clicking one selects its sheet and cell', async () => {
    const excel = await exampleExcel();
    const sheet = levelSheet(1);
    const row = rowOf(excel.workbook, sheet, optionId(1, 'a'));
    excel.workbook.sheet(sheet).setValues(`D${row}`, [['kanske']]);
    const host = recordingHost(excel);
    render(<App host={host} />);
    fireEvent.click(await computeButton());
    await screen.findByTestId('result-level');

    const entry = await screen.findByRole('button', { name: new RegExp(`^${sheet}!D${row} Fel markering "kanske"`) });
    fireEvent.click(entry);

    await waitFor(() => expect(host.selections).toEqual([{ sheet, cell: `D${row}` }]));
    await waitFor(() => expect(excel.workbook.selection.sheet.name).toBe(sheet));
    expect(screen.getByText('1 fel i svaren')).toBeTruthy();
  });

  it('a write that fails half-way says what failed and what is kept, and the retry succeeds', async () => {
    const excel = await exampleExcel();
    const host = recordingHost(excel);
    render(<App host={host} />);
    const button = await computeButton();
    // Fail an operation in the middle of the write batch (after the load's operations).
    const probe = createMemoryExcel({ workbook: excel.workbook.clone() });
    await paneActions(officeHost(probe)).compute();
    const [load, write] = probe.contexts[0].batchSizes.slice(-2);
    excel.faults.failAt = excel.faults.actionsRun + load + Math.floor(write / 2);
    fireEvent.click(button);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Resultatet beräknades men kunde inte skrivas till arbetsboken.');
    expect(alert.textContent).toContain('Dina egna blad och det du skrivit i handlingsplanen finns kvar.');
    expect(alert.textContent).toContain('Injected failure');
    expect(screen.queryByTestId('result-level')).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    await screen.findByTestId('result-level');
    expect(screen.queryByRole('alert')).toBeNull();
    for (const sheet of RESULT_SHEETS) expect(excel.workbook.findSheet(sheet)).toBeDefined();
  });

  it('a run Excel refuses as a whole says so, with the reason when Excel gives one', async () => {
    const excel = await exampleExcel();
    const host = recordingHost(excel);
    render(<App host={host} />);
    const button = await computeButton();
    host.failRun(0, accessDenied());
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Arbetsboken kunde inte läsas.');
    expect(alert.textContent).toContain('Ett blad är skyddat');
    for (const sheet of RESULT_SHEETS) expect(excel.workbook.findSheet(sheet)).toBeUndefined();
  });

  it('a workbook that cannot be read says so and offers a retry', async () => {
    const excel = await exampleExcel();
    const host = recordingHost(excel);
    host.failRun(0, new Error('The network went away'));
    render(<App host={host} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Arbetsboken kunde inte läsas.');
    expect(alert.textContent).toContain('The network went away');
    fireEvent.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    await computeButton();
  });

  it('a catalog this version does not know is named, and nothing is written', async () => {
    const excel = await exampleExcel();
    const start = excel.workbook.sheet('Start');
    const row = start.values().findIndex((r) => r[0] === 'Katalog-id') + 1;
    start.setValues(`B${row}`, [['infosakkollen-2031-v9']]);
    const before = JSON.stringify(excel.workbook.snapshot());
    render(<App host={recordingHost(excel)} />);
    expect(await screen.findByText(/Katalogen "infosakkollen-2031-v9" är okänd/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Beräkna resultat' })).toBeNull();
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before);
  });

  it('switches to English and back', async () => {
    render(<App host={recordingHost(await exampleExcel())} locale="en" />);
    await screen.findByRole('button', { name: 'Calculate result' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'SV – Svenska' }));
    });
    await computeButton();
  });

  it('the preview badge and workbook view show in preview mode', async () => {
    const excel = await exampleExcel();
    render(<App host={recordingHost(excel, 'preview')} summary={() => summaryOf(excel)} />);
    expect(await screen.findByText('Förhandsvisning – ingen Excel ansluten')).toBeTruthy();
    fireEvent.click(await computeButton());
    await screen.findByTestId('result-level');
    const sheets = within(screen.getByRole('list', { name: 'Arbetsboken i förhandsvisningen' })).getAllByRole('listitem');
    expect(sheets.map((li) => li.textContent?.split(' · ')[0])).toEqual(excel.workbook.sheetNames());
  });
});

/** @jest-environment jsdom */
/**
 * The pane's part of issue 12 (It-säkkollen: pick the catalog, tick, compute, see value, level and
 * areas) and of issue 13 ("Exportera": the JSON and CSV the browser downloads).
 */
import { TextDecoder } from 'util';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryExcel, type MemoryExcel } from '../../src/adapters/officejs/memory/memoryExcel';
import { readGridOffice } from '../../src/adapters/officejs/readGrid';
import type { AnswerSet } from '../../src/core/answers/types';
import { findAnyCatalog } from '../../src/core/catalog/models';
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import { formatHundredths } from '../../src/core/stammer/rounding';
import { areasLowestFirst, scoreStammer } from '../../src/core/stammer/score';
import type { StammerCatalog } from '../../src/core/stammer/types';
import { computeFromWorkbook, localToday } from '../../src/workbook/compute';
import { exportCsv, exportJson } from '../../src/workbook/export';
import { INPUT_SHEETS } from '../../src/workbook/layout';
import { cellAddress } from '../../src/workbook/plan/address';
import { HEADER_ROW, questionnaireSheets, resultSheets } from '../../src/workbook/stammer/layout';
import { App } from '../../src/taskpane/App';
import { exampleExcel, itsakkollenExcel } from '../../src/taskpane/preview';
import { CATALOG_MODELS } from '../../src/core/catalog/models';
import { allInputSheets } from '../../src/workbook/models';
import { polyfillDom, recordingHost } from './setup';

polyfillDom();
jest.setTimeout(30_000);

const ITSAK = 'itsakkollen-2023-msbfs2020-7-v1';
const itsak = findAnyCatalog(ITSAK) as StammerCatalog;

/** Ticks a step of a statement as a user would: an "x" in the step's column of the statement's row. */
function tick(excel: MemoryExcel, statement: string, step: string): void {
  const s = itsak.statement(statement)!;
  const sheet = excel.workbook.sheet(itsak.area(s.area)!.sheet);
  const values = sheet.values();
  const header = values[HEADER_ROW - 1].map((v) => String(v ?? '').trim().toLowerCase());
  const column = header.indexOf(s.scale.find((x) => x.id === step)!.text.sv.toLowerCase());
  const row = values.findIndex((r) => r.some((v) => v === statement));
  if (column < 0 || row < 0) throw new Error(`no cell for ${statement} ${step}`);
  sheet.setValues(cellAddress(row + 1, column + 1), [['x']]);
}

describe('It-säkkollen in the pane', () => {
  it('picks It-säkkollen, inserts it, says where the statements come from, and computes value, level and areas', async () => {
    const excel = createMemoryExcel();
    const host = recordingHost(excel);
    render(<App host={host} />);

    // Both catalogs are offered by name; the default is picked.
    const group = await screen.findByRole('radiogroup');
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(findCatalog(DEFAULT_CATALOG)!.name.sv)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(itsak.name.sv) }));
    fireEvent.click(screen.getByRole('button', { name: 'Infoga frågeformulär' }));

    await screen.findByRole('button', { name: 'Beräkna resultat' });
    expect(excel.workbook.sheetNames()).toEqual(['Blad1', ...questionnaireSheets(itsak)]);
    expect(host.selections).toEqual([{ sheet: 'Start', cell: 'A1' }]);
    expect(screen.getByText(`0 av ${itsak.statements.length} påståenden besvarade`)).toBeTruthy();
    // "Om katalogen" (ITSAK.md §1.3): the project's own statements, said as text.
    const about = screen.getByRole('region', { name: 'Om katalogen' });
    expect(about.textContent).toContain('It-säkkollen – egen tolkning efter MSBFS 2020:7');
    expect(about.textContent).toContain(itsak.about.sv);

    // The user ticks: every statement of the first area fully true, two of the second "stämmer inte".
    const first = itsak.statements.filter((s) => s.area === itsak.areas[0].id);
    const second = itsak.statements.filter((s) => s.area === itsak.areas[1].id).slice(0, 2);
    const answers: AnswerSet = { catalog: ITSAK, answers: {} };
    for (const s of first) {
      tick(excel, s.id, 's4');
      (answers.answers as Record<string, { selected: string[] }>)[s.id] = { selected: ['s4'] };
    }
    for (const s of second) {
      tick(excel, s.id, 's1');
      (answers.answers as Record<string, { selected: string[] }>)[s.id] = { selected: ['s1'] };
    }
    const expected = scoreStammer(itsak, answers);
    expect(expected.valueHundredths).not.toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Beräkna resultat' }));

    const value = await screen.findByTestId('stammer-value');
    expect(value.textContent).toBe(`Värde ${formatHundredths(expected.valueHundredths!)}`);
    const level = itsak.levels.find((l) => l.level === expected.level)!;
    expect(screen.getByTestId('stammer-level').textContent).toBe(`Nivå ${level.level} – ${level.name.sv}`);
    const areas = within(screen.getByRole('list', { name: 'Värde per arbetsområde, lägst först' })).getAllByRole('listitem');
    const lowest = areasLowestFirst(expected);
    expect(areas).toHaveLength(itsak.areas.length);
    lowest.forEach((a, i) => {
      expect(areas[i].textContent).toContain(a.name.sv);
      expect(areas[i].textContent).toContain(a.valueHundredths === null ? 'Inget värde' : `Värde ${formatHundredths(a.valueHundredths)}`);
    });
    // The Åtgärdslista names the statements answered "stämmer inte"; the unanswered ones are listed.
    const actions = within(screen.getByRole('list', { name: 'Åtgärdslista' })).getAllByRole('listitem');
    expect(actions.map((li) => li.textContent?.split(' ')[0])).toEqual(expected.actionList);
    expect(within(screen.getByRole('list', { name: 'Obesvarade påståenden' })).getAllByRole('listitem')).toHaveLength(expected.unanswered.length);
    expect(screen.getByTestId('stammer-footer').textContent).toBe(itsak.footer.sv);
    // Written, and said in the live region.
    for (const sheet of resultSheets(itsak)) expect(excel.workbook.findSheet(sheet)).toBeDefined();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(`värde ${formatHundredths(expected.valueHundredths!)}`));
    // No export for this model yet: the section says so, no buttons.
    expect(screen.getByText('Export finns ännu inte för It-säkkollen – egen tolkning efter MSBFS 2020:7.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exportera JSON' })).toBeNull();
  });

  it('computes with nothing answered: "Inget resultat"', async () => {
    const excel = createMemoryExcel();
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await screen.findByRole('radio', { name: new RegExp(itsak.name.sv) }));
    fireEvent.click(screen.getByRole('button', { name: 'Infoga frågeformulär' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Beräkna resultat' }));
    expect((await screen.findByTestId('stammer-value')).textContent).toBe('Inget resultat');
  });
});

describe('It-säkkollen preview workbook (src/examples/itsakkollen.answers.json)', () => {
  it('shows its progress per area, computes the value the workbook layer computes, and locates an input error', async () => {
    const excel = await itsakkollenExcel();
    // A typing mistake in a tick cell: an error that names its sheet and cell.
    const s = itsak.statements[0];
    const sheet = excel.workbook.sheet(itsak.area(s.area)!.sheet);
    const values = sheet.values();
    const header = values[HEADER_ROW - 1].map((v) => String(v ?? '').trim().toLowerCase());
    const column = header.indexOf(s.scale[1].text.sv.toLowerCase());
    const row = values.findIndex((r) => r.some((v) => v === s.id)) + 1;
    sheet.setValues(cellAddress(row, column + 1), [['kanske']]);
    const expected = computeFromWorkbook(await excel.run((ctx) => readGridOffice(ctx, allInputSheets())), localToday(), CATALOG_MODELS);
    if (expected.kind !== 'computed' || expected.model !== 'stammer-mean-v1') throw new Error('not It-säkkollen');
    const host = recordingHost(excel);
    render(<App host={host} />);

    expect(await screen.findByText(`${expected.result.answered} av ${itsak.statements.length} påståenden besvarade`)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Per arbetsområde' })).getAllByRole('listitem')).toHaveLength(itsak.areas.length);
    fireEvent.click(screen.getByRole('button', { name: 'Beräkna resultat' }));
    expect((await screen.findByTestId('stammer-value')).textContent).toBe(`Värde ${formatHundredths(expected.result.valueHundredths!)}`);

    const cell = cellAddress(row, column + 1);
    const entry = await screen.findByRole('button', { name: new RegExp(`^${sheet.name}!${cell} `) });
    fireEvent.click(entry);
    await waitFor(() => expect(host.selections).toEqual([{ sheet: sheet.name, cell }]));
  });
});

describe('Exportera (issue 13)', () => {
  const downloads: { name: string; blob: Blob }[] = [];
  let restore: () => void;
  beforeEach(() => {
    downloads.length = 0;
    const blobs = new Map<string, Blob>();
    const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
    const before = { create: url.createObjectURL, revoke: url.revokeObjectURL };
    url.createObjectURL = (b: Blob) => {
      const u = `blob:test/${blobs.size}`;
      blobs.set(u, b);
      return u;
    };
    url.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, blob: blobs.get(this.getAttribute('href')!)! });
    });
    restore = () => {
      url.createObjectURL = before.create;
      url.revokeObjectURL = before.revoke;
      click.mockRestore();
    };
  });
  afterEach(() => restore());

  const text = (blob: Blob): Promise<string> =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsText(blob, 'utf-8');
    });
  const bytes = (blob: Blob): Promise<Uint8Array> =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(blob);
    });

  it('downloads the JSON and the CSV of the computed result, exactly what export.ts makes', async () => {
    const excel = await exampleExcel();
    const expected = computeFromWorkbook(await excel.run((ctx) => readGridOffice(ctx, INPUT_SHEETS)), localToday());
    if (expected.kind !== 'computed') throw new Error('example is not a questionnaire');
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Beräkna resultat' }));
    await screen.findByTestId('result-level');
    expect(screen.getByText(/inget skickas någonstans/)).toBeTruthy();

    const jsonButton = screen.getByRole('button', { name: 'Exportera JSON' });
    jsonButton.focus();
    fireEvent.click(jsonButton);
    await waitFor(() => expect(downloads).toHaveLength(1));
    const today = localToday();
    expect(downloads[0].name).toBe(`infosakkollen-exempelkommun-${today}.json`);
    expect(downloads[0].blob.type).toBe('application/json;charset=utf-8');
    const json = await text(downloads[0].blob);
    expect(json).toBe(exportJson(expected.catalog, expected.answers, expected.result, today));
    expect(JSON.parse(json).result.level).toBe(expected.result.level);
    expect(await screen.findByText(`Filen infosakkollen-exempelkommun-${today}.json är nedladdad.`)).toBeTruthy();
    // The focus stays on the button that was pressed.
    expect(document.activeElement).toBe(jsonButton);

    fireEvent.click(screen.getByRole('button', { name: 'Exportera CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1].name).toBe(`infosakkollen-exempelkommun-${today}.csv`);
    const raw = await bytes(downloads[1].blob);
    // UTF-8 with a byte-order mark, so Swedish Excel opens it.
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(raw);
    expect(csv).toBe(exportCsv(expected.catalog, expected.answers, expected.result));
    expect(csv.split('\r\n')[0]).toBe('\uFEFFFråga;Arbetsområde;Nivå;Valda alternativ;Säkerhet;Poäng;Kommentar;Underlag');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(expected.catalog.questions.length + 1);
  });
});

/**
 * End-to-end: builds the pane (production code, office.js from node_modules), serves it from a local
 * static server and drives Debian's Chromium with playwright-core in preview mode. Nothing leaves
 * the machine: every request to another origin is aborted and fails the run.
 *
 *   npm run test:e2e          (tsx test/e2e/taskpane.e2e.ts; --no-build reuses test-artifacts/e2e-dist)
 * Screenshots: test-artifacts/taskpane.png (after "Beräkna resultat"), taskpane-start.png, -insert.png, -errors.png, -en.png,
 * -protected.png (a password-protected Handlingsplan), -userplan.png (after five recomputes).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildPane } from '../../scripts/build-pane';
import { serveDist } from '../../scripts/serve-dist';
import { findCatalog, DEFAULT_CATALOG } from '../../src/core/catalog/registry';
import { findStammerCatalog } from '../../src/core/stammer/registry';

const ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
const OUT = join(ARTIFACTS, 'e2e-dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A task pane is about 350 px wide in Excel on the web and desktop. */
const VIEWPORT = { width: 360, height: 900 };
export const TIMEOUT_MS = 20_000;

export interface Check {
  readonly name: string;
  readonly run: (page: Page) => Promise<void>;
  readonly url?: string;
  readonly locale?: string;
  /** Default VIEWPORT; the accessibility e2e narrows it to 320 px and zooms. */
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly deviceScaleFactor?: number;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const catalog = findCatalog(DEFAULT_CATALOG)!;
const itsak = findStammerCatalog('itsakkollen-2023-msbfs2020-7-v1')!;

/** The preview's in-memory workbook as JSON (src/taskpane/preview.ts exposes it to the page, never in Excel). */
function snapshot(page: Page, sheet?: string): Promise<string> {
  return page.evaluate((name) => (globalThis as unknown as { infosakPreview: { snapshot(s?: string): string } }).infosakPreview.snapshot(name), sheet);
}

/** The user's row of the 'userplan' preview (USER_ROW in preview.ts): found by its id in column A. */
function userRow(sheetJson: string): { row: number; cells: string } {
  const sheet = JSON.parse(sheetJson) as { cells: [string, unknown][] };
  const idCell = sheet.cells.find(([, cell]) => (cell as { value: unknown }).value === 'EGEN-1');
  assert(idCell, 'the user row EGEN-1 is not on Handlingsplan');
  const row = Number(/\d+$/.exec(idCell[0])![0]);
  const inRow = (address: string) => Number(/\d+$/.exec(address)![0]);
  // Everything in the user's row and the blank row above it, A:L (the Gantt columns are the tool's).
  const cells = sheet.cells.filter(([address]) => (inRow(address) === row || inRow(address) === row - 1) && /^[A-L]\d/.test(address));
  return { row, cells: JSON.stringify(cells) };
}

const checks: Check[] = [
  {
    name: 'preview mode opens on the example workbook',
    run: async (page) => {
      await page.getByText('Förhandsvisning – ingen Excel ansluten').waitFor({ timeout: TIMEOUT_MS });
      await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).waitFor({ timeout: TIMEOUT_MS });
      await page.getByText(/\d+ av 40 frågor besvarade/).first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'taskpane-start.png'), fullPage: true });
    },
  },
  {
    name: '"Beräkna resultat" shows the level and the area results and writes the result sheets',
    run: async (page) => {
      const button = page.getByRole('button', { name: 'Beräkna resultat', exact: true });
      await button.waitFor({ timeout: TIMEOUT_MS });
      await button.click();
      const level = page.getByTestId('result-level');
      await level.waitFor({ timeout: TIMEOUT_MS });
      const text = (await level.textContent()) ?? '';
      assert(/^(Nivå [1-4]|Under nivå 1)$/.test(text), `level heading reads "${text}"`);
      const areas = page.getByRole('list', { name: 'Nivå per arbetsområde' }).getByRole('listitem');
      assert((await areas.count()) === catalog.areas.length, `expected ${catalog.areas.length} area results, saw ${await areas.count()}`);
      for (const area of catalog.areas) {
        assert((await page.getByRole('list', { name: 'Nivå per arbetsområde' }).getByText(area.name.sv, { exact: true }).count()) === 1, `area "${area.name.sv}" missing`);
      }
      await page.getByText(/Resultatet är skrivet till bladen/).waitFor();
      // The preview's read-only workbook view lists the sheets and charts the plan wrote.
      const sheets = page.getByRole('list', { name: 'Arbetsboken i förhandsvisningen' });
      for (const name of ['Resultat', 'Ledningssammanfattning', 'Handlingsplan']) {
        assert((await sheets.getByText(name).count()) >= 1, `sheet ${name} not listed after the run`);
      }
      assert(await page.getByText(/\d+ diagram/).first().isVisible(), 'no charts listed after the run');
      await page.screenshot({ path: join(ARTIFACTS, 'taskpane.png'), fullPage: true });
    },
  },
  {
    name: 'the work-area filter narrows the result to one area',
    run: async (page) => {
      await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).click({ timeout: TIMEOUT_MS });
      await page.getByTestId('result-level').waitFor({ timeout: TIMEOUT_MS });
      const area = catalog.areas[3];
      await page.getByRole('combobox', { name: 'Arbetsområde', exact: true }).selectOption(area.id);
      const items = page.getByRole('list', { name: 'Nivå per arbetsområde' }).getByRole('listitem');
      assert((await items.count()) === 1, `filter left ${await items.count()} areas`);
      assert((await items.first().textContent())?.includes(area.name.sv), 'filtered area is not the chosen one');
    },
  },
  {
    name: 'a new workbook gets the questionnaire from "Infoga frågeformulär"',
    url: 'taskpane.html?workbook=empty',
    run: async (page) => {
      await page.getByRole('button', { name: 'Infoga frågeformulär', exact: true }).click({ timeout: TIMEOUT_MS });
      await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).waitFor({ timeout: TIMEOUT_MS });
      await page.getByText(`0 av ${catalog.questions.length} frågor besvarade`).first().waitFor();
      const sheets = page.getByRole('list', { name: 'Arbetsboken i förhandsvisningen' });
      for (const name of ['Start', 'Organisation', 'Nivå 1', 'Nivå 4', 'Valideringsfrågor']) {
        assert((await sheets.getByText(name, { exact: true }).count()) === 1, `sheet ${name} not inserted`);
      }
      await page.screenshot({ path: join(ARTIFACTS, 'taskpane-insert.png'), fullPage: true });
    },
  },
  {
    name: 'It-säkkollen: picked in "Infoga frågeformulär", ticked, computed (issue 12)',
    url: 'taskpane.html?workbook=empty',
    run: async (page) => {
      await page.getByRole('radio', { name: /It-säkkollen – egen tolkning efter MSBFS 2020:7/ }).check({ timeout: TIMEOUT_MS });
      await page.getByRole('button', { name: 'Infoga frågeformulär', exact: true }).click();
      await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).waitFor({ timeout: TIMEOUT_MS });
      await page.getByText('0 av 41 påståenden besvarade').first().waitFor();
      await page.getByRole('region', { name: 'Om katalogen' }).getByText('It-säkkollen – egen tolkning efter MSBFS 2020:7').waitFor();
      // The user ticks on the first area's sheet (typed through the preview probe: the preview has no grid).
      const sheetName = itsak.areas[0].sheet;
      const sheet = JSON.parse(await snapshot(page, sheetName)) as { cells: [string, { value: unknown }][] };
      const at = (value: string) => sheet.cells.find(([, cell]) => cell.value === value)?.[0];
      const column = (value: string) => /^[A-Z]+/.exec(at(value) ?? '')?.[0];
      const row = (value: string) => /\d+$/.exec(at(value) ?? '')?.[0];
      const statements = itsak.statements.filter((st) => st.area === itsak.areas[0].id);
      const [full, none] = [column('Stämmer helt'), column('Stämmer inte')];
      assert(full && none, 'no step columns on the area sheet');
      for (const [i, st] of statements.entries()) {
        const r = row(st.id);
        assert(r, `no row for ${st.id}`);
        await page.evaluate(([n, a]) => (globalThis as unknown as { infosakPreview: { type(s: string, a: string, v: string): void } }).infosakPreview.type(n, a, 'x'), [
          sheetName,
          `${i === 0 ? none : full}${r}`,
        ] as const);
      }
      await page.getByRole('button', { name: 'Läs om arbetsboken' }).click();
      await page.getByText(`${statements.length} av 41 påståenden besvarade`).first().waitFor({ timeout: TIMEOUT_MS });
      await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).click();
      const value = page.getByTestId('stammer-value');
      await value.waitFor({ timeout: TIMEOUT_MS });
      const text = (await value.textContent()) ?? '';
      assert(/^Värde [1-4],\d\d$/.test(text), `value reads "${text}"`);
      assert(/^Nivå [1-4] – /.test((await page.getByTestId('stammer-level').textContent()) ?? ''), 'no level name');
      const areas = page.getByRole('list', { name: 'Värde per arbetsområde, lägst först' }).getByRole('listitem');
      assert((await areas.count()) === itsak.areas.length, `expected ${itsak.areas.length} areas, saw ${await areas.count()}`);
      await page.getByRole('list', { name: 'Åtgärdslista' }).getByText(statements[0].id, { exact: false }).first().waitFor();
      const sheets = page.getByRole('list', { name: 'Arbetsboken i förhandsvisningen' });
      assert((await sheets.getByText(/^It-säkkollen resultat/).count()) === 1, 'It-säkkollen resultat not written');
      await page.screenshot({ path: join(ARTIFACTS, 'taskpane-itsakkollen.png'), fullPage: true });
    },
  },
  {
    name: 'input errors are listed and each selects its cell',
    url: 'taskpane.html?workbook=errors',
    run: async (page) => {
      await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).click({ timeout: TIMEOUT_MS });
      await page.getByTestId('result-level').waitFor({ timeout: TIMEOUT_MS });
      await page.getByRole('heading', { name: '2 fel i svaren' }).waitFor();
      const entry = page.getByRole('button', { name: /^Nivå 1!D\d+ Fel markering "kanske"/ });
      const cell = /^(Nivå 1!D\d+)/.exec((await entry.textContent()) ?? '')?.[1];
      assert(cell, 'the error entry names no cell');
      await entry.click();
      await page.getByText(`markerad cell ${cell}`).waitFor({ timeout: TIMEOUT_MS });
      await page.screenshot({ path: join(ARTIFACTS, 'taskpane-errors.png'), fullPage: true });
    },
  },
  {
    name: 'a Handlingsplan protected with a password: a clear message naming it, and nothing changed',
    url: 'taskpane.html?workbook=protected',
    run: async (page) => {
      await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).waitFor({ timeout: TIMEOUT_MS });
      const before = await snapshot(page);
      await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: TIMEOUT_MS });
      const text = (await alert.textContent()) ?? '';
      assert(text.includes('Bladet Handlingsplan är skyddat med lösenord.'), `message reads "${text}"`);
      assert(text.includes('Inget har ändrats i arbetsboken.'), 'the message does not say that nothing changed');
      assert((await snapshot(page)) === before, 'the workbook changed');
      assert((await page.getByTestId('result-level').count()) === 0, 'a result is shown although nothing was written');
      await page.screenshot({ path: join(ARTIFACTS, 'taskpane-protected.png'), fullPage: true });
    },
  },
  {
    name: 'a user row with a link and a blank row above it survives five recomputes unchanged',
    url: 'taskpane.html?workbook=userplan',
    run: async (page) => {
      const button = page.getByRole('button', { name: 'Beräkna resultat', exact: true });
      await button.waitFor({ timeout: TIMEOUT_MS });
      const before = userRow(await snapshot(page, 'Handlingsplan'));
      assert(before.cells.includes('https://intranat.example/rutiner/incident'), 'the user row has no link');
      for (let run = 1; run <= 5; run++) {
        await button.click();
        await page.getByText(/Resultatet är skrivet till bladen/).waitFor({ timeout: TIMEOUT_MS });
        const after = userRow(await snapshot(page, 'Handlingsplan'));
        assert(after.row === before.row, `run ${run}: the user row moved from ${before.row} to ${after.row}`);
        assert(after.cells === before.cells, `run ${run}: the user row or the blank row above it changed`);
        // The notice is replaced by the next run's; wait until the button is usable again.
        await page.waitForFunction(() => !document.querySelector('main button[aria-disabled="true"], main button[disabled]'));
      }
      await page.screenshot({ path: join(ARTIFACTS, 'taskpane-userplan.png'), fullPage: true });
    },
  },
  {
    name: 'English when the browser asks for it',
    locale: 'en-US',
    run: async (page) => {
      await page.getByRole('button', { name: 'Calculate result', exact: true }).click({ timeout: TIMEOUT_MS });
      const level = page.getByTestId('result-level');
      await level.waitFor({ timeout: TIMEOUT_MS });
      assert(/^(Level [1-4]|Below level 1)$/.test((await level.textContent()) ?? ''), 'English level heading');
      await page.screenshot({ path: join(ARTIFACTS, 'taskpane-en.png'), fullPage: true });
    },
  },
];

async function runCheck(browser: Browser, baseUrl: string, check: Check, problems: string[]): Promise<void> {
  const context = await browser.newContext({
    viewport: check.viewport ?? VIEWPORT,
    locale: check.locale ?? 'sv-SE',
    deviceScaleFactor: check.deviceScaleFactor ?? 1,
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    problems.push(`request left localhost: ${url}`);
    return route.abort();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  try {
    await page.goto(`${baseUrl}/${check.url ?? 'taskpane.html'}`, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await check.run(page);
  } finally {
    await context.close();
  }
}

/**
 * Builds the pane (unless --no-build finds a build), serves it and runs the checks one by one, each in a
 * fresh browser context. Shared with test/e2e/a11y.e2e.ts, so both drive the pane the same way.
 */
export async function runSuite(suite: string, checks: readonly Check[]): Promise<number> {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!existsSync(CHROMIUM)) {
    console.error(`e2e: ${CHROMIUM} not found (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    console.log(`${suite}: 0 passed, 1 failed`);
    return 1;
  }
  const started = Date.now();
  if (!process.argv.includes('--no-build') || !existsSync(join(OUT, 'taskpane.html'))) {
    await buildPane({ outDir: OUT, officeJs: 'local', mode: 'production' });
    console.log(`${suite}: built the pane in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const served = await serveDist({ dir: OUT, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let passed = 0;
  let failed = 0;
  try {
    for (const check of checks) {
      const problems: string[] = [];
      const t0 = Date.now();
      try {
        await runCheck(browser, served.url, check, problems);
        if (problems.length > 0) throw new Error(problems.join('\n    '));
        passed++;
        console.log(`  ✓ ${check.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${check.name}\n    ${error instanceof Error ? error.message : String(error)}`);
        if (problems.length > 0 && !(error instanceof Error && error.message === problems.join('\n    '))) console.log(`    ${problems.join('\n    ')}`);
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  console.log(`${suite}: ${passed} passed, ${failed} failed (screenshots in test-artifacts/)`);
  return failed === 0 ? 0 : 1;
}

/** Runs a suite as a script's whole job: the exit code says whether it passed. */
export function runMain(suite: string, checks: readonly Check[]): void {
  runSuite(suite, checks).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${suite}: could not run:`, error instanceof Error ? error.stack : error);
      console.log(`${suite}: 0 passed, 1 failed`);
      process.exitCode = 1;
    },
  );
}

// Imported by a11y.e2e.ts for the harness only: run these checks when started as the script.
if (require.main === module) runMain('e2e', checks);

/**
 * Accessibility end-to-end (WCAG 2.1 AA, issue 15): the preview pane at 320 px in Chromium, with
 * axe-core injected in every pane state, reflow and clipping checks, and a keyboard-only walk.
 *
 *   npm run test:a11y          (tsx test/e2e/a11y.e2e.ts; --no-build reuses test-artifacts/e2e-dist)
 * Screenshots: test-artifacts/a11y-<state>.png at 320 px; axe's findings per state: test-artifacts/a11y.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import { findStammerCatalog } from '../../src/core/stammer/registry';
import { ARTIFACTS, TIMEOUT_MS, assert, runMain, type Check } from './taskpane.e2e';

/** WCAG 1.4.10 reflow: 320 CSS px wide without horizontal scrolling. */
const NARROW = { width: 320, height: 900 };
/** The narrowest task pane (320 px) at 200 % zoom has 160 CSS px: a 160 px viewport at device scale 2. */
const ZOOMED = { width: 160, height: 900 };

const catalog = findCatalog(DEFAULT_CATALOG)!;
const itsak = findStammerCatalog('itsakkollen-2023-msbfs2020-7-v1')!;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  readonly target: string[];
  readonly failureSummary?: string;
}
interface AxeViolation {
  readonly id: string;
  readonly impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  readonly help: string;
  readonly nodes: AxeNode[];
}

/** Per state: every axe violation (any impact), written to a11y.json for the record. */
const report: Record<string, { violations: { id: string; impact: string | null; nodes: number }[]; passes: number }> = {};

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules and best practices, plus label-content-name-mismatch
 * (WCAG 2.5.3, experimental in axe, so off unless named): the issue measured the SV/EN buttons with it.
 */
async function axe(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<{ violations: unknown[]; passes: unknown[] }> } }).axe.run;
    const r = await run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return { violations: r.violations, passes: r.passes.length };
  });
  const violations = result.violations as AxeViolation[];
  report[state] = { violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })), passes: result.passes };
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const others = violations.filter((v) => !blocking.includes(v));
  if (others.length > 0) console.log(`    axe ${state}: ${others.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
  assert(
    blocking.length === 0,
    `axe, ${state}: ${blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`).join('\n      ')}`,
  );
}

/**
 * What a narrow pane must never do: scroll sideways, cut text off (ellipsis, line clamp, overflow
 * hidden on text that does not fit), or keep text only in a hover title.
 */
async function layout(page: Page, state: string): Promise<void> {
  await esbuildNames(page);
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`scrolls sideways: ${root.scrollWidth} px content in ${root.clientWidth} px`);
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 60)}"`;
    for (const el of Array.from(document.querySelectorAll('#container, #container *'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const h = el as HTMLElement;
      // Text for screen readers only (the live region) is clipped on purpose.
      if (style.position === 'absolute' && h.offsetWidth <= 1 && h.offsetHeight <= 1) continue;
      // Native selects show the chosen option on one line: checked apart, below.
      if (h.tagName === 'SELECT' || h.tagName === 'OPTION') continue;
      // The outermost element that sticks out is the one to fix.
      const outside = (e: Element | null) => e !== null && e.getBoundingClientRect().right > root.clientWidth + 0.5;
      if (outside(h) && !outside(h.parentElement)) problems.push(`outside the pane ${describe(el)} (${h.className})`);
      if (h.hasAttribute('title')) problems.push(`hover-only text ${describe(el)}: title="${h.getAttribute('title')}"`);
      const hasText = Array.from(h.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!hasText) continue;
      // A column a few letters wide (a grid squeezed by zoom) shows text one syllable a line.
      if (h.clientWidth > 0 && h.clientWidth < 72 && (h.textContent ?? '').trim().length > 16) problems.push(`squeezed to ${h.clientWidth} px ${describe(el)}`);
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (style.textOverflow === 'ellipsis' && h.scrollWidth > h.clientWidth) problems.push(`ellipsis ${describe(el)}`);
      else if (clips && (h.scrollWidth > h.clientWidth + 1 || h.scrollHeight > h.clientHeight + 1)) problems.push(`clipped ${describe(el)}`);
    }
    return problems;
  });
  assert(found.length === 0, `${state}:\n      ${found.join('\n      ')}`);
}

/** tsx (esbuild) names functions with a __name helper that a function sent to the page lacks. */
async function esbuildNames(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (f) => f');
}

/** axe, reflow and clipping, then a full-page screenshot to look at. */
async function checkState(page: Page, state: string): Promise<void> {
  await axe(page, state);
  await layout(page, state);
  await page.screenshot({ path: join(ARTIFACTS, `a11y-${state}.png`), fullPage: true });
}

const computeButton = (page: Page, name = 'Beräkna resultat') => page.getByRole('button', { name, exact: true });

/** Until no button of the pane is disabled (they are while the pane works). */
function idle(page: Page): Promise<unknown> {
  return page.waitForFunction(() => document.querySelector('main button[disabled], main button[aria-disabled="true"]') === null, undefined, { timeout: TIMEOUT_MS });
}

async function computed(page: Page, name?: string): Promise<void> {
  await computeButton(page, name).click({ timeout: TIMEOUT_MS });
  await page.getByTestId('result-level').waitFor({ timeout: TIMEOUT_MS });
  await idle(page);
}

/** A short description of the focused element, for messages. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${name}"`;
  });
}

/** The text of the polite live regions (role=status / aria-live=polite), joined. */
function announced(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[role="status"], [aria-live="polite"]'))
      .map((el) => (el.textContent ?? '').trim())
      .join(' | '),
  );
}

/** Presses Tab until the focused element matches, at most `limit` times; returns the stops passed. */
async function tabTo(page: Page, matches: (page: Page) => Promise<boolean>, what: string, key = 'Tab', limit = 60): Promise<void> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await matches(page)) return;
    passed.push(await focused(page));
  }
  throw new Error(`${what} not reached by ${key}; passed ${passed.join(', ')}`);
}

const byRoleName = (role: string, name: RegExp) => async (page: Page) => {
  const el = await page.evaluateHandle(() => document.activeElement);
  const element = el.asElement();
  if (!element) return false;
  const [r, n] = await element.evaluate((e) => [e.getAttribute('role') ?? e.tagName.toLowerCase(), e.getAttribute('aria-label') ?? e.textContent ?? '']);
  return (r === role || (role === 'button' && r === 'button')) && name.test(n.trim());
};

/** Clicks the pane's title (not focusable), so the next Tab starts from the top of the pane. */
async function fromTop(page: Page): Promise<void> {
  await page.locator('h1').click();
}

/**
 * Every tab stop of the page in order, each checked for a visible focus indicator: the pixels around
 * the element differ between focused and not focused (after Tab has moved on).
 */
async function tabStops(page: Page, state: string): Promise<string[]> {
  await esbuildNames(page);
  await fromTop(page);
  const stops: string[] = [];
  const invisible: string[] = [];
  let previous: { id: string; shot: Buffer } | null = null;
  const shot = async (id: string) => {
    const el = page.locator(`[data-a11y-stop="${id}"]`);
    await el.scrollIntoViewIfNeeded();
    const box = await el.boundingBox();
    if (!box) return Buffer.alloc(0);
    const pad = 3;
    return page.screenshot({ clip: { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad } });
  };
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(
      ([prefix, n]) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        if (!el.dataset.a11yStop?.startsWith(prefix)) el.dataset.a11yStop = `${prefix}${n}`;
        return el.dataset.a11yStop;
      },
      [`${state}-`, i] as const,
    );
    if (previous) {
      const after = await shot(previous.id);
      if (after.equals(previous.shot)) invisible.push(stops[stops.length - 1]);
    }
    if (id === null || (stops.length > 0 && id === `${state}-0`)) break;
    stops.push(await focused(page));
    previous = { id, shot: await shot(id) };
  }
  assert(invisible.length === 0, `${state}: no visible focus on ${invisible.join(', ')}`);
  return stops;
}

const checks: Check[] = [
  {
    name: 'start: axe, reflow and clipping at 320 px',
    viewport: NARROW,
    run: async (page) => {
      await computeButton(page).waitFor({ timeout: TIMEOUT_MS });
      await page.getByText(/\d+ av 40 frågor besvarade/).first().waitFor();
      assert((await page.evaluate(() => document.documentElement.lang)) === 'sv', '<html lang> is not sv');
      await checkState(page, 'start');
    },
  },
  {
    name: 'results and the area filter: axe, reflow and clipping at 320 px; the filter names the whole area',
    viewport: NARROW,
    run: async (page) => {
      await computed(page);
      await checkState(page, 'results');
      // The longest area name: a native select shows it on one line, so the pane must show it in full elsewhere.
      const longest = [...catalog.areas].sort((a, b) => b.name.sv.length - a.name.sv.length)[0];
      await page.getByRole('combobox', { name: 'Arbetsområde', exact: true }).selectOption(longest.id);
      await page.getByRole('list', { name: 'Nivå per arbetsområde' }).getByText(longest.name.sv, { exact: true }).waitFor();
      await checkState(page, 'filter');
    },
  },
  {
    name: 'the error list (errors open, warnings unfolded): axe, reflow and clipping at 320 px',
    viewport: NARROW,
    url: 'taskpane.html?workbook=errors',
    run: async (page) => {
      await computed(page);
      await page.getByRole('heading', { name: '2 fel i svaren' }).waitFor();
      const summary = page.locator('summary');
      if ((await summary.count()) > 0 && !(await page.locator('details').first().evaluate((d) => (d as HTMLDetailsElement).open))) await summary.first().click();
      await checkState(page, 'errors');
    },
  },
  {
    name: 'English (switched in the pane): axe, reflow and clipping at 320 px, <html lang> follows',
    viewport: NARROW,
    run: async (page) => {
      await computed(page);
      await page.getByRole('button', { name: /^EN\b/ }).click();
      await computeButton(page, 'Calculate result').waitFor();
      assert((await page.evaluate(() => document.documentElement.lang)) === 'en', '<html lang> did not follow English');
      await checkState(page, 'english');
      await page.getByRole('button', { name: /^SV\b/ }).click();
      await computeButton(page).waitFor();
      assert((await page.evaluate(() => document.documentElement.lang)) === 'sv', '<html lang> did not follow Swedish');
    },
  },
  {
    name: 'a new workbook, before and after "Infoga frågeformulär": axe, reflow and clipping at 320 px',
    viewport: NARROW,
    url: 'taskpane.html?workbook=empty',
    run: async (page) => {
      await page.getByRole('button', { name: 'Infoga frågeformulär', exact: true }).waitFor({ timeout: TIMEOUT_MS });
      await checkState(page, 'empty');
      await page.getByRole('button', { name: 'Infoga frågeformulär', exact: true }).click();
      await computeButton(page).waitFor({ timeout: TIMEOUT_MS });
      await checkState(page, 'inserted');
    },
  },
  {
    name: 'the refusal bar (password-protected Handlingsplan): axe, reflow and clipping at 320 px',
    viewport: NARROW,
    url: 'taskpane.html?workbook=protected',
    run: async (page) => {
      await computeButton(page).click({ timeout: TIMEOUT_MS });
      await page.getByRole('alert').waitFor({ timeout: TIMEOUT_MS });
      await checkState(page, 'refusal');
    },
  },
  {
    name: 'the confirm bar (a picture of the user on Resultat): axe, reflow and clipping at 320 px; Cancel keeps focus',
    viewport: NARROW,
    url: 'taskpane.html?workbook=userpicture',
    run: async (page) => {
      await computeButton(page).click({ timeout: TIMEOUT_MS });
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor({ timeout: TIMEOUT_MS });
      await checkState(page, 'confirm');
      await dialog.getByRole('button', { name: 'Avbryt', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('Inget har skrivits i arbetsboken.').waitFor();
      const at = await focused(page);
      assert(at !== 'body', 'focus dropped to <body> after Avbryt');
    },
  },
  {
    name: 'It-säkkollen (picked, one area assessed, computed): axe, reflow and clipping at 320 px',
    viewport: NARROW,
    url: 'taskpane.html?workbook=empty',
    run: async (page) => {
      await page.getByRole('radio', { name: /It-säkkollen/ }).check({ timeout: TIMEOUT_MS });
      await page.getByRole('button', { name: 'Infoga frågeformulär', exact: true }).click();
      await computeButton(page).waitFor({ timeout: TIMEOUT_MS });
      // Assess the first area's statements on its sheet (typed through the preview probe, as a user would in Excel).
      const area = itsak.areas[0];
      const sheet = JSON.parse(await page.evaluate((n) => (globalThis as unknown as { infosakPreview: { snapshot(s: string): string } }).infosakPreview.snapshot(n), area.sheet)) as {
        cells: [string, { value: unknown }][];
      };
      const at = (value: string) => sheet.cells.find(([, cell]) => cell.value === value)?.[0] ?? '';
      const column = /^[A-Z]+/.exec(at('Stämmer helt'))?.[0];
      assert(column, `no "Stämmer helt" column on ${area.sheet}`);
      for (const st of itsak.statements.filter((x) => x.area === area.id)) {
        const row = /\d+$/.exec(at(st.id))?.[0];
        assert(row, `no row for ${st.id}`);
        await page.evaluate(
          ([n, a]) => (globalThis as unknown as { infosakPreview: { type(s: string, a: string, v: string): void } }).infosakPreview.type(n, a, 'x'),
          [area.sheet, `${column}${row}`] as const,
        );
      }
      await page.getByRole('button', { name: 'Läs om arbetsboken' }).click();
      await idle(page);
      await computeButton(page).click();
      await page.getByTestId('stammer-value').waitFor({ timeout: TIMEOUT_MS });
      await idle(page);
      await checkState(page, 'itsakkollen');
    },
  },
  {
    name: 'the follow-up panels opened after "Beräkna resultat": axe, reflow and clipping at 320 px',
    viewport: NARROW,
    run: async (page) => {
      await computed(page);
      await page.getByRole('button', { name: 'Uppföljning, benchmark och mål' }).click({ timeout: TIMEOUT_MS });
      await page.getByRole('button', { name: 'Spara mätning' }).waitFor({ timeout: TIMEOUT_MS });
      await checkState(page, 'followup');
    },
  },
  {
    name: 'dark theme: axe at 320 px after "Beräkna resultat"',
    viewport: NARROW,
    url: 'taskpane.html?theme=dark&workbook=errors',
    run: async (page) => {
      await computed(page);
      await checkState(page, 'dark');
    },
  },
  {
    name: '200 % zoom (160 CSS px): no sideways scrolling, clipping or squeezed text in the main states',
    viewport: ZOOMED,
    deviceScaleFactor: 2,
    url: 'taskpane.html?workbook=errors',
    run: async (page) => {
      await computeButton(page).waitFor({ timeout: TIMEOUT_MS });
      await layout(page, 'zoom start');
      await computed(page);
      await layout(page, 'zoom results');
      await page.screenshot({ path: join(ARTIFACTS, 'a11y-zoom200.png'), fullPage: true });
      await page.getByRole('button', { name: /^EN\b/ }).click();
      await computeButton(page, 'Calculate result').waitFor();
      await layout(page, 'zoom english');
    },
  },
  {
    name: 'keyboard only: compute → filter → error item → close the message → language switch, focus never lost, result announced',
    viewport: NARROW,
    url: 'taskpane.html?workbook=errors',
    run: async (page) => {
      await computeButton(page).waitFor({ timeout: TIMEOUT_MS });
      await page.getByText(/\d+ av 40 frågor besvarade/).first().waitFor();
      // Every control in the start state is reachable and shows focus.
      const startStops = await tabStops(page, 'start');
      for (const want of [/"SV – Svenska"/, /"EN – English"/, /"Beräkna resultat"/, /"Läs om arbetsboken"/, /^select /]) {
        assert(startStops.some((s) => want.test(s)), `no tab stop ${want} in ${startStops.join(', ')}`);
      }
      await fromTop(page);

      // The live region exists before the result and then says it (a region added with its text is often not read).
      const regionsBefore = await page.locator('[role="status"]').count();
      assert(regionsBefore > 0, 'no status region before "Beräkna resultat"');

      await tabTo(page, byRoleName('button', /^Beräkna resultat$/), '"Beräkna resultat"');
      await page.keyboard.press('Enter');
      assert((await focused(page)) !== 'body', 'focus dropped to <body> right after Enter on "Beräkna resultat"');
      await page.getByTestId('result-level').waitFor({ timeout: TIMEOUT_MS });
      await idle(page);
      const level = ((await page.getByTestId('result-level').textContent()) ?? '').trim();
      const afterCompute = await focused(page);
      assert(/Beräkna resultat/.test(afterCompute), `after the compute focus is on ${afterCompute}`);
      const said = await announced(page);
      assert(said.includes(level), `the live region does not say "${level}": "${said}"`);

      // Every control of the result state reachable, each with visible focus.
      const resultStops = await tabStops(page, 'results');
      assert(resultStops.some((s) => /Stäng/.test(s)), `the message's close button is not a tab stop: ${resultStops.join(', ')}`);
      assert(resultStops.some((s) => /Nivå 1!D\d+/.test(s)), `no error item among the tab stops: ${resultStops.join(', ')}`);
      await fromTop(page);

      // Filter by keyboard: the select takes arrow keys without opening.
      await tabTo(page, byRoleName('select', /Alla arbetsområden/), 'the work-area filter');
      await page.keyboard.press('ArrowDown');
      const items = page.getByRole('list', { name: 'Nivå per arbetsområde' }).getByRole('listitem');
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Nivå per arbetsområde"] > li').length === 1);
      assert((await items.count()) === 1, `the filter left ${await items.count()} areas`);
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Nivå per arbetsområde"] > li').length === n, catalog.areas.length);

      // An error item: Enter selects its cell.
      await tabTo(page, byRoleName('button', /^Nivå 1!D\d+/), 'an error item');
      const cell = /^(Nivå 1!D\d+)/.exec(((await page.evaluate(() => document.activeElement?.textContent)) ?? '').trim())?.[1];
      await page.keyboard.press('Enter');
      await page.getByText(`markerad cell ${cell}`).waitFor({ timeout: TIMEOUT_MS });

      // Closing the success message keeps focus in the pane (on "Beräkna resultat").
      await tabTo(page, byRoleName('button', /^Stäng$/), 'the message close button', 'Shift+Tab');
      await page.keyboard.press('Enter');
      await page.getByText(/Resultatet är skrivet till bladen/).waitFor({ state: 'detached' });
      const afterClose = await focused(page);
      assert(afterClose !== 'body', 'focus dropped to <body> after closing the message');

      // Language by keyboard: EN, focus stays on it, lang follows.
      await tabTo(page, byRoleName('button', /^EN\b/), 'the EN button', 'Shift+Tab');
      await page.keyboard.press('Enter');
      await computeButton(page, 'Calculate result').waitFor();
      assert((await page.evaluate(() => document.documentElement.lang)) === 'en', '<html lang> is not en after EN');
      assert(/EN/.test(await focused(page)), `after EN focus is on ${await focused(page)}`);
      await page.screenshot({ path: join(ARTIFACTS, 'a11y-keyboard.png'), fullPage: true });
    },
  },
];

if (require.main === module) {
  process.on('exit', () => writeFileSync(join(ARTIFACTS, 'a11y.json'), `${JSON.stringify(report, null, 2)}\n`));
  runMain('a11y', checks);
}

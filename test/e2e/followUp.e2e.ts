/**
 * End-to-end for the pane's follow-up panels (issues 10 and 11), in the same harness as
 * taskpane.e2e.ts: save a measurement and compare with it; pick a benchmark file from disk
 * (setInputFiles, nothing fetched) and see the comparison; change the target and see the path.
 *
 *   npx tsx test/e2e/followUp.e2e.ts [--no-build]
 * Screenshots: test-artifacts/followup-compare.png, followup-benchmark.png.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBenchmark } from '../../src/core/benchmark/groups';
import { memberRecord } from '../../src/core/benchmark/member';
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import { score } from '../../src/core/scoring/score';
import { benchmarkFile } from '../../src/cli/format/benchmarkJson';
import { syntheticAnswers } from '../../scripts/benchmark/members';
import { ARTIFACTS, TIMEOUT_MS, assert, runMain, type Check } from './taskpane.e2e';

const catalog = findCatalog(DEFAULT_CATALOG)!;
const BENCHMARK_PATH = join(ARTIFACTS, 'followup-benchmark.json');

const open = async (page: import('playwright-core').Page) => {
  await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).waitFor({ timeout: TIMEOUT_MS });
  await page.screenshot({ path: join(ARTIFACTS, 'followup-start.png'), fullPage: true });
  const toggle = page.getByRole('button', { name: 'Uppföljning, benchmark och mål' });
  await toggle.waitFor({ timeout: TIMEOUT_MS });
  await toggle.click();
};

const checks: Check[] = [
  {
    name: '"Spara mätning", then "Jämför med tidigare mätning" shows level before → after and why',
    run: async (page) => {
      await open(page);
      await page.getByRole('button', { name: 'Spara mätning' }).click();
      await page.getByText(/sparades i Historik/).first().waitFor({ timeout: TIMEOUT_MS });
      await page.getByRole('button', { name: 'Jämför med tidigare mätning' }).click();
      const level = page.getByTestId('comparison-level');
      await level.waitFor({ timeout: TIMEOUT_MS });
      assert(/→/.test((await level.textContent()) ?? ''), 'no before → after');
      const why = (await page.getByTestId('comparison-why').textContent()) ?? '';
      assert(/^Nivån/.test(why), `why reads "${why}"`);
      await page.screenshot({ path: join(ARTIFACTS, 'followup-compare.png'), fullPage: true });
    },
  },
  {
    name: 'a benchmark file picked from disk is compared, and a changed target changes the path',
    run: async (page) => {
      await open(page);
      await page.getByLabel('Benchmarkfil').setInputFiles(BENCHMARK_PATH);
      await page.getByText(/followup-benchmark\.json: /).first().waitFor({ timeout: TIMEOUT_MS });
      await page.getByRole('button', { name: 'Jämför med benchmark' }).click();
      const result = page.getByTestId('benchmark-result');
      await result.waitFor({ timeout: TIMEOUT_MS });
      assert(/Jämfört med /.test((await result.textContent()) ?? ''), 'no benchmark comparison');
      const picker = page.getByRole('combobox', { name: 'Mål', exact: true });
      await picker.selectOption('nivå 4');
      await page.getByRole('button', { name: 'Visa vägen till målet' }).click();
      await page.getByRole('heading', { name: 'Vägen till nivå 4' }).waitFor({ timeout: TIMEOUT_MS });
      await picker.selectOption('typkommun');
      await page.getByRole('button', { name: 'Visa vägen till målet' }).click();
      await page.getByRole('heading', { name: 'Vägen till Typkommun' }).waitFor({ timeout: TIMEOUT_MS });
      await page.screenshot({ path: join(ARTIFACTS, 'followup-benchmark.png'), fullPage: true });
    },
  },
];

if (require.main === module) {
  const members = Array.from({ length: 12 }, (_, i) => memberRecord(score(catalog, syntheticAnswers(catalog, i, 9, 'kommun')), 'kommun', `k${i}`));
  writeFileSync(BENCHMARK_PATH, JSON.stringify(benchmarkFile(buildBenchmark(catalog, members), '2026-02-01', 'Testkälla')));
  runMain('followup-e2e', checks);
}

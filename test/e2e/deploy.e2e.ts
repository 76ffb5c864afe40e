/**
 * End-to-end for a deployment: the production build as an organisation publishes it, served from a
 * folder of a host, opened through the URLs of its manifest in Debian's Chromium (playwright-core).
 *
 *   npm run test:e2e:deploy     (tsx test/e2e/deploy.e2e.ts; --no-build reuses test-artifacts/deploy-dist)
 *
 * 1. webpack production build with office.js from Microsoft's CDN, exactly as `npm run build:web`.
 * 2. `BASE_URL=https://infosak.example.se/addin/ build-manifest` writes its manifest.xml; the offline
 *    checker (`validate --production`) accepts it. The same command refuses the http 127.0.0.1 base.
 * 3. The folder is served from http://127.0.0.1:<port>/addin/ and the generator makes the manifest
 *    for that base (http, so only for this test: the checker wants https). Every page and icon it
 *    names is fetched; SourceLocation opens the pane (a preview in a plain browser), SupportUrl the
 *    support page and its English override the English one.
 * Nothing leaves the machine: office.js's CDN requests are answered from node_modules/@microsoft/
 * office-js, every other request off 127.0.0.1 is aborted and fails the run.
 * Screenshots: test-artifacts/deploy-taskpane.png, deploy-support.png, deploy-support-en.png, deploy-support-320.png.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildPane } from '../../scripts/build-pane';
import { pngSizeOf } from '../../scripts/manifest/files';
import { productionManifest } from '../../scripts/manifest/productionManifest';
import { serveDist } from '../../scripts/serve-dist';

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const OUT = join(ARTIFACTS, 'deploy-dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const OFFICE_JS_DIR = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
/** Where the webpack config points the production page (CDN_OFFICE_JS there). */
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const HTTPS_BASE = 'https://infosak.example.se/addin/';
const PANE_VIEWPORT = { width: 360, height: 900 };
const PAGE_VIEWPORT = { width: 900, height: 900 };
const TIMEOUT_MS = 20_000;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The manifest's addresses, by what they are for. */
interface ManifestUrls {
  readonly source: string;
  readonly taskpaneResource: string;
  readonly support: string;
  readonly supportEn: string;
  readonly images: readonly { url: string; pixels: number }[];
  readonly appDomains: readonly string[];
}

function manifestUrls(xml: string): ManifestUrls {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const all = (name: string) => Array.from(doc.getElementsByTagName('*')).filter((el) => el.localName === name) as Element[];
  const one = (name: string, where?: (el: Element) => boolean) => {
    const el = all(name).find((e) => !where || where(e));
    assert(el, `manifest has no <${name}>`);
    return el;
  };
  const value = (el: Element) => el.getAttribute('DefaultValue') ?? '';
  const support = one('SupportUrl');
  const supportEn = all('Override').find((o) => o.parentNode === support && o.getAttribute('Locale') === 'en-US');
  assert(supportEn, 'SupportUrl has no en-US override');
  // Ribbon images by the size they are used at; the top-level icons are 32 and 64 pixels.
  const sizeOf = new Map(all('Image').filter((i) => i.getAttribute('resid')).map((i) => [i.getAttribute('resid'), Number(i.getAttribute('size'))]));
  const images = [
    { url: value(one('IconUrl')), pixels: 32 },
    { url: value(one('HighResolutionIconUrl')), pixels: 64 },
    ...all('Image')
      .filter((i) => i.getAttribute('id'))
      .map((i) => ({ url: value(i), pixels: sizeOf.get(i.getAttribute('id')) ?? 0 })),
  ];
  return {
    source: value(one('SourceLocation', (el) => (el.parentNode as Element).localName === 'DefaultSettings')),
    taskpaneResource: value(one('Url', (el) => el.getAttribute('id') === 'Ik.Taskpane.Url')),
    support: value(support),
    supportEn: supportEn.getAttribute('Value') ?? '',
    images,
    appDomains: all('AppDomain').map((d) => (d.textContent ?? '').trim()),
  };
}

function tsx(script: string, args: readonly string[], env: Record<string, string>): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, [TSX, join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, NEW_ADDIN_ID: '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}`.trim() };
}

interface Traffic {
  readonly problems: string[];
  /** Every URL the pages asked for, in order. */
  readonly requests: string[];
}

/** A browser context where only the served origin answers and Microsoft's CDN is played from node_modules. */
async function offlineContext(browser: Browser, origin: string, viewport: { width: number; height: number }, traffic: Traffic): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE', deviceScaleFactor: 1 });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    traffic.requests.push(url);
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    if (url.startsWith(CDN)) {
      const file = join(OFFICE_JS_DIR, decodeURIComponent(new URL(url).pathname.slice(new URL(CDN).pathname.length)));
      if (file.startsWith(OFFICE_JS_DIR) && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(file) });
      }
      traffic.problems.push(`office.js asked its CDN for ${url}, which @microsoft/office-js does not have`);
      return route.fulfill({ status: 404, body: '' });
    }
    traffic.problems.push(`request left the host: ${url}`);
    return route.abort();
  });
  return context;
}

function watch(page: Page, traffic: Traffic): void {
  page.on('pageerror', (error) => traffic.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') traffic.problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) traffic.problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
}

interface Check {
  readonly name: string;
  readonly run: () => Promise<void>;
}

async function main(): Promise<number> {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!existsSync(CHROMIUM)) {
    console.error(`e2e deploy: ${CHROMIUM} not found (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    console.log('e2e deploy: 0 passed, 1 failed');
    return 1;
  }
  const started = Date.now();
  if (!process.argv.includes('--no-build') || !existsSync(join(OUT, 'taskpane.html'))) {
    // office.js from the CDN: the page as it is published, not the test build of test:e2e.
    await buildPane({ outDir: OUT, officeJs: 'cdn', mode: 'production' });
    console.log(`e2e deploy: built the pane in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const devManifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const served = await serveDist({ dir: OUT, port: 0, basePath: '/addin/' });
  const base = `${served.url}/`;
  const origin = new URL(base).origin;
  const local = manifestUrls(productionManifest(devManifest, { baseUrl: base }));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const traffic: Traffic = { problems: [], requests: [] };

  const checks: Check[] = [
    {
      name: `BASE_URL=${HTTPS_BASE}: build-manifest writes a manifest the offline checker accepts, with no localhost`,
      run: async () => {
        const build = tsx('build-manifest.ts', ['--out-dir', OUT], { BASE_URL: HTTPS_BASE });
        assert(build.code === 0, `build-manifest exited ${build.code}:\n${build.out}`);
        const validate = tsx('validate-manifest.ts', ['--production', join(OUT, 'manifest.xml')], {});
        assert(validate.code === 0, `validate --production exited ${validate.code}:\n${validate.out}`);
        const xml = readFileSync(join(OUT, 'manifest.xml'), 'utf8');
        assert(!/localhost|127\.0\.0\.1/.test(xml), 'the production manifest names localhost');
        const urls = manifestUrls(xml);
        for (const url of [urls.source, urls.taskpaneResource, urls.support, urls.supportEn, ...urls.images.map((i) => i.url)]) {
          assert(url.startsWith(HTTPS_BASE), `${url} is not under ${HTTPS_BASE}`);
        }
        assert(urls.appDomains.join() === 'https://infosak.example.se', `AppDomains ${urls.appDomains.join()}`);
        // The manifest served from 127.0.0.1 below is the same one with the other base.
        const swapped = xml.replaceAll(HTTPS_BASE, base).replace('<AppDomain>https://infosak.example.se</AppDomain>', `<AppDomain>${origin}</AppDomain>`);
        assert(swapped === productionManifest(devManifest, { baseUrl: base }), 'the 127.0.0.1 manifest differs from the https one by more than its base');
      },
    },
    {
      name: 'build-manifest refuses the http 127.0.0.1 base (production wants https and a real host)',
      run: async () => {
        const build = tsx('build-manifest.ts', ['--out-dir', join(ARTIFACTS, 'deploy-nowhere')], { BASE_URL: base });
        assert(build.code === 1, `build-manifest exited ${build.code}`);
        assert(build.out.includes('is not https') && build.out.includes('names this computer (127.0.0.1)'), build.out);
      },
    },
    {
      name: 'every icon the manifest names is served under the base as a PNG of its size',
      run: async () => {
        const context = await offlineContext(browser, origin, PAGE_VIEWPORT, traffic);
        try {
          for (const { url, pixels } of local.images) {
            const response = await context.request.get(url);
            assert(response.status() === 200, `${url}: HTTP ${response.status()}`);
            assert(response.headers()['content-type'] === 'image/png', `${url}: ${response.headers()['content-type']}`);
            const size = pngSizeOf(await response.body());
            assert(size && size.width === pixels && size.height === pixels, `${url}: ${JSON.stringify(size)}, expected ${pixels}×${pixels}`);
          }
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'SourceLocation opens the production pane under /addin/ (office.js from the CDN; a preview in a plain browser)',
      run: async () => {
        assert(local.taskpaneResource === local.source, `the ribbon button opens ${local.taskpaneResource}, not ${local.source}`);
        const context = await offlineContext(browser, origin, PANE_VIEWPORT, traffic);
        const page = await context.newPage();
        watch(page, traffic);
        const before = traffic.requests.length;
        try {
          await page.goto(local.source, { waitUntil: 'load', timeout: TIMEOUT_MS });
          await page.getByRole('button', { name: 'Beräkna resultat', exact: true }).waitFor({ timeout: TIMEOUT_MS });
          const asked = traffic.requests.slice(before);
          assert(asked.includes(`${CDN}office.js`), `the page did not load office.js from ${CDN}: ${asked.join(', ')}`);
          assert(await page.evaluate(() => typeof Office !== 'undefined'), 'office.js did not run');
          // The pane's own scripts and the preview chunk come from the base folder, not the host's root.
          const own = asked.filter((u) => u.startsWith(origin));
          assert(own.every((u) => u.startsWith(base)), `requests outside ${base}: ${own.filter((u) => !u.startsWith(base)).join(', ')}`);
          assert(own.some((u) => /\/addin\/taskpane\.[0-9a-f]+\.js$/.test(u)), 'no hashed taskpane bundle requested under /addin/');
          assert(own.some((u) => /\/addin\/preview\.[0-9a-f]+\.js$/.test(u)), 'no preview chunk requested under /addin/');
          await page.screenshot({ path: join(ARTIFACTS, 'deploy-taskpane.png'), fullPage: true });
        } finally {
          await context.close();
        }
      },
    },
    {
      name: 'SupportUrl opens the Swedish support and privacy page; its link leads to the English one (the en-US override)',
      run: async () => {
        const context = await offlineContext(browser, origin, PAGE_VIEWPORT, traffic);
        const page = await context.newPage();
        watch(page, traffic);
        const before = traffic.requests.length;
        try {
          await page.goto(local.support, { waitUntil: 'load', timeout: TIMEOUT_MS });
          assert((await page.getAttribute('html', 'lang')) === 'sv', 'the Swedish page is not lang="sv"');
          await page.getByRole('heading', { level: 1, name: 'Infosäkkollen för Excel' }).waitFor({ timeout: TIMEOUT_MS });
          for (const heading of ['Vad tillägget gör', 'Uppgifterna lämnar inte arbetsboken', 'Rapportera ett problem']) {
            assert((await page.getByRole('heading', { level: 2, name: heading }).count()) === 1, `no heading "${heading}"`);
          }
          const version = /<Version>([^<]+)<\/Version>/.exec(devManifest)?.[1];
          assert((await page.textContent('footer'))?.includes(`version ${version}`), `the footer does not name version ${version}`);
          assert((await page.locator('script').count()) === 0, 'the support page has a script');
          const tryIt = await page.getByRole('link', { name: 'Öppna fönstret i webbläsaren' }).getAttribute('href');
          assert(new URL(tryIt ?? '', page.url()).href === local.source, `"Öppna fönstret" leads to ${tryIt}`);
          await page.screenshot({ path: join(ARTIFACTS, 'deploy-support.png'), fullPage: true });

          await page.getByRole('link', { name: 'In English' }).click();
          await page.waitForURL(local.supportEn, { timeout: TIMEOUT_MS });
          assert((await page.getAttribute('html', 'lang')) === 'en', 'the English page is not lang="en"');
          for (const heading of ['What the add-in does', 'Your data does not leave the workbook', 'Report a problem']) {
            assert((await page.getByRole('heading', { level: 2, name: heading }).count()) === 1, `no heading "${heading}"`);
          }
          await page.screenshot({ path: join(ARTIFACTS, 'deploy-support-en.png'), fullPage: true });

          // Reflow: as narrow as a task pane, nothing scrolls sideways.
          await page.setViewportSize({ width: 320, height: 900 });
          await page.goto(local.support, { waitUntil: 'load', timeout: TIMEOUT_MS });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 0, `the support page scrolls ${overflow} px sideways at 320 px`);
          await page.screenshot({ path: join(ARTIFACTS, 'deploy-support-320.png'), fullPage: true });

          const asked = traffic.requests.slice(before);
          assert(asked.every((u) => u.startsWith(base)), `the support pages asked for ${asked.filter((u) => !u.startsWith(base)).join(', ')}`);
        } finally {
          await context.close();
        }
      },
    },
  ];

  let passed = 0;
  let failed = 0;
  try {
    for (const check of checks) {
      traffic.problems.length = 0;
      const t0 = Date.now();
      try {
        await check.run();
        if (traffic.problems.length > 0) throw new Error(traffic.problems.join('\n    '));
        passed++;
        console.log(`  ✓ ${check.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${check.name}\n    ${error instanceof Error ? error.message : String(error)}`);
        const message = error instanceof Error ? error.message : '';
        if (traffic.problems.length > 0 && message !== traffic.problems.join('\n    ')) console.log(`    ${traffic.problems.join('\n    ')}`);
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  console.log(`e2e deploy: ${passed} passed, ${failed} failed (served at ${base}; screenshots: test-artifacts/deploy-*.png)`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('e2e deploy: could not run:', error instanceof Error ? error.stack : error);
    console.log('e2e deploy: 0 passed, 1 failed');
    process.exitCode = 1;
  },
);

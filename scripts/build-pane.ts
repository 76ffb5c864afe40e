/**
 * Builds the task pane with webpack's Node API (the e2e test and the bundle benchmark share it).
 * Same config as `npm run build:web`; outDir keeps these builds away from dist/.
 */
import { resolve } from 'node:path';
import webpack, { type Configuration, type Stats } from 'webpack';

export interface BuildOptions {
  readonly outDir: string;
  readonly mode?: 'production' | 'development';
  /** 'local' = office.js from node_modules (no internet), 'cdn' = Microsoft's CDN (published add-ins). */
  readonly officeJs: 'local' | 'cdn';
}

export async function buildPane(options: BuildOptions): Promise<Stats> {
  const previous = process.env.OFFICE_JS;
  process.env.OFFICE_JS = options.officeJs;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(resolve(__dirname, '..', 'webpack.config.js')) as (
      env: Record<string, unknown>,
      argv: { mode: string },
    ) => Promise<Configuration>;
    const config = await makeConfig({ outDir: resolve(options.outDir) }, { mode: options.mode ?? 'production' });
    const compiler = webpack(config);
    const stats = await new Promise<Stats>((done, fail) => compiler.run((error, result) => (error || !result ? fail(error) : done(result))));
    await new Promise<void>((done) => compiler.close(() => done()));
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true, colors: false }));
    return stats;
  } finally {
    if (previous === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = previous;
  }
}

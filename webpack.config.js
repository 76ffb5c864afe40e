/* eslint-disable no-console */
/**
 * The task pane bundle: dist/taskpane.html + taskpane.js (+ the preview chunk and assets).
 *
 *   webpack --mode production    office.js from Microsoft's CDN (required for published add-ins)
 *   webpack --mode development   office.js copied from node_modules into dist/office-js (no internet)
 *   OFFICE_JS=local|cdn          overrides the choice above (the e2e test builds production + local)
 *   webpack serve                https://localhost:3000 with office-addin-dev-certs certificates
 *   --env outDir=some/dir        builds there instead of dist/
 *
 * Also the support and privacy pages (src/support/ → support.html, support-en.html), static HTML
 * without scripts. All URLs in the output are relative, so dist/ works under any folder of any host;
 * the production manifest for a host (BASE_URL) is written after webpack by scripts/build-manifest.ts.
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const PORT = Number(process.env.PORT || 3000);

/**
 * The files office.js needs from its own folder: itself, the Excel host scripts it loads by URL in
 * Excel, and its Swedish and English strings. The other hosts and 50+ locales (86 MB) are left out.
 */
const LOCAL_OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-*-16.*.js',
  'en-us/office_strings.js',
  'sv-se/office_strings.js',
];

/**
 * Certificates: office-addin-dev-certs creates (and tries to trust) a localhost certificate. Trusting
 * needs sudo; when that fails the generated files are still usable, with a browser warning. When no
 * certificate can be made at all, webpack-dev-server generates its own self-signed one.
 */
async function httpsServer() {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const defaults = devCerts && require('office-addin-dev-certs/lib/defaults');
    if (defaults && fs.existsSync(defaults.localhostCertificatePath) && fs.existsSync(defaults.localhostKeyPath)) {
      console.warn(`office-addin-dev-certs: certificate not trusted (${firstLine(error)}); using it anyway.`);
      return {
        type: 'https',
        options: {
          ca: fs.readFileSync(defaults.caCertificatePath),
          cert: fs.readFileSync(defaults.localhostCertificatePath),
          key: fs.readFileSync(defaults.localhostKeyPath),
        },
      };
    }
    console.warn(`office-addin-dev-certs failed (${firstLine(error)}); using a self-signed certificate.`);
    return 'https';
  }
}

/** The add-in's version as the manifest declares it (the support pages show it). */
function manifestVersion() {
  const xml = fs.readFileSync(path.resolve(__dirname, 'manifest.xml'), 'utf8');
  const match = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(xml);
  if (!match) throw new Error('manifest.xml has no <Version>');
  return match[1];
}

function firstLine(error) {
  return String((error && error.message) || error).split('\n')[0];
}

module.exports = async (env, argv) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const officeJs = process.env.OFFICE_JS || (dev ? 'local' : 'cdn');
  if (officeJs !== 'local' && officeJs !== 'cdn') throw new Error(`OFFICE_JS must be "local" or "cdn", not "${officeJs}"`);
  const serving = Boolean(env && env.WEBPACK_SERVE);

  return {
    mode,
    // Office on Windows uses Edge WebView2 and Office on the web a current browser: ES2020 needs no polyfills.
    target: ['web', 'es2020'],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      // --env outDir=… lets the e2e test and the benchmark build beside dist/ without clobbering it.
      path: path.resolve(__dirname, (env && env.outDir) || 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            // Type checking is `npm run lint`'s job; ES modules let webpack drop unused Fluent UI code.
            transpileOnly: true,
            compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: true },
          },
        },
      ],
    },
    // Fluent UI imports its icons from @fluentui/react-icons' index (every icon, 18 MB of source);
    // without used-export analysis the development bundle would carry all of them.
    optimization: dev ? { usedExports: true, sideEffects: true } : undefined,
    performance: {
      // The real budget (300 KB gzipped JS) is checked by scripts/bench-bundle.ts; these are raw sizes.
      hints: dev ? false : 'warning',
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 900 * 1024,
      assetFilter: (file) => file.endsWith('.js'),
    },
    plugins: [
      // Issue 14: the pane loads each catalog's pre-validated bundle as a chunk of its own when a
      // workbook needs it, instead of every catalog in the first script (sources.ts imports them all,
      // for the command line and the tests).
      new webpack.NormalModuleReplacementPlugin(/^\.\/sources$/, (resource) => {
        if (path.resolve(resource.context) === path.resolve(__dirname, 'src/core/catalog')) resource.request = './sources.lazy';
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs: officeJs === 'cdn' ? CDN_OFFICE_JS : 'office-js/office.js' },
      }),
      // The page the manifest's SupportUrl names: no script, its style inlined, nothing from elsewhere.
      ...['support.html', 'support-en.html'].map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: page,
            template: `./src/support/${page}`,
            chunks: [],
            inject: false,
            templateParameters: {
              version: manifestVersion(),
              css: fs.readFileSync(path.resolve(__dirname, 'src/support/support.css'), 'utf8'),
            },
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          ...(officeJs === 'local'
            ? LOCAL_OFFICE_JS_FILES.map((file) => ({
                from: file,
                context: OFFICE_JS_DIR,
                to: file.includes('*') ? 'office-js/[path][name][ext]' : `office-js/${file}`,
                toType: file.includes('*') ? 'template' : 'file',
                globOptions: { ignore: ['**/*.debug.js'] },
                // Microsoft's files are minified already; Terser would only spend a minute on them.
                info: { minimized: true },
              }))
            : []),
        ],
      }),
    ],
    devServer: serving
      ? {
          port: PORT,
          host: 'localhost',
          server: await httpsServer(),
          static: false,
          hot: false,
          client: { overlay: { warnings: false, errors: true } },
          // Excel loads the pane from https://localhost:3000 inside its own origin.
          headers: { 'Access-Control-Allow-Origin': '*' },
          historyApiFallback: false,
          open: false,
        }
      : undefined,
  };
};

/**
 * Builds the add-in's web part into dist/: the task pane and ribbon command pages, their scripts, the icons,
 * the support page, the manifest, and office.js.
 *
 * office.js, two builds (README: "Which office.js build"):
 * - default (`officeJs=local`): a copy from @microsoft/office-js, served by the add-in itself, so that it loads
 *   nothing from a public CDN (city offices often work on closed networks; Microsoft allows a local copy for
 *   internal and closed-network add-ins).
 * - `--env officeJs=cdn`: Microsoft's CDN, https://appsforoffice.microsoft.com/lib/1/hosted/office.js, which
 *   Marketplace (AppSource) add-ins must reference; nothing of @microsoft/office-js is copied.
 *   https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
 *
 *   npm run build                                        production build, URLs https://localhost:3000/
 *   npm run build -- --env addinUrl=https://host/path/   the same, with dist/manifest.xml pointing there
 *   npm run build -- --env officeJs=cdn                  office.js from Microsoft's CDN
 *   npm run dev-server                                   https://localhost:3000 (scripts/dev-certs.js)
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_OFFICE_JS = 'office-js/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const FLUENT_FAST_ELEMENT = path.dirname(
  require.resolve('@microsoft/fast-element/package.json', {
    paths: [path.dirname(require.resolve('@fluentui/web-components/package.json'))],
  }),
);

/**
 * What office.js loads from beside itself when the host is Excel: the Excel host scripts (named after
 * platform and version, e.g. excel-win32-16.01.js; excel-15.js through the mapping table on Office 2013),
 * the telemetry sinks that office.js and the host scripts load, and the locale strings for the languages
 * the add-in speaks (office.js falls back to en-us for any other Office language). Debug variants are left
 * out: the pages load office.js, not office.debug.js. The package's other 77 MB (Word, Outlook,
 * PowerPoint, ... and every other locale) are never copied.
 */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-*.js',
  'excelwebapp-*.js',
  'excelios-*.js',
  'telemetry/oteljs_agave.js',
  'ariatelemetry/aria-web-telemetry.js',
  'ja-jp/*.js',
  'en-us/*.js',
];

/** The https base URL (ending in /) that serves dist/, for the copy of the manifest in dist/. */
function addinUrl(env) {
  const url = env.addinUrl || DEV_URL;
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(url)) {
    throw new Error(`addinUrl must be an https URL ending in "/": ${url}`);
  }
  return url;
}

/** Where the pages load office.js from: 'local' (default) or 'cdn'. */
function officeJsSource(env) {
  const source = env.officeJs || 'local';
  if (source !== 'local' && source !== 'cdn') {
    throw new Error(`officeJs must be "local" or "cdn": ${source}`);
  }
  return source;
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = addinUrl(env);
  const officeJs = officeJsSource(env);
  const templateParameters = { officeJsUrl: officeJs === 'cdn' ? OFFICE_JS_CDN : LOCAL_OFFICE_JS };
  const officeJsCopies =
    officeJs === 'cdn'
      ? []
      : OFFICE_JS_FILES.map((file) => ({
          from: file,
          context: OFFICE_JS_DIR,
          // Keeps telemetry/, ja-jp/, ... where office.js looks for them.
          to: `office-js/${path.dirname(file)}/[name][ext]`,
          globOptions: { ignore: ['**/*.debug.js'] },
          // Microsoft's files are already minified: copied as they are, not run through Terser again.
          info: { minimized: true },
        }));

  return {
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    // ES2020 output (tsconfig.web.json) still runs in the Safari web views of older Macs with Excel 2021.
    target: ['web', 'es2020'],
    devtool: production ? false : 'source-map',
    resolve: {
      extensions: ['.ts', '.js'],
      // One FAST runtime for Fluent: npm nests two copies of fast-element 1.x (a top-level 3.x takes the
      // hoisted slot), and styles made by one copy are empty in components built by the other.
      alias: { '@microsoft/fast-element$': FLUENT_FAST_ELEMENT },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: 'tsconfig.web.json', onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    performance: {
      // The task pane must stay small (issue 8: under 300 KB minified); warn well before that.
      hints: production ? 'warning' : false,
      maxEntrypointSize: 300 * 1024,
      maxAssetSize: 300 * 1024,
      // office.js and the Excel host scripts are Microsoft's and loaded on demand: not ours to size.
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/'),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/support.html', to: 'support.html' },
          { from: 'src/taskpane/*.css', to: '[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString('utf8').split(DEV_URL).join(baseUrl),
          },
          ...officeJsCopies,
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Certificates are created (and trusted) only when serving, never for a plain build.
      server: serving
        ? {
            type: 'https',
            options: await require('./scripts/dev-certs').httpsServerOptions(),
          }
        : 'https',
    },
  };
};

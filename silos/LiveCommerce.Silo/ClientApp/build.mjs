// Bundles the web pages into ../wwwroot/dist with esbuild: one script per page and one style sheet.
// `node build.mjs` (or `npm run build`); `node build.mjs --dev` keeps the output readable.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');
const outdir = path.join(here, '..', 'wwwroot', 'dist');

// Start clean, so that chunks of earlier builds do not pile up.
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: here,
  entryPoints: {
    landing: 'src/landing.js',
    watch: 'src/watch.js',
    studio: 'src/studio.js',
    app: 'src/css/app.css',
  },
  outdir,
  bundle: true,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'browser',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
  minify: !dev,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log('web pages bundled into wwwroot/dist');

/**
 * Builds the web console (src/ui) into dist/ui with esbuild: one ES-module entry, code split so
 * the modeler (bpmn-js, properties panel, bpmnlint) loads only on the administrator's pages,
 * CSS from the npm packages bundled next to it, fonts inlined. Run by `npm run build` (and so by
 * `npm start` and `npm test`); the service serves the folder at `/` (src/rest/ui).
 *
 * esbuild rather than Vite: one dependency with no plugins to keep in step, and a build of a
 * few seconds; the console needs no dev server (the service itself serves it).
 */
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = process.env.UI_OUT_DIR ?? join(here, '..', '..', 'dist', 'ui');

export async function buildUi({ out = outdir, minify = true } = {}) {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const result = await build({
    entryPoints: { app: join(here, 'main.tsx') },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(here, 'tsconfig.json'),
    // .eot is for Internet Explorer only; Chromium would try to decode it and log an error.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'empty', '.svg': 'dataurl', '.bpmn': 'text' },
    chunkNames: 'chunks/[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    metafile: true,
  });
  await copyFile(join(here, 'index.html'), join(out, 'index.html'));
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildUi();
  console.log(`ui: built ${outdir} in ${Date.now() - started} ms`);
}

// Bundles the Electron shell with esbuild:
//   electron/main/main.ts    -> dist/electron/main.cjs     (Node, CJS; electron and native modules stay external)
//   electron/preload/index.ts -> dist/electron/preload.cjs (one CJS file: a sandboxed preload can require
//                                                           only 'electron' and a few builtins)
// Works without the Electron binary: nothing here runs Electron.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Loaded at run time from node_modules (native code, or optional native speed-ups of ws). */
export const MAIN_EXTERNALS = [
  'electron',
  'better-sqlite3',
  'node-hid',
  'usb',
  'serialport',
  '@serialport/*',
  'bufferutil',
  'utf-8-validate',
];

/**
 * @param {{ outDir?: string, minify?: boolean, logLevel?: import('esbuild').LogLevel, only?: ('main' | 'preload')[] }} [options]
 * @returns {Promise<{ main?: string, preload?: string }>} the files written
 */
export async function buildElectron(options = {}) {
  const outDir = path.resolve(root, options.outDir ?? 'dist/electron');
  const only = options.only ?? ['main', 'preload'];
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: /** @type {const} */ ('cjs'),
    sourcemap: /** @type {const} */ ('linked'),
    minify: options.minify ?? false,
    legalComments: /** @type {const} */ ('none'),
    logLevel: options.logLevel ?? 'warning',
    tsconfig: path.join(root, 'tsconfig.node.json'),
  };
  /** @type {{ main?: string, preload?: string }} */
  const written = {};
  /** @type {Promise<void>[]} */
  const jobs = [];

  if (only.includes('main')) {
    const outfile = path.join(outDir, 'main.cjs');
    jobs.push(
      build({
        ...common,
        entryPoints: [path.join(root, 'electron/main/main.ts')],
        outfile,
        platform: 'node',
        target: 'node22',
        external: MAIN_EXTERNALS,
        // The core may use import.meta.url (e.g. to find resources); give it the real value in CJS.
        banner: { js: "const __kiosk_import_meta_url = require('url').pathToFileURL(__filename).href;" },
        define: { 'import.meta.url': '__kiosk_import_meta_url' },
      }).then(() => {
        written.main = outfile;
      }),
    );
  }

  if (only.includes('preload')) {
    const outfile = path.join(outDir, 'preload.cjs');
    jobs.push(
      build({
        ...common,
        entryPoints: [path.join(root, 'electron/preload/index.ts')],
        outfile,
        // Runs in Chromium's renderer with Electron's sandboxed require: bundle everything but 'electron'.
        platform: 'browser',
        target: 'chrome130',
        external: ['electron'],
        define: { 'process.env.NODE_ENV': '"production"' },
      }).then(() => {
        written.preload = outfile;
      }),
    );
  }
  // Both bundles are attempted even if one fails, so one broken import does not hide the other's state.
  const failed = (await Promise.allSettled(jobs)).filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    const reasons = failed.map((r) => (r.reason instanceof Error ? r.reason.message : String(r.reason)));
    throw new Error(`${reasons.join('\n')}\n(built: ${Object.keys(written).join(', ') || 'nothing'})`);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildElectron()
    .then((files) =>
      console.log(
        `[kiosk] built ${Object.values(files)
          .map((f) => path.relative(root, f))
          .join(', ')}`,
      ),
    )
    .catch((error) => {
      console.error('[kiosk] electron build failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

// `npm start` (after scripts/build.mjs): the Electron kiosk where the Electron binary is installed;
// otherwise the same app through the browser host, with one line saying so (contracts §3).
// The binary is looked for on disk, never through require('electron'), which would try to download it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const FALLBACK_MESSAGE =
  '[kiosk] Electron binary not installed (offline install); starting the same app in the browser host instead.';

/**
 * The Electron executable if it is really there: `ELECTRON_OVERRIDE_DIST_PATH` (Electron's own switch for
 * a binary supplied from elsewhere), else node_modules/electron/dist/<path.txt> as the electron package's
 * install script leaves it. Undefined when missing.
 * @param {{ root?: string, env?: NodeJS.ProcessEnv, exists?: (file: string) => boolean, read?: (file: string) => string }} [options]
 * @returns {string | undefined}
 */
export function findElectronBinary(options = {}) {
  const base = options.root ?? root;
  const env = options.env ?? process.env;
  const exists = options.exists ?? ((file) => fs.existsSync(file));
  const read = options.read ?? ((file) => fs.readFileSync(file, 'utf8'));
  const pkg = path.join(base, 'node_modules', 'electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (!exists(pathTxt)) return undefined;
  let relative;
  try {
    relative = read(pathTxt).trim();
  } catch {
    return undefined;
  }
  if (!relative) return undefined;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
  const binary = path.join(distDir, relative);
  return exists(binary) ? binary : undefined;
}

/** The environment for the Electron child: as given, minus the switch that would make it plain Node. */
export function electronEnv(env = process.env) {
  const next = { ...env };
  delete next.ELECTRON_RUN_AS_NODE;
  return next;
}

/** @returns {Promise<number | undefined>} the Electron exit code, or undefined when the browser host runs */
export async function start() {
  const main = path.join(root, 'dist', 'electron', 'main.cjs');
  const binary = findElectronBinary();
  if (binary) {
    if (!fs.existsSync(main)) {
      throw new Error(
        `the Electron shell is not built (${path.relative(root, main)} is missing): run \`npm run build\` first`,
      );
    }
    // '.' is the project: Electron reads package.json "main" (dist/electron/main.cjs) and its name.
    const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env: electronEnv() });
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
      process.on(signal, () => child.kill(signal));
    }
    return await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  }

  console.log(FALLBACK_MESSAGE);
  const host = path.join(root, 'dist', 'host', 'main.js');
  if (!fs.existsSync(host)) {
    throw new Error(
      `the browser host is not built (${path.relative(root, host)} is missing): run \`npm run build\` first`,
    );
  }
  // In-process: the host prints its URLs and runs until stopped (Ctrl+C).
  await import(pathToFileURL(host).href);
  return undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  start().then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (error) => {
      console.error('[kiosk]', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

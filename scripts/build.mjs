// One build for every target: the renderer (Vite), the browser host and the Electron shell (esbuild).
// Node >= 22 is checked first: better-sqlite3 13 crashes on older runtimes.
import './check-runtime.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAll({ quiet = false } = {}) {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  await esbuild({
    entryPoints: [path.join(root, 'electron/host/main.ts')],
    outfile: path.join(root, 'dist/host/main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external', // node_modules stay where npm put them (native bindings included)
    sourcemap: true,
    logLevel: quiet ? 'warning' : 'info',
  });
  const electronBuild = path.join(root, 'scripts/build-electron.mjs');
  if (fs.existsSync(electronBuild)) {
    const mod = await import(pathToFileURL(electronBuild).href);
    if (typeof mod.buildElectron === 'function') await mod.buildElectron({ quiet });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildAll({ quiet: process.argv.includes('--quiet') }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = path.join(repo, 'scripts', 'start.mjs');

interface StartModule {
  FALLBACK_MESSAGE: string;
  findElectronBinary(options: {
    root?: string;
    env?: NodeJS.ProcessEnv;
    exists?: (f: string) => boolean;
    read?: (f: string) => string;
  }): string | undefined;
  electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}
let start: StartModule;
beforeAll(async () => {
  start = (await import(pathToFileURL(script).href)) as StartModule;
});

describe('findElectronBinary', () => {
  const root = '/app';
  const pkg = path.join(root, 'node_modules', 'electron');
  const files =
    (...present: string[]) =>
    (file: string) =>
      present.includes(file);

  it('finds dist/<path.txt> when the install script has run', () => {
    const binary = path.join(pkg, 'dist', 'electron');
    expect(
      start.findElectronBinary({
        root,
        env: {},
        exists: files(path.join(pkg, 'path.txt'), binary),
        read: () => 'electron\n',
      }),
    ).toBe(binary);
  });

  it('is undefined without path.txt (the install script was skipped, as here)', () => {
    expect(start.findElectronBinary({ root, env: {}, exists: files(), read: () => 'electron' })).toBeUndefined();
  });

  it('is undefined when path.txt names a binary that is not there', () => {
    expect(
      start.findElectronBinary({ root, env: {}, exists: files(path.join(pkg, 'path.txt')), read: () => 'electron' }),
    ).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const binary = path.join('/opt/electron-45', 'electron');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' };
    expect(
      start.findElectronBinary({
        root,
        env,
        exists: files(path.join(pkg, 'path.txt'), binary),
        read: () => 'electron',
      }),
    ).toBe(binary);
  });

  it('finds nothing in this checkout, where the binary cannot be downloaded', () => {
    expect(start.findElectronBinary({})).toBeUndefined();
  });
});

describe('electronEnv', () => {
  it('drops ELECTRON_RUN_AS_NODE and keeps the kiosk settings', () => {
    expect(start.electronEnv({ ELECTRON_RUN_AS_NODE: '1', KIOSK_NOW: '2026-11-23T09:00:00+09:00' })).toEqual({
      KIOSK_NOW: '2026-11-23T09:00:00+09:00',
    });
  });
});

describe('npm start without the Electron binary', () => {
  it('says so in one line before anything else', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-start-'));
    // If the browser host is built it really starts: give it its own data folder and an unusual port.
    const env = { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_PORT: String(40_000 + (process.pid % 20_000)) };
    const child = spawn(process.execPath, [script], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => stdout, { timeout: 15_000 }).toContain(start.FALLBACK_MESSAGE);
      expect(stdout.split('\n')[0]).toBe(start.FALLBACK_MESSAGE);
      // What follows is the browser host's own output (its URLs), or, when it is not built, how to build it.
      expect(stderr).not.toMatch(/electron/i);
    } finally {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});

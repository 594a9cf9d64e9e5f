/**
 * The built bundles, as Electron would load them: scripts/build-electron.mjs bundles main and preload,
 * then dist main.cjs is required with 'electron' swapped for the fake, so the real shell runs on the
 * real core (SQLite, simulator) in this Node process. A kiosk window appears, and a request sent the way
 * the preload sends it comes back answered by the core.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../shared/api/index';
import { IPC_REQUEST_CHANNEL } from '../../../shared/api/bridge';
import electronMock, { app, FakeBrowserWindow, ipcMain, resetElectronMock } from '../mocks/electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const repoRequire = createRequire(path.join(repo, 'package.json'));

interface BuildModule {
  buildElectron(options: { outDir: string; logLevel?: string }): Promise<{ main?: string; preload?: string }>;
  MAIN_EXTERNALS: string[];
}

let tmp: string;
let built: { main?: string; preload?: string };
let externals: string[];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bundle-'));
  const mod = (await import(pathToFileURL(path.join(repo, 'scripts/build-electron.mjs')).href)) as BuildModule;
  externals = mod.MAIN_EXTERNALS;
  built = await mod.buildElectron({ outDir: path.join(tmp, 'dist', 'electron'), logLevel: 'silent' });
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('dist/electron/preload.cjs', () => {
  it('is one CJS file that requires nothing but electron and carries no zod', () => {
    const code = fs.readFileSync(built.preload!, 'utf8');
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bzod\b/);
    expect(code).not.toMatch(/\bimport\s*[({]/);
    expect(code).toContain('kioskBridge');
  });
});

describe('dist/electron/main.cjs', () => {
  it('leaves electron and the native modules external', () => {
    const code = fs.readFileSync(built.main!, 'utf8');
    const requires = new Set([...code.matchAll(/require\(["']([^"'./][^"']*)["']\)/g)].map((m) => m[1]!));
    expect(requires.has('electron')).toBe(true);
    for (const r of requires)
      expect(r.startsWith('node:') || externals.includes(r) || /^[a-z_]+$/.test(r), r).toBe(true);
    expect(requires.has('zod')).toBe(false); // bundled, not required at run time
  });

  it('boots the real core behind the fake Electron and answers IPC', async () => {
    resetElectronMock();
    const dataDir = path.join(tmp, 'data');
    const saved = { ...process.env };
    Object.assign(process.env, {
      KIOSK_DATA_DIR: dataDir,
      KIOSK_NOW: '2026-11-23T09:00:00+09:00',
      KIOSK_ID: 'bundle-1',
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    const Module = repoRequire('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
    const originalLoad = Module._load;
    Module._load = function (request: string, ...rest: unknown[]) {
      if (request === 'electron') return electronMock;
      // dist lives outside the repo here: resolve native modules from the repo instead
      if (externals.includes(request)) return originalLoad.call(this, repoRequire.resolve(request), ...rest);
      return originalLoad.call(this, request, ...rest);
    };
    try {
      createRequire(built.main!)(built.main!);
      await vi.waitFor(() => expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0), { timeout: 20_000 });
      const kiosk = FakeBrowserWindow.instances[0]!;
      expect(kiosk.options).toMatchObject({
        kiosk: true,
        webPreferences: { sandbox: true, preload: path.join(path.dirname(built.main!), 'preload.cjs') },
      });

      const status = (await ipcMain.invokeHandler(IPC_REQUEST_CHANNEL, kiosk.webContents, [
        { name: 'status.get', input: {} },
      ])) as ApiResult<{ today: string }>;
      expect(status).toMatchObject({ ok: true, value: { today: '2026-11-23' } });
      const forbidden = (await ipcMain.invokeHandler(IPC_REQUEST_CHANNEL, kiosk.webContents, [
        { name: 'staff.list', input: {} },
      ])) as ApiResult<unknown>;
      expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const started = (await ipcMain.invokeHandler(IPC_REQUEST_CHANNEL, kiosk.webContents, [
        { name: 'session.start', input: { kioskId: 'bundle-1' } },
      ])) as ApiResult<{ kioskId: string }>;
      expect(started).toMatchObject({ ok: true, value: { kioskId: 'bundle-1' } });
      expect(fs.existsSync(dataDir)).toBe(true);

      app.emit('will-quit', { defaultPrevented: false, preventDefault() {} });
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0), { timeout: 10_000 });
      expect(exit).not.toHaveBeenCalled();
    } finally {
      Module._load = originalLoad;
      process.env = saved;
      exit.mockRestore();
      stderr.mockRestore();
    }
  }, 60_000);
});

import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEventName, ApiResult } from '../../../shared/api/index';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../../shared/api/bridge';
import type { Core, CoreOptions } from '../../../electron/core/index';

vi.mock('electron', () => import('../mocks/electron'));
// The shell is tested against a fake core; the core has its own tests.
vi.mock('../../../electron/core/index', () => ({
  createCore: vi.fn(async () => {
    throw new Error('pass createCore in the test');
  }),
  defaultDataDir: () => '/home/clinic/.local/share/clinic-reception-kiosk',
}));

import {
  app,
  dialog,
  fakeEvent,
  FakeBrowserWindow,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  resetElectronMock,
  screen,
  session,
} from '../mocks/electron';
import { startApp } from '../../../electron/main/app';
import { gateOver } from '../../helpers/gate';

type Push = (event: ApiEventName, payload: unknown) => void;

function fakeCore() {
  const pushes: Push[] = [];
  const core = {
    handle: vi.fn(async (_caller: unknown, name: unknown): Promise<ApiResult<unknown>> => ({
      ok: true,
      value: { name },
    })),
    subscribe: vi.fn((_caller: unknown, push: Push) => {
      pushes.push(push);
      return () => {};
    }),
    close: vi.fn(async () => {}),
  };
  const { connect } = gateOver(core);
  const withGate = { ...core, connect };
  return { core, pushes, createCore: vi.fn(async (_options: CoreOptions) => withGate as unknown as Core) };
}

let tmp: string;
let distDir: string;

beforeEach(() => {
  resetElectronMock();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-app-'));
  distDir = path.join(tmp, 'dist', 'electron');
  fs.mkdirSync(path.join(tmp, 'dist', 'renderer'), { recursive: true });
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'dist', 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const env = () => ({
  KIOSK_DATA_DIR: path.join(tmp, 'data'),
  KIOSK_NOW: '2026-11-23T09:00:00+09:00',
  KIOSK_ID: 'front-1',
});
const windows = () => FakeBrowserWindow.instances;
const byRole = (role: string) =>
  windows().find((w) =>
    (w.options.webPreferences as { additionalArguments: string[] }).additionalArguments.includes(
      `--kiosk-role=${role}`,
    ),
  );

describe('startApp', () => {
  it('quits at once when another instance holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    const { createCore } = fakeCore();
    await expect(startApp({ env: env(), distDir, createCore, logToConsole: false })).resolves.toBeUndefined();
    expect(app.quit).toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
    expect(windows()).toHaveLength(0);
  });

  it('removes the menu and registers the app:// scheme before ready', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0]!,
    );
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('disable-pinch');
  });

  it('creates the core from the environment', async () => {
    const { createCore } = fakeCore();
    const shellEnv = { ...env(), KIOSK_ONSHI_DIR: path.join(tmp, 'onshi'), KIOSK_PRINTER: 'simulator' };
    const started = await startApp({
      env: shellEnv,
      distDir,
      createCore,
      logToConsole: false,
    });
    expect(createCore).toHaveBeenCalledWith({
      dataDir: path.join(tmp, 'data'),
      now: '2026-11-23T09:00:00+09:00',
      onshiDir: path.join(tmp, 'onshi'),
      devices: { printer: { kind: 'simulator' } }, // KIOSK_PRINTER, parsed by electron/config.ts
    });
    expect(started?.config.kioskId).toBe('front-1');
  });

  it('defaults the data folder to the same app-data folder the browser host uses', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: {}, distDir, createCore, logToConsole: false });
    expect(createCore).toHaveBeenCalledWith({ dataDir: '/home/clinic/.local/share/clinic-reception-kiosk' });
  });

  it('serves dist/renderer on app:// with the CSP', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const res = await handler!(new Request('app://kiosk/staff'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await handler!(new Request('app://kiosk/..%2f..%2fdata'))).status).toBe(403);
  });

  it('denies permissions on the default session', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    await expect(session.defaultSession.requestPermission('media')).resolves.toBe(false);
    expect(session.defaultSession.checkPermission('geolocation')).toBe(false);
  });

  it('opens the kiosk window (and, in development, the staff console) with the preload and roles', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    expect(windows()).toHaveLength(2);
    const kiosk = byRole('kiosk')!;
    expect(kiosk.options).toMatchObject({
      kiosk: true,
      webPreferences: { preload: path.join(distDir, 'preload.cjs'), sandbox: true, contextIsolation: true },
    });
    expect((kiosk.options.webPreferences as { additionalArguments: string[] }).additionalArguments).toContain(
      '--kiosk-id=front-1',
    );
    expect(kiosk.loadURL).toHaveBeenCalledWith('app://kiosk/');
    expect(byRole('staff')!.loadURL).toHaveBeenCalledWith('app://kiosk/staff');
  });

  it('on a packaged single-screen kiosk opens only the patient window', async () => {
    app.isPackaged = true;
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    expect(windows()).toHaveLength(1);
    expect(byRole('kiosk')!.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('puts the staff console on a second display', async () => {
    app.isPackaged = true;
    const second = {
      id: 2,
      bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
      workArea: { x: 1920, y: 0, width: 1920, height: 1040 },
    };
    screen.getAllDisplays.mockImplementation(() => [screen.getPrimaryDisplay(), second]);
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    expect(byRole('staff')!.options).toMatchObject({ x: 1920 + 320, y: 90 });
  });

  it('keeps the display awake', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });

  it('wires IPC: requests carry the window role, events reach the window', async () => {
    const { core, pushes, createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    const kiosk = byRole('kiosk')!;
    const staff = byRole('staff')!;
    await expect(
      ipcMain.invokeHandler(IPC_REQUEST_CHANNEL, kiosk.webContents, [{ name: 'status.get', input: {} }]),
    ).resolves.toEqual({ ok: true, value: { name: 'status.get' } });
    expect(core.handle).toHaveBeenCalledWith({ role: 'kiosk', kioskId: 'front-1' }, 'status.get', {});
    // The staff console is nobody until someone signs in: no request reaches the core, no event is pushed.
    await expect(
      ipcMain.invokeHandler(IPC_REQUEST_CHANNEL, staff.webContents, [{ name: 'staff.list', input: {} }]),
    ).resolves.toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    expect(core.handle).toHaveBeenCalledTimes(1);
    expect(pushes).toHaveLength(1);
    pushes[0]!('status.changed', { state: 'down' });
    expect(kiosk.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, {
      event: 'status.changed',
      payload: { state: 'down' },
    });
  });

  it('locks down every window it creates', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    const kiosk = byRole('kiosk')!.webContents;
    expect(kiosk.navigate('https://example.com/')).toBe(false);
    expect(kiosk.navigate('app://kiosk/admin')).toBe(false);
    expect(kiosk.openWindow('app://kiosk/')).toBe('deny');
    expect(kiosk.pressKey({ key: 'F5', code: 'F5' })).toBe(false);
    expect(kiosk.attachWebview({})).toBe(false);
  });

  it('opens the admin screen when the staff console asks for /admin, and only then', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    expect(byRole('kiosk')!.webContents.openWindow('app://kiosk/admin')).toBe('deny');
    expect(byRole('admin')).toBeUndefined();
    expect(byRole('staff')!.webContents.openWindow('app://kiosk/admin')).toBe('deny');
    const admin = byRole('admin')!;
    expect(admin.loadURL).toHaveBeenCalledWith('app://kiosk/admin');
    expect(admin.options.kiosk).toBeUndefined();
  });

  it('focuses the kiosk window when a second instance starts', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    const kiosk = byRole('kiosk')!;
    kiosk.minimized = true;
    app.emit('second-instance', fakeEvent(), [], '/');
    expect(kiosk.restore).toHaveBeenCalled();
    expect(kiosk.focus).toHaveBeenCalled();
  });

  it('closes the core before the process exits', async () => {
    const { core, createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    const willQuit = fakeEvent();
    app.emit('will-quit', willQuit);
    expect(willQuit.defaultPrevented).toBe(true);
    expect(core.close).toHaveBeenCalledTimes(1);
    expect(ipcMain.handlers.has(IPC_REQUEST_CHANNEL)).toBe(false);
    expect(powerSaveBlocker.stop).toHaveBeenCalledWith(7);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    app.emit('will-quit', fakeEvent());
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('lets the packaged kiosk window close only once the app is quitting', async () => {
    app.isPackaged = true;
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    const kiosk = byRole('kiosk')!;
    expect(kiosk.close()).toBe(false);
    app.emit('before-quit', fakeEvent());
    expect(kiosk.close()).toBe(true);
  });

  it('relaunches the app after repeated renderer crashes', async () => {
    const { createCore } = fakeCore();
    await startApp({ env: env(), distDir, createCore, logToConsole: false });
    const kiosk = byRole('kiosk')!;
    kiosk.webContents.crash();
    kiosk.webContents.crash();
    expect(app.relaunch).not.toHaveBeenCalled();
    kiosk.webContents.crash();
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalled();
  });

  it('relaunches the app after an exception nobody caught in the main process', async () => {
    const { createCore } = fakeCore();
    const processEvents = new EventEmitter();
    await startApp({
      env: env(),
      distDir,
      createCore,
      logToConsole: false,
      processEvents: processEvents as unknown as NodeJS.Process,
    });
    expect(app.relaunch).not.toHaveBeenCalled();
    processEvents.emit('uncaughtException', new Error('bug in a handler'));
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(1);
    processEvents.emit('unhandledRejection', new Error('again'));
    expect(app.relaunch).toHaveBeenCalledTimes(1); // once
  });

  it('shows an error and exits with 1 when the core cannot start', async () => {
    const createCore = vi.fn(async () => {
      throw new Error('KIOSK_NOW is not an ISO date-time');
    });
    await expect(startApp({ env: env(), distDir, createCore, logToConsole: false })).resolves.toBeUndefined();
    expect(dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), 'KIOSK_NOW is not an ISO date-time');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(windows()).toHaveLength(0);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import type { Role } from '../../../shared/api/index';

vi.mock('electron', () => import('../mocks/electron'));

import { app, FakeBrowserWindow, resetElectronMock } from '../mocks/electron';
import {
  adminWindowOptions,
  createCrashPolicy,
  createWindowManager,
  kioskWindowOptions,
  placeWindows,
  rendererUrlFor,
  staffWindowOptions,
  webPreferencesFor,
} from '../../../electron/main/windows';
import { createWindowRegistry } from '../../../electron/main/registry';
import { hardenWebContents } from '../../../electron/main/security';

const spec = { preload: '/app/dist/electron/preload.cjs', kioskId: 'kiosk-3', isPackaged: true };

beforeEach(() => resetElectronMock());

describe('window options', () => {
  it.each(['kiosk', 'staff', 'admin'] as Role[])('locks down the %s renderer', (role) => {
    const prefs = webPreferencesFor(role, spec);
    expect(prefs).toMatchObject({
      preload: spec.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs.additionalArguments).toEqual([`--kiosk-role=${role}`, '--kiosk-id=kiosk-3']);
  });

  it('allows devtools only in an unpackaged (development) build', () => {
    expect(webPreferencesFor('kiosk', { ...spec, isPackaged: false }).devTools).toBe(true);
    expect(webPreferencesFor('kiosk', spec).devTools).toBe(false);
  });

  it('makes the kiosk window a full-screen, frameless kiosk', () => {
    const options = kioskWindowOptions({ ...spec, bounds: { x: 0, y: 0, width: 1080, height: 1920 } });
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      show: false,
      resizable: false,
      movable: false,
      minimizable: false,
    });
    expect(options).toMatchObject({ x: 0, y: 0, width: 1080, height: 1920 });
    expect(options.webPreferences).toMatchObject({
      disableDialogs: true,
      backgroundThrottling: false,
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('makes staff and admin windows ordinary windows without a menu bar, with their own role', () => {
    const staff = staffWindowOptions(spec);
    expect(staff).toMatchObject({ autoHideMenuBar: true, show: false });
    expect(staff.kiosk).toBeUndefined();
    expect(staff.frame).toBeUndefined();
    expect(staff.webPreferences?.additionalArguments).toContain('--kiosk-role=staff');
    expect(adminWindowOptions(spec).webPreferences?.additionalArguments).toContain('--kiosk-role=admin');
  });

  it('centres a staff window on the display it is given', () => {
    const options = staffWindowOptions({ ...spec, bounds: { x: 1920, y: 0, width: 1600, height: 900 } });
    expect(options).toMatchObject({ width: 1280, height: 860, x: 1920 + 160, y: 20 });
  });

  it('maps roles to app URLs', () => {
    expect(rendererUrlFor('kiosk')).toBe('app://kiosk/');
    expect(rendererUrlFor('staff')).toBe('app://kiosk/staff');
    expect(rendererUrlFor('admin')).toBe('app://kiosk/admin');
  });

  it('puts the kiosk on the primary display and staff windows on another one', () => {
    const a = {
      id: 1,
      bounds: { x: 0, y: 0, width: 1080, height: 1920 },
      workArea: { x: 0, y: 0, width: 1080, height: 1880 },
    };
    const b = {
      id: 2,
      bounds: { x: 1080, y: 0, width: 1920, height: 1080 },
      workArea: { x: 1080, y: 0, width: 1920, height: 1040 },
    };
    expect(placeWindows([b, a], 1)).toEqual({ kiosk: a.bounds, staff: b.workArea });
    expect(placeWindows([a], 1)).toEqual({ kiosk: a.bounds, staff: undefined });
  });
});

describe('createCrashPolicy', () => {
  it('reloads, then relaunches after repeated crashes in the window', () => {
    let t = 0;
    const policy = createCrashPolicy({ maxCrashes: 3, windowMs: 60_000, now: () => t });
    expect(policy.record()).toBe('reload');
    t = 10_000;
    expect(policy.record()).toBe('reload');
    t = 20_000;
    expect(policy.record()).toBe('relaunch');
  });

  it('forgets crashes older than the window', () => {
    let t = 0;
    const policy = createCrashPolicy({ maxCrashes: 2, windowMs: 1_000, now: () => t });
    expect(policy.record()).toBe('reload');
    t = 5_000;
    expect(policy.record()).toBe('reload');
    expect(policy.count).toBe(1);
  });
});

describe('createWindowManager', () => {
  function setup(options: { isPackaged?: boolean; maxCrashes?: number } = {}) {
    const registry = createWindowRegistry();
    const ipc = { attach: vi.fn() };
    const relaunch = vi.fn();
    const log = vi.fn();
    const manager = createWindowManager({
      registry,
      ipc,
      preload: spec.preload,
      kioskId: 'kiosk-3',
      isPackaged: options.isPackaged ?? true,
      relaunch,
      log,
      crashPolicy: createCrashPolicy({ maxCrashes: options.maxCrashes ?? 3 }),
    });
    return { registry, ipc, relaunch, log, manager };
  }

  it('creates the kiosk window, registers its role, attaches IPC and loads app://kiosk/', () => {
    const { manager, registry, ipc } = setup();
    const win = manager.openKiosk() as unknown as FakeBrowserWindow;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(win.options).toMatchObject({
      kiosk: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(registry.get(win.webContents.id)).toEqual({ role: 'kiosk', kioskId: 'kiosk-3' });
    expect(ipc.attach).toHaveBeenCalledWith(win.webContents);
    expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('opens one window per role and reuses it', () => {
    const { manager, registry } = setup();
    expect(manager.openKiosk()).toBe(manager.openKiosk());
    const staff = manager.openStaff() as unknown as FakeBrowserWindow;
    expect(staff.loadURL).toHaveBeenCalledWith('app://kiosk/staff');
    expect(registry.get(staff.webContents.id)?.role).toBe('staff');
    const admin = manager.openAdmin() as unknown as FakeBrowserWindow;
    expect(admin.loadURL).toHaveBeenCalledWith('app://kiosk/admin');
    expect(registry.get(admin.webContents.id)?.role).toBe('admin');
    admin.minimized = true;
    expect(manager.openAdmin()).toBe(admin);
    expect(admin.restore).toHaveBeenCalled();
    expect(admin.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(3);
  });

  it('opens a new admin window after the old one closed', () => {
    const { manager } = setup();
    const first = manager.openAdmin() as unknown as FakeBrowserWindow;
    first.close();
    expect(manager.window('admin')).toBeUndefined();
    expect(manager.openAdmin()).not.toBe(first);
  });

  it('locks pinch zoom in the kiosk window after each load', async () => {
    const { manager } = setup();
    const win = manager.openKiosk() as unknown as FakeBrowserWindow;
    await Promise.resolve();
    expect(win.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
  });

  it('keeps the packaged kiosk window open against Alt+F4 until the app quits', () => {
    const { manager } = setup({ isPackaged: true });
    const win = manager.openKiosk() as unknown as FakeBrowserWindow;
    expect(win.close()).toBe(false);
    expect(win.isDestroyed()).toBe(false);
    manager.allowClose();
    expect(win.close()).toBe(true);
  });

  it('lets the kiosk window close when Windows ends the session', () => {
    const { manager } = setup({ isPackaged: true });
    const win = manager.openKiosk() as unknown as FakeBrowserWindow;
    win.emit('session-end', {}, ['shutdown']);
    expect(win.close()).toBe(true);
  });

  it('lets a development kiosk window close', () => {
    const { manager } = setup({ isPackaged: false });
    const win = manager.openKiosk() as unknown as FakeBrowserWindow;
    expect(win.close()).toBe(true);
  });

  it('reloads a window whose renderer crashed, and relaunches after repeated crashes', () => {
    const { manager, relaunch, log } = setup({ maxCrashes: 3 });
    const win = manager.openKiosk() as unknown as FakeBrowserWindow;
    win.loadURL.mockClear();
    win.webContents.crash('crashed');
    expect(win.loadURL).toHaveBeenCalledWith('app://kiosk/');
    win.webContents.crash('oom');
    expect(win.loadURL).toHaveBeenCalledTimes(2);
    expect(relaunch).not.toHaveBeenCalled();
    win.webContents.crash('killed');
    expect(relaunch).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(
      'renderer gone',
      expect.objectContaining({ role: 'kiosk', reason: 'killed', next: 'relaunch' }),
    );
  });

  it('ignores a clean renderer exit', () => {
    const { manager, relaunch } = setup();
    const win = manager.openKiosk() as unknown as FakeBrowserWindow;
    win.loadURL.mockClear();
    win.webContents.crash('clean-exit');
    expect(win.loadURL).not.toHaveBeenCalled();
    expect(relaunch).not.toHaveBeenCalled();
  });

  it('focuses the kiosk window for a second instance', () => {
    const { manager } = setup();
    const win = manager.openKiosk() as unknown as FakeBrowserWindow;
    win.minimized = true;
    manager.focusKiosk();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('gives the lockdown the role of each window it creates', () => {
    const { manager, registry } = setup();
    app.on('web-contents-created', (_e: unknown, contents: WebContents) =>
      hardenWebContents(contents, { roleOf: (c) => registry.get(c.id)?.role, openAdmin: () => manager.openAdmin() }),
    );
    const kiosk = manager.openKiosk() as unknown as FakeBrowserWindow;
    const staff = manager.openStaff() as unknown as FakeBrowserWindow;
    expect(kiosk.webContents.navigate('app://kiosk/staff')).toBe(false);
    expect(staff.webContents.navigate('app://kiosk/staff/history')).toBe(true);
    expect(staff.webContents.openWindow('app://kiosk/admin')).toBe('deny');
    expect(manager.window('admin')).toBeDefined();
  });
});

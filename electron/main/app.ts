/**
 * The Electron shell's start-up, in order: single instance, no menu, the app:// scheme, lockdown for
 * every webContents, then (once ready) permissions, the protocol handler, the core, IPC, the windows and
 * the display-sleep blocker. `main.ts` only calls `startApp()`; tests call it with a fake core.
 */
import path from 'node:path';
import fs from 'node:fs';
import { app, dialog, ipcMain, Menu, powerSaveBlocker, protocol, screen, session } from 'electron';
import { createCore, defaultDataDir, type Core, type CoreOptions } from '../core/index';
import { createLogger } from '../core/logger';
import { devicesFrom, readRuntimeConfig } from '../config';
import { shouldOpenStaffWindow, type ShellConfig } from './config';
import { createKioskIpc, type KioskIpc } from './ipc';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { createWindowRegistry, type WindowRegistry } from './registry';
import { APP_SCHEME, denyAllPermissions, hardenWebContents } from './security';
import { createWindowManager, placeWindows, type WindowManager } from './windows';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** The folder holding main.cjs and preload.cjs (dist/electron); the renderer is ../renderer. */
  distDir?: string;
  createCore?: (options: CoreOptions) => Promise<Core>;
  /** Warnings and errors also go to stderr (default true; tests turn it off). */
  logToConsole?: boolean;
  /** Where uncaught exceptions are reported (default `process`; tests pass an emitter). */
  processEvents?: Pick<NodeJS.Process, 'on'>;
}

export interface StartedApp {
  config: ShellConfig;
  core: Core;
  registry: WindowRegistry;
  ipc: KioskIpc;
  windows: WindowManager;
}

type Log = (message: string, data?: Record<string, unknown>) => void;

/** Resolves to undefined when another instance already runs (this one quits) or start-up failed. */
export async function startApp(options: StartOptions = {}): Promise<StartedApp | undefined> {
  const env = options.env ?? process.env;
  const distDir = options.distDir ?? __dirname;
  let log: Log = (message, data) => console.error(`[kiosk] ${message}`, data ?? '');

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }

  Menu.setApplicationMenu(null);
  // Touch screen: no pinch zoom, no swipe-to-go-back.
  app.commandLine.appendSwitch('disable-pinch');
  app.commandLine.appendSwitch('overscroll-history-navigation', '0');
  registerAppScheme(protocol);

  const registry = createWindowRegistry();
  let windows: WindowManager | undefined = undefined; // set once the core is up; handlers below run earlier

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      roleOf: (c) => registry.get(c.id)?.role,
      openAdmin: () => windows?.openAdmin(),
      log: (message, data) => log(message, data),
    });
  });
  app.on('second-instance', () => windows?.focusKiosk());
  // Electron's default for an exception nobody caught in main is a dialog over a half-working app. The
  // state that matters is in SQLite, so log it and start afresh instead: the kiosk is back within seconds.
  // (A main process killed from outside cannot do this: the OS supervisor — Shell Launcher's restart
  // action on Windows, a systemd user unit on Linux — restarts it; see the README.)
  let relaunching = false;
  const relaunchAfter = (what: string) => (error: unknown) => {
    log(`${what} in the main process: relaunching`, {
      error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}`.slice(0, 2000) : String(error),
    });
    if (relaunching) return;
    relaunching = true;
    app.relaunch();
    app.exit(1);
  };
  const proc = options.processEvents ?? process;
  proc.on('uncaughtException', relaunchAfter('uncaught exception'));
  proc.on('unhandledRejection', relaunchAfter('unhandled rejection'));
  app.on('child-process-gone', (_event, details) =>
    log('child process gone', { type: details.type, reason: details.reason }),
  );

  await app.whenReady();

  // One data folder and one parser for Electron and the browser host.
  const { config, warnings, errors } = readRuntimeConfig(env, { dataDir: defaultDataDir() });
  const shellLog = createLogger({
    dir: path.join(config.dataDir, 'logs'),
    scope: 'shell',
    console: options.logToConsole ?? true,
  });
  log = (message, data) => shellLog.warn(message, data);
  for (const w of warnings) shellLog.warn(w);
  // KIOSK_PORT is the browser host's; a printer or ORCA setting that does not parse is not used.
  for (const e of errors) shellLog.error(e);

  denyAllPermissions(session.defaultSession, log);
  const rendererDir = path.resolve(distDir, '..', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) log('renderer build missing', { rendererDir });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererDir }));

  let core: Core;
  try {
    core = await (options.createCore ?? createCore)({
      dataDir: config.dataDir,
      ...(config.now ? { now: config.now } : {}),
      ...(config.onshiDir ? { onshiDir: config.onshiDir } : {}),
      ...devicesFrom(config),
      ...(config.orca ? { orca: config.orca } : {}),
      ...(config.restore ? { restore: config.restore } : {}),
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    shellLog.error('core failed to start', { error: message });
    dialog.showErrorBox('受付キオスクを起動できません / The kiosk could not start', message);
    app.exit(1);
    return undefined;
  }

  // First run: the one-time code for the first admin goes to this machine's console (and to the admin
  // window through auth.whoami), never to the kiosk screen.
  const setupCode = core.internals?.identity?.setupCode();
  if (setupCode)
    console.log(
      `[kiosk] No admin account yet. Open the admin screen on this machine and enter the one-time setup code ${setupCode} (or run: npm run admin -- create-admin --name "<name>")`,
    );
  const ipc = createKioskIpc({ ipcMain, core, registry, log });
  const displays = screen.getAllDisplays();
  const manager = createWindowManager({
    registry,
    ipc,
    preload: path.join(distDir, 'preload.cjs'),
    kioskId: config.kioskId,
    isPackaged: app.isPackaged,
    placement: placeWindows(displays, screen.getPrimaryDisplay().id),
    relaunch: () => {
      shellLog.error('renderer keeps crashing: relaunching the app');
      app.relaunch();
      app.quit();
    },
    log,
  });
  windows = manager;
  manager.openKiosk();
  if (shouldOpenStaffWindow(config.staffWindow, { displays: displays.length, isPackaged: app.isPackaged }))
    manager.openStaff();

  const blocker = powerSaveBlocker.start('prevent-display-sleep');

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => manager.allowClose());
  let shuttingDown = false;
  app.on('will-quit', (event) => {
    if (shuttingDown) return;
    shuttingDown = true;
    event.preventDefault(); // close the core (SQLite, readers) before the process goes
    ipc.dispose();
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    core
      .close()
      .catch((e: unknown) => shellLog.error('core close failed', { error: String(e) }))
      .finally(() => app.exit(0));
  });

  shellLog.info('started', {
    kioskId: config.kioskId,
    reader: config.onshiDir ? 'onshi-folder' : 'simulator',
    packaged: app.isPackaged,
  });
  return { config, core, registry, ipc, windows: manager };
}

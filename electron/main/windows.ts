/**
 * The windows: the patient's kiosk window (full screen, frameless, locked), the staff console and, on
 * demand, the admin screen. The option builders are pure and tested; `createWindowManager` creates the
 * windows, tells the registry who each one is, attaches IPC and handles renderer crashes.
 */
import { BrowserWindow } from 'electron';
import type {
  BrowserWindowConstructorOptions,
  Display,
  Rectangle,
  RenderProcessGoneDetails,
  WebPreferences,
} from 'electron';
import type { Role } from '../../shared/api/index';
import { PRELOAD_KIOSK_ID_ARG, PRELOAD_ROLE_ARG } from '../../shared/api/bridge';
import type { KioskIpc } from './ipc';
import type { WindowRegistry } from './registry';
import { APP_ORIGIN } from './security';

const PATHS: Record<Role, string> = { kiosk: '/', staff: '/staff', admin: '/admin', display: '/display' };
const TITLES: Record<Role, string> = { kiosk: '受付', staff: '受付スタッフ', admin: '受付 管理', display: '呼び出し表示' };

export function rendererUrlFor(role: Role): string {
  return `${APP_ORIGIN}${PATHS[role]}`;
}

export interface WindowSpec {
  preload: string;
  kioskId: string;
  isPackaged: boolean;
  /** Where to put the window; the kiosk covers this display, the others use it as their work area. */
  bounds?: Rectangle;
}

/** The same locked-down preferences for every window; only the arguments and a few kiosk extras differ. */
export function webPreferencesFor(
  role: Role,
  spec: Pick<WindowSpec, 'preload' | 'kioskId' | 'isPackaged'>,
): WebPreferences {
  return {
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
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !spec.isPackaged,
    safeDialogs: true,
    // A patient must never see a native alert; the kiosk keeps its idle timers running at full speed.
    disableDialogs: role === 'kiosk',
    backgroundThrottling: role !== 'kiosk',
    // Sandboxed preloads can read process.argv: this is how the preload learns what main decided.
    additionalArguments: [`${PRELOAD_ROLE_ARG}${role}`, `${PRELOAD_KIOSK_ID_ARG}${spec.kioskId}`],
  };
}

export function kioskWindowOptions(spec: WindowSpec): BrowserWindowConstructorOptions {
  return {
    title: TITLES.kiosk,
    ...(spec.bounds ?? {}),
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    backgroundColor: '#ffffff',
    webPreferences: webPreferencesFor('kiosk', spec),
  };
}

/** Staff console and admin screen: ordinary windows, no menu bar. */
export function staffWindowOptions(
  spec: WindowSpec,
  role: 'staff' | 'admin' = 'staff',
): BrowserWindowConstructorOptions {
  const area = spec.bounds;
  const width = Math.min(1280, area?.width ?? 1280);
  const height = Math.min(860, area?.height ?? 860);
  return {
    title: TITLES[role],
    width,
    height,
    ...(area
      ? { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2) }
      : {}),
    minWidth: 800,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: webPreferencesFor(role, spec),
  };
}

export function adminWindowOptions(spec: WindowSpec): BrowserWindowConstructorOptions {
  return staffWindowOptions(spec, 'admin');
}

/** The kiosk goes on the primary display; staff windows on the first other display, if there is one. */
export function placeWindows(
  displays: Pick<Display, 'id' | 'bounds' | 'workArea'>[],
  primaryId: number,
): { kiosk?: Rectangle; staff?: Rectangle } {
  const primary = displays.find((d) => d.id === primaryId);
  const other = displays.find((d) => d.id !== primaryId);
  return { kiosk: primary?.bounds, staff: other?.workArea };
}

/**
 * Renderer crashes: reload each time, but if they come `maxCrashes` times within `windowMs`, something
 * is wrong beyond the page (GPU, memory, a bad build), and the app relaunches as a whole.
 */
export function createCrashPolicy(options: { maxCrashes?: number; windowMs?: number; now?: () => number } = {}) {
  const maxCrashes = options.maxCrashes ?? 3;
  const windowMs = options.windowMs ?? 5 * 60_000;
  const now = options.now ?? (() => performance.now());
  let times: number[] = [];
  return {
    record(): 'reload' | 'relaunch' {
      const t = now();
      times = [...times.filter((x) => t - x < windowMs), t];
      return times.length >= maxCrashes ? 'relaunch' : 'reload';
    },
    get count() {
      return times.length;
    },
  };
}

export interface WindowManagerOptions {
  registry: WindowRegistry;
  ipc: Pick<KioskIpc, 'attach'>;
  preload: string;
  kioskId: string;
  isPackaged: boolean;
  /** Display placement, from `placeWindows`. */
  placement?: { kiosk?: Rectangle; staff?: Rectangle };
  /** Repeated renderer crashes: relaunch the app (app.relaunch + app.exit). */
  relaunch: () => void;
  log?: (message: string, data?: Record<string, unknown>) => void;
  crashPolicy?: ReturnType<typeof createCrashPolicy>;
}

export interface WindowManager {
  openKiosk(): BrowserWindow;
  openStaff(): BrowserWindow;
  /** Opens the admin screen, or focuses it if it is already open. */
  openAdmin(): BrowserWindow;
  /** Brings the kiosk window forward (a second instance was started). */
  focusKiosk(): void;
  /** From now on the kiosk window may close (the app is quitting). */
  allowClose(): void;
  window(role: Role): BrowserWindow | undefined;
}

export function createWindowManager(options: WindowManagerOptions): WindowManager {
  const log = options.log ?? (() => {});
  const crashes = options.crashPolicy ?? createCrashPolicy();
  const open = new Map<Role, BrowserWindow>();
  let closing = false;

  const spec = (bounds?: Rectangle): WindowSpec => ({
    preload: options.preload,
    kioskId: options.kioskId,
    isPackaged: options.isPackaged,
    bounds,
  });

  function create(role: Role, windowOptions: BrowserWindowConstructorOptions): BrowserWindow {
    const win = new BrowserWindow(windowOptions);
    const contents = win.webContents;
    const url = rendererUrlFor(role);
    options.registry.register(contents.id, { role, kioskId: options.kioskId });
    options.ipc.attach(contents);
    open.set(role, win);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (open.get(role) === win) open.delete(role);
    });
    contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
      if (win.isDestroyed() || details.reason === 'clean-exit') return;
      const next = crashes.record();
      log('renderer gone', { role, reason: details.reason, exitCode: details.exitCode, crashes: crashes.count, next });
      if (next === 'relaunch') options.relaunch();
      else void win.loadURL(url).catch((e: unknown) => log('reload failed', { role, error: String(e) }));
    });
    contents.on('unresponsive', () => log('renderer unresponsive', { role }));
    if (role === 'kiosk') {
      // Touch screens: no pinch zoom. Re-applied after each load because a navigation resets it.
      contents.on('did-finish-load', () => {
        void contents.setVisualZoomLevelLimits(1, 1).catch(() => {});
      });
      if (options.isPackaged) {
        win.on('close', (event) => {
          if (!closing) event.preventDefault(); // Alt+F4 and friends; the app's own quit still closes it
        });
        // Windows shutdown, restart or log-off must not be held up by the guard.
        win.on('session-end', () => {
          closing = true;
        });
      }
    }
    void win.loadURL(url).catch((e: unknown) => log('load failed', { role, error: String(e) }));
    return win;
  }

  const existing = (role: Role) => {
    const win = open.get(role);
    return win && !win.isDestroyed() ? win : undefined;
  };
  const focus = (win: BrowserWindow) => {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    return win;
  };

  return {
    openKiosk: () => existing('kiosk') ?? create('kiosk', kioskWindowOptions(spec(options.placement?.kiosk))),
    openStaff: () => existing('staff') ?? create('staff', staffWindowOptions(spec(options.placement?.staff))),
    openAdmin() {
      const win = existing('admin');
      return win ? focus(win) : create('admin', adminWindowOptions(spec(options.placement?.staff)));
    },
    focusKiosk() {
      const win = existing('kiosk');
      if (win) focus(win);
    },
    allowClose() {
      closing = true;
    },
    window: existing,
  };
}

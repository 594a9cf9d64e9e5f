/**
 * A hand-written fake of the parts of 'electron' the shell uses (the electron/fiddle approach): the
 * Electron binary is not installed here, so every test of electron/main and electron/preload runs with
 *
 *   vi.mock('electron', () => import('../mocks/electron'));
 *
 * The fakes behave enough like the real objects (events, handlers, ids, frames) for the shell's logic to
 * run, and expose a few helpers (`navigate`, `invokeHandler`, ...) that play what Chromium would do.
 * Call `resetElectronMock()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault: () => void;
}

export function fakeEvent<T extends object>(extra: T = {} as T): FakeEvent & T {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault: vi.fn(() => {
      event.defaultPrevented = true;
    }),
  };
  return event;
}

let nextContentsId = 1;
let nextFrameTreeNodeId = 1000;

export class FakeWebFrameMain {
  readonly frameTreeNodeId = nextFrameTreeNodeId++;
  readonly routingId = this.frameTreeNodeId;
  constructor(
    public url: string,
    public readonly parent: FakeWebFrameMain | null = null,
  ) {}
  get top(): FakeWebFrameMain {
    return this.parent ? this.parent.top : this;
  }
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame = new FakeWebFrameMain('');
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly send = vi.fn();
  readonly setZoomLevel = vi.fn();
  readonly setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => {});
  readonly reload = vi.fn();
  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  readonly loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
    this.emit('did-finish-load');
  });
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }

  // What Chromium would do; each returns whether the app let it happen.
  navigate(url: string, isMainFrame = true): boolean {
    const event = fakeEvent({ url, isMainFrame, frame: this.mainFrame });
    this.emit('will-frame-navigate', event);
    if (isMainFrame) this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
  redirect(url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true });
    this.emit('will-redirect', event, url);
    return !event.defaultPrevented;
  }
  openWindow(url: string): 'allow' | 'deny' | 'no-handler' {
    if (!this.windowOpenHandler) return 'no-handler';
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' }).action;
  }
  attachWebview(webPreferences: Record<string, unknown>): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, webPreferences, {});
    return !event.defaultPrevented;
  }
  pressKey(
    input: Partial<{
      type: string;
      key: string;
      code: string;
      control: boolean;
      meta: boolean;
      alt: boolean;
      shift: boolean;
    }>,
  ): boolean {
    const event = fakeEvent();
    this.emit('before-input-event', event, {
      type: 'keyDown',
      key: '',
      code: '',
      control: false,
      meta: false,
      alt: false,
      shift: false,
      ...input,
    });
    return !event.defaultPrevented;
  }
  crash(reason = 'crashed'): void {
    this.emit('render-process-gone', fakeEvent(), { reason, exitCode: 1 });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances.filter((w) => !w.destroyed));
  static fromWebContents = vi.fn(
    (contents: FakeWebContents) => FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null,
  );

  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  visible = false;
  readonly loadURL = vi.fn((url: string) => this.webContents.loadURL(url));
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  /** Like a user or the OS closing the window: 'close' may be prevented. Returns whether it closed. */
  close(): boolean {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
    this.webContents.destroy();
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly relaunch = vi.fn();
  readonly focus = vi.fn();
  readonly commandLine = { appendSwitch: vi.fn(), hasSwitch: vi.fn(() => false) };
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  readonly handle = vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** What `ipcRenderer.invoke` from `contents` would cause (frame defaults to its main frame). */
  async invokeHandler(
    channel: string,
    contents: FakeWebContents | { id: number },
    args: unknown[],
    frame?: FakeWebFrameMain | null,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const senderFrame = frame === undefined ? (contents instanceof FakeWebContents ? contents.mainFrame : null) : frame;
    return handler({ sender: contents, senderFrame, frameId: 1, processId: 1 }, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  readonly send = vi.fn();
  /** What `webContents.send(channel, message)` from main would cause. */
  deliver(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, ports: [] }, ...args);
  }
}

class FakeSession extends EventEmitter {
  permissionRequestHandler:
    | ((contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void)
    | undefined;
  permissionCheckHandler:
    ((contents: unknown, permission: string, origin: string, details?: unknown) => boolean) | undefined;
  devicePermissionHandler: ((details: unknown) => boolean) | undefined;
  readonly setPermissionRequestHandler = vi.fn((h: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = h;
  });
  readonly setPermissionCheckHandler = vi.fn((h: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = h;
  });
  readonly setDevicePermissionHandler = vi.fn((h: FakeSession['devicePermissionHandler']) => {
    this.devicePermissionHandler = h;
  });
  /** Ask for a permission the way a page would; resolves with the app's answer. */
  requestPermission(permission: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.permissionRequestHandler)
        resolve(true); // Electron's default is to grant
      else this.permissionRequestHandler({}, permission, resolve, {});
    });
  }
  checkPermission(permission: string): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler({}, permission, 'app://kiosk', {}) : true;
  }
}

class FakeProtocol {
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly registerSchemesAsPrivileged = vi.fn();
  readonly handle = vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    this.handlers.set(scheme, handler);
  });
  readonly unhandle = vi.fn((scheme: string) => {
    this.handlers.delete(scheme);
  });
}

const primaryDisplay = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed[key] = api;
  }),
};
export const protocol = new FakeProtocol();
export const session = { defaultSession: new FakeSession() };
export const Menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() };
export const powerSaveBlocker = { start: vi.fn(() => 7), stop: vi.fn(), isStarted: vi.fn(() => true) };
export const screen = {
  getAllDisplays: vi.fn(() => [primaryDisplay]),
  getPrimaryDisplay: vi.fn(() => primaryDisplay),
};
export const dialog = { showErrorBox: vi.fn() };
export const webContents = {
  getAllWebContents: vi.fn(() => FakeBrowserWindow.instances.map((w) => w.webContents)),
  fromId: vi.fn((id: number) => FakeBrowserWindow.instances.find((w) => w.webContents.id === id)?.webContents),
};
export const shell = { openExternal: vi.fn() };

export function resetElectronMock(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.instances = [];
  app.removeAllListeners();
  app.isPackaged = false;
  app.requestSingleInstanceLock.mockImplementation(() => true);
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockImplementation(async () => undefined);
  contextBridge.exposed = {};
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  powerSaveBlocker.isStarted.mockImplementation(() => true);
  screen.getAllDisplays.mockImplementation(() => [primaryDisplay]);
}

const electron = {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  Menu,
  powerSaveBlocker,
  screen,
  dialog,
  webContents,
  shell,
};
export default electron;

/**
 * The one module that touches `ipcMain` (the electron/fiddle pattern). Every request is checked twice
 * before the core sees it: the sender must be a webContents this process created (its role and kiosk id
 * come from the registry, never from the message), and the sending frame must be that webContents' main
 * frame showing an app:// page. Each window then has one connection to the core (`core.connect`), which
 * decides who it is: the kiosk window is this machine's local kiosk; the staff and admin windows are
 * nobody until someone signs in (contracts §4: on every transport), and the admin window may see the
 * first-run setup code, being on the machine's own screen. The core validates name, role and payload.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiError, ApiEventName, ApiResult } from '../../shared/api/index';
import type { IDENTITY_EVENT_NAME } from '../../shared/api/bridge';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../shared/api/bridge';
import type { IdentityResult } from '../../shared/api/auth';
import type { Core } from '../core/index';
import type { GateConnection } from '../core/staff-accounts/index';
import type { WindowCaller, WindowRegistry } from './registry';
import { isAllowedAppUrl } from './security';

/** What the shell needs of the core. */
export type CoreApi = Pick<Core, 'connect'>;

/** The message the preload sends on IPC_REQUEST_CHANNEL. */
export interface IpcRequestMessage {
  name: unknown;
  input: unknown;
}

/** The message the main process pushes on IPC_EVENT_CHANNEL (API events and the identity event). */
export interface IpcEventMessage {
  event: ApiEventName | typeof IDENTITY_EVENT_NAME;
  payload: unknown;
}

export interface IpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: CoreApi;
  registry: WindowRegistry;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

export interface KioskIpc {
  /** Start pushing core events to this (registered) window; stops by itself when the webContents goes. */
  attach(contents: WebContents): void;
  /** Remove the handler and every subscription. */
  dispose(): void;
}

const refuse = (code: ApiError['code'], message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

/** The sender must be a registered webContents, and the frame its live main frame on an app:// URL. */
export function callerOf(
  registry: WindowRegistry,
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
): WindowCaller | undefined {
  const sender = event.sender;
  const caller = sender ? registry.get(sender.id) : undefined;
  if (!caller) return undefined;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return undefined;
  try {
    if (sender.isDestroyed() || frame.frameTreeNodeId !== sender.mainFrame.frameTreeNodeId) return undefined;
    if (!isAllowedAppUrl(frame.url)) return undefined;
  } catch {
    return undefined; // a frame or webContents torn down mid-check
  }
  return caller;
}

export function createKioskIpc(options: IpcOptions): KioskIpc {
  const { ipcMain, core, registry } = options;
  const log = options.log ?? (() => {});
  const connections = new Map<number, GateConnection>();

  /** The window's one connection to the core, opened on first use; closed when the webContents goes. */
  function connectionFor(contents: WebContents, caller: WindowCaller): GateConnection {
    const existing = connections.get(contents.id);
    if (existing) return existing;
    const id = contents.id;
    const connection = core.connect({
      base: caller.role === 'kiosk' ? { kind: 'local-kiosk', kioskId: caller.kioskId } : { kind: 'anonymous' },
      client: `electron:${caller.role}`,
      console: caller.role === 'admin',
      push: (event, payload) => {
        if (contents.isDestroyed()) return;
        const message: IpcEventMessage = { event, payload };
        contents.send(IPC_EVENT_CHANNEL, message);
      },
    });
    connections.set(id, connection);
    contents.once('destroyed', () => {
      connections.get(id)?.close();
      connections.delete(id);
      registry.delete(id);
    });
    return connection;
  }

  ipcMain.handle(IPC_REQUEST_CHANNEL, async (event, message: unknown): Promise<IdentityResult<unknown>> => {
    const caller = callerOf(registry, event);
    if (!caller) {
      log('ipc refused', { sender: event.sender?.id, frameUrl: event.senderFrame?.url?.slice(0, 200) });
      return refuse('forbidden', 'this window may not use the kiosk API');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return refuse('invalid-payload', 'a request is { name, input }');
    }
    const { name, input } = message as Partial<IpcRequestMessage>;
    try {
      return await connectionFor(event.sender, caller).handle(name, input);
    } catch (e) {
      log('core.handle threw', {
        name: typeof name === 'string' ? name.slice(0, 64) : typeof name,
        error: e instanceof Error ? e.message : String(e),
      });
      return refuse('internal', 'the kiosk could not complete this request');
    }
  });

  return {
    attach(contents) {
      const caller = registry.get(contents.id);
      if (!caller || connections.has(contents.id)) return;
      connectionFor(contents, caller);
    },
    dispose() {
      ipcMain.removeHandler(IPC_REQUEST_CHANNEL);
      for (const connection of connections.values()) connection.close();
      connections.clear();
    },
  };
}

/**
 * The sandboxed preload: exposes `window.kioskBridge` (role, kioskId, request, on) and nothing else —
 * never ipcRenderer, never an IpcRendererEvent. Bundled into one CJS file (dist/electron/preload.cjs)
 * because a sandboxed preload can require only 'electron' and a few builtins; it imports values only
 * from shared/api/bridge (plain lists), so zod and the schemas stay out of it.
 *
 * Role and kiosk id are what the main process decided for this window, passed as
 * `webPreferences.additionalArguments`. They only tell the page which screen to draw: the main process
 * takes the role from its own registry for every request, whatever the page claims.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRenderer } from 'electron';
import type { ApiEventName, ApiResult, RequestName, Role } from '../../shared/api/index';
import type { IdentityRequestName } from '../../shared/api/auth';
import {
  EVENT_NAMES,
  IDENTITY_EVENT_NAME,
  IDENTITY_REQUEST_NAMES,
  IPC_EVENT_CHANNEL,
  IPC_REQUEST_CHANNEL,
  PRELOAD_KIOSK_ID_ARG,
  ID_PATTERN,
  PRELOAD_ROLE_ARG,
  REQUEST_NAMES,
  type KioskBridge,
} from '../../shared/api/bridge';

const ROLES = ['kiosk', 'staff', 'admin'] as const satisfies readonly Role[];

// The kiosk API plus the identity requests (sign-in, setup, pairing, accounts) and the identity event.
const requestNames: ReadonlySet<string> = new Set([...REQUEST_NAMES, ...IDENTITY_REQUEST_NAMES]);
const eventNames: ReadonlySet<string> = new Set([...EVENT_NAMES, IDENTITY_EVENT_NAME]);

export function readArg(argv: readonly string[], prefix: string): string | undefined {
  const arg = argv.find((a) => a.startsWith(prefix));
  return arg === undefined ? undefined : arg.slice(prefix.length);
}

export function readIdentity(argv: readonly string[]): { role: Role; kioskId: string } | undefined {
  const role = readArg(argv, PRELOAD_ROLE_ARG);
  const kioskId = readArg(argv, PRELOAD_KIOSK_ID_ARG);
  if (!role || !(ROLES as readonly string[]).includes(role) || !kioskId || !ID_PATTERN.test(kioskId)) return undefined;
  return { role: role as Role, kioskId };
}

const failure = (code: 'unknown-request' | 'unavailable', message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});

export function createBridge(
  identity: { role: Role; kioskId: string },
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
): KioskBridge {
  const bridge = {
    role: identity.role,
    kioskId: identity.kioskId,
    async request(name: RequestName | IdentityRequestName, input: unknown): Promise<ApiResult<unknown>> {
      if (typeof name !== 'string' || !requestNames.has(name)) {
        return failure('unknown-request', `unknown request '${String(name).slice(0, 64)}'`);
      }
      try {
        return (await ipc.invoke(IPC_REQUEST_CHANNEL, { name, input })) as ApiResult<unknown>;
      } catch {
        return failure('unavailable', 'the kiosk service did not answer');
      }
    },
    on(event: ApiEventName | typeof IDENTITY_EVENT_NAME, handler: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || !eventNames.has(event))
        throw new TypeError(`unknown event '${String(event).slice(0, 64)}'`);
      if (typeof handler !== 'function') throw new TypeError('handler must be a function');
      // The IpcRendererEvent stays here: the page gets the payload only.
      const listener = (_event: unknown, message: unknown) => {
        if (typeof message !== 'object' || message === null) return;
        const m = message as { event?: unknown; payload?: unknown };
        if (m.event === event) handler(m.payload);
      };
      ipc.on(IPC_EVENT_CHANNEL, listener);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        ipc.removeListener(IPC_EVENT_CHANNEL, listener);
      };
    },
  } satisfies KioskBridge;
  return Object.freeze(bridge);
}

/** Runs when the preload loads: expose the bridge, or nothing if main did not say who this window is. */
export function exposeBridge(argv: readonly string[] = process.argv): KioskBridge | undefined {
  const identity = readIdentity(argv);
  if (!identity) {
    console.error('[kiosk] preload: no valid --kiosk-role / --kiosk-id; the kiosk API is not available in this window');
    return undefined;
  }
  const bridge = createBridge(identity, ipcRenderer);
  contextBridge.exposeInMainWorld('kioskBridge', bridge);
  return bridge;
}

exposeBridge();

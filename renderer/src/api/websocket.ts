/**
 * The browser-host transport: the kiosk API over one WebSocket (`/api?role=…&kiosk=…`).
 *
 * Requests never throw: a request made while the socket is down waits for the next connection (up to
 * `requestTimeoutMs`), and one in flight when the socket drops resolves as `unavailable`, because the core
 * may or may not have applied it; the caller re-fetches the snapshot after reconnecting instead of
 * guessing. Reconnects back off exponentially with jitter, capped, and never give up: a kiosk has no one
 * to press "retry".
 *
 * Identity: the host greets every connection with who it is (`hello.identity`). After each (re)connect, and
 * before queued requests go out, the client presents what it holds — an enrolled device's credential, then
 * a staff sign-in token — so a reload or a dropped socket does not sign anyone out; a credential the core
 * refuses is forgotten.
 */
import type {
  ApiEventName,
  ApiEvents,
  ApiResult,
  RequestInput,
  RequestName,
  RequestOutput,
  Role,
  WireMessage,
} from '../../../shared/api/index';
// The plain list from bridge.ts, not index.ts: keeps zod and the request schemas out of the renderer bundle.
import { EVENT_NAMES } from '../../../shared/api/bridge';
import {
  IDENTITY_EVENT,
  type ConnectionIdentity,
  type IdentityRequestInput,
  type IdentityRequestName,
  type IdentityRequestOutputs,
  type IdentityResult,
  type WhoAmI,
} from '../../../shared/api/auth';
import { memoryCredentials, type CredentialStore } from './credentials';
import type { ConnectionState, RendererApi } from './types';

export interface WebSocketApiOptions {
  url: string;
  role: Role;
  kioskId: string;
  /** Injected in tests. */
  WebSocketImpl?: typeof WebSocket;
  requestTimeoutMs?: number;
  backoffMs?: { initial: number; max: number };
  random?: () => number;
  credentials?: CredentialStore;
}

type Incoming =
  | WireMessage
  | { kind: 'hello'; role: Role; identity?: ConnectionIdentity }
  | { kind: 'event'; event: typeof IDENTITY_EVENT; payload: WhoAmI };

interface Pending {
  resolve: (result: ApiResult<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
  sent: boolean;
  frame: string;
}

const unavailable = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'unavailable', message } });

export function createWebSocketApi(options: WebSocketApiOptions): RendererApi {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const timeoutMs = options.requestTimeoutMs ?? 20_000;
  const backoff = options.backoffMs ?? { initial: 500, max: 10_000 };
  const random = options.random ?? Math.random;
  const credentials = options.credentials ?? memoryCredentials();
  let identity: ConnectionIdentity | null = null;
  const identityHandlers = new Set<(identity: ConnectionIdentity) => void>();
  const setIdentity = (next: ConnectionIdentity) => {
    identity = next;
    for (const h of [...identityHandlers]) h(next);
  };

  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let nextId = 1;
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, Pending>();
  const eventHandlers = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  const connectionHandlers = new Set<(s: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    for (const h of [...connectionHandlers]) h(next);
  };

  const flush = () => {
    for (const p of pending.values()) {
      if (!p.sent && socket && socket.readyState === Impl.OPEN) {
        socket.send(p.frame);
        p.sent = true;
      }
    }
  };

  /** Sent at once on this socket, ahead of the queue (credential restore after a connect). */
  const direct = (ws: WebSocket, name: string, input: unknown): Promise<ApiResult<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(unavailable('timed out'));
      }, timeoutMs);
      const frame = JSON.stringify({ id, name, input });
      pending.set(id, { resolve, timer, sent: true, frame });
      ws.send(frame);
    });

  /** Present the device credential and the staff token this browser holds, then open for requests. */
  const restore = async (ws: WebSocket, restored: () => void) => {
    const device = credentials.device();
    if (device) {
      const r = await direct(ws, 'device.authenticate', device);
      if (!r.ok && r.error.code !== 'unavailable') credentials.setDevice(undefined);
    }
    const token = credentials.staffToken();
    if (token) {
      const r = await direct(ws, 'auth.resume', { token });
      if (!r.ok && r.error.code !== 'unavailable') credentials.setStaffToken(undefined);
    }
    if (socket !== ws) return;
    restored();
    attempt = 0;
    setState('open');
    flush();
  };

  const connect = () => {
    if (closed) return;
    const ws = new Impl(options.url);
    socket = ws;
    let greeted = false;
    // The hello's identity while this browser's sign-in or device credential is still being presented: shown
    // only if presenting it changes nothing (no sign-in form flashing up on a reload of a signed-in page).
    let held: ConnectionIdentity | undefined;
    ws.onmessage = (ev: MessageEvent) => {
      let msg: Incoming;
      try {
        msg = JSON.parse(String(ev.data)) as Incoming;
      } catch {
        return;
      }
      if (msg.kind === 'hello') {
        const presenting = !greeted && (credentials.device() !== undefined || credentials.staffToken() !== undefined);
        if ('identity' in msg && msg.identity) {
          if (presenting) held = msg.identity;
          else {
            held = undefined;
            setIdentity(msg.identity);
          }
        }
        if (greeted) return;
        greeted = true;
        void restore(ws, () => {
          if (held) setIdentity(held);
          held = undefined;
        });
      } else if (msg.kind === 'event' && msg.event === IDENTITY_EVENT) {
        held = undefined;
        if (msg.payload?.identity) setIdentity(msg.payload.identity);
      } else if (msg.kind === 'response') {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        clearTimeout(p.timer);
        p.resolve(msg.result);
      } else if (msg.kind === 'event' && (EVENT_NAMES as readonly string[]).includes(msg.event)) {
        for (const h of [...(eventHandlers.get(msg.event) ?? [])]) h(msg.payload);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // Whatever was in flight may or may not have happened: say so, the caller re-fetches.
      for (const [id, p] of pending) {
        if (!p.sent) continue;
        pending.delete(id);
        clearTimeout(p.timer);
        p.resolve(unavailable('connection lost'));
      }
      if (closed) return;
      setState('reconnecting');
      const delay = Math.min(backoff.max, backoff.initial * 2 ** attempt) * (0.75 + 0.5 * random());
      attempt += 1;
      reconnectTimer = setTimeout(connect, delay);
    };
    ws.onerror = () => {
      // onclose follows and does the work.
    };
  };

  connect();

  function enqueue(name: string, input: unknown): Promise<ApiResult<unknown>> {
    if (closed) return Promise.resolve(unavailable('closed'));
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(unavailable('timed out'));
      }, timeoutMs);
      pending.set(id, { resolve, timer, sent: false, frame: JSON.stringify({ id, name, input }) });
      if (state === 'open') flush();
    });
  }

  return {
    role: options.role,
    kioskId: options.kioskId,
    transport: 'websocket',
    identity: () => identity,
    onIdentity(handler) {
      identityHandlers.add(handler);
      return () => identityHandlers.delete(handler);
    },
    async identityRequest<N extends IdentityRequestName>(
      name: N,
      input: IdentityRequestInput<N>,
    ): Promise<IdentityResult<IdentityRequestOutputs[N]>> {
      const r = (await enqueue(name, input)) as IdentityResult<IdentityRequestOutputs[N]>;
      if (r.ok && (name === 'auth.signIn' || name === 'auth.setup' || name === 'auth.resume')) {
        credentials.setStaffToken((r.value as IdentityRequestOutputs['auth.signIn']).token);
      }
      if (name === 'auth.signOut') credentials.setStaffToken(undefined);
      if (r.ok && name === 'device.redeem') {
        const { deviceId, secret } = r.value as IdentityRequestOutputs['device.redeem'];
        credentials.setDevice({ deviceId, secret });
        await enqueue('device.authenticate', { deviceId, secret });
      }
      return r;
    },
    request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<ApiResult<RequestOutput<N>>> {
      return enqueue(name, input) as Promise<ApiResult<RequestOutput<N>>>;
    },
    on<E extends ApiEventName>(event: E, handler: (payload: ApiEvents[E]) => void) {
      const set = eventHandlers.get(event) ?? new Set();
      eventHandlers.set(event, set);
      const h = handler as (payload: unknown) => void;
      set.add(h);
      return () => set.delete(h);
    },
    connection: () => state,
    onConnection(handler) {
      connectionHandlers.add(handler);
      return () => connectionHandlers.delete(handler);
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.resolve(unavailable('closed'));
      }
      pending.clear();
      socket?.close();
    },
  };
}

/**
 * One WebSocket client of the browser host. Messages are parsed into typed requests (or answered with a
 * typed error); a client over its request rate or with too many requests in flight is closed (1008); a
 * client that does not read is dropped once its unread output passes the limit; a client that does not
 * answer a ping by the next one (gone without a close: network or power lost) is dropped; anything unexpected is
 * logged, answered with `internal`, and the connection closed — never thrown.
 */
import type { WebSocket } from 'ws';
import type { ConnectionIdentity, IdentityResult, WhoAmI } from '../../shared/api/auth';
import { parseWireRequest } from '../../shared/api/wire';
import type { Logger } from '../core/logger';
import type { GateConnection, OpenOptions } from '../core/staff-accounts/gate';
import { createRateLimiter, type ConnectionLimits } from './limits';

type OutMessage =
  | { kind: 'response'; id: number; result: IdentityResult<unknown> }
  | { kind: 'event'; event: string; payload: unknown }
  | { kind: 'hello'; role: 'kiosk' | 'staff' | 'admin'; identity: ConnectionIdentity };

export const CLOSE_POLICY = 1008;
export const CLOSE_INTERNAL = 1011;

const roleOf = (id: ConnectionIdentity) => (id.kind === 'staff' ? id.role : 'kiosk');

export function serveWebSocket(
  ws: WebSocket,
  options: {
    limits: ConnectionLimits;
    log: Logger;
    open: (push: OpenOptions['push'], onIdentity: (who: WhoAmI) => void) => GateConnection;
  },
): void {
  const { limits, log } = options;
  const rate = createRateLimiter(limits.requestsPerSecond, limits.burst);
  let pending = 0;
  let done = false;
  let connection: GateConnection | undefined;

  const drop = (code: number, reason: string) => {
    if (done) return;
    done = true;
    connection?.close();
    try {
      if (code === 0) ws.terminate();
      else ws.close(code, reason);
      // A client that stopped reading will not complete the close handshake either.
      setTimeout(() => ws.terminate(), 2_000).unref();
    } catch {
      ws.terminate();
    }
  };

  const send = (m: OutMessage) => {
    if (done || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      log.warn('client dropped: not reading its messages', { buffered: ws.bufferedAmount });
      drop(0, 'not reading');
      return;
    }
    try {
      ws.send(JSON.stringify(m));
    } catch (e) {
      log.warn('send failed', { error: e instanceof Error ? e.message : String(e) });
      drop(CLOSE_INTERNAL, 'send failed');
    }
  };

  ws.on('error', (e) => {
    log.debug('websocket error', { error: e.message });
    drop(0, 'error');
  });
  // Browsers answer pings by themselves; anything heard from the client counts as an answer.
  let answered = true;
  const heard = () => void (answered = true);
  ws.on('pong', heard);
  const liveness = setInterval(() => {
    if (done) return clearInterval(liveness);
    if (!answered) {
      log.info('client dropped: no answer to ping', { intervalMs: limits.pingIntervalMs });
      clearInterval(liveness);
      return drop(0, 'no answer to ping');
    }
    answered = false;
    try {
      ws.ping();
    } catch {
      drop(0, 'ping failed');
    }
  }, limits.pingIntervalMs);
  liveness.unref();

  ws.on('close', () => {
    done = true;
    clearInterval(liveness);
    connection?.close();
  });

  try {
    connection = options.open(
      (event, payload) => send({ kind: 'event', event, payload }),
      // The hello again, so the client knows its new role before the identity event arrives.
      (who) => send({ kind: 'hello', role: roleOf(who.identity), identity: who.identity }),
    );
  } catch (e) {
    log.error('could not open connection', { error: e instanceof Error ? e.message : String(e) });
    drop(CLOSE_INTERNAL, 'internal');
    return;
  }
  const c = connection;
  send({ kind: 'hello', role: roleOf(c.identity()), identity: c.identity() });

  ws.on('message', (data, isBinary) => {
    if (done) return;
    heard();
    if (!rate.take()) return drop(CLOSE_POLICY, 'too many requests');
    if (pending >= limits.maxPending) return drop(CLOSE_POLICY, 'too many requests in flight');
    // One pure function for the message parse (shared/api/wire.ts), fuzzed by `npm run fuzz`.
    const parsed = parseWireRequest(isBinary ? undefined : data.toString(), limits.maxMessageBytes);
    if (!parsed.ok) {
      send({ kind: 'response', id: -1, result: { ok: false, error: parsed.error } });
      return;
    }
    const { id, name, input } = parsed.request;
    pending += 1;
    let work: Promise<IdentityResult<unknown>>;
    try {
      work = c.handle(name, input);
    } catch (e) {
      work = Promise.reject(e);
    }
    work.then(
      (result) => {
        pending -= 1;
        send({ kind: 'response', id, result });
      },
      (e: unknown) => {
        pending -= 1;
        log.error('request failed', { name, error: e instanceof Error ? e.message : String(e) });
        send({
          kind: 'response',
          id,
          result: { ok: false, error: { code: 'internal', message: 'the kiosk could not complete this request' } },
        });
        drop(CLOSE_INTERNAL, 'internal');
      },
    );
  });
}

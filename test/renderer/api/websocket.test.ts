import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketApi } from '../../../renderer/src/api/websocket';
import type { ConnectionState } from '../../../renderer/src/api/types';
import { memoryCredentials } from '../../../renderer/src/api/credentials';

/** Enough of a WebSocket for the client: records frames, lets the test play the server. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: unknown[] = [];
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(frame: string) {
    this.sent.push(JSON.parse(frame));
  }
  close() {
    this.drop();
  }
  /** Server side. */
  hello() {
    this.readyState = FakeSocket.OPEN;
    this.server({ kind: 'hello', role: 'kiosk' });
  }
  server(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop() {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.();
  }
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function client() {
  const states: ConnectionState[] = [];
  const api = createWebSocketApi({
    url: 'ws://127.0.0.1/api?role=kiosk&kiosk=kiosk-1',
    role: 'kiosk',
    kioskId: 'kiosk-1',
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    random: () => 0.5,
  });
  api.onConnection((s) => states.push(s));
  return { api, states, socket: () => FakeSocket.all.at(-1)! };
}

describe('WebSocket transport', () => {
  it('waits for hello, then sends queued requests and matches responses by id', async () => {
    const { api, socket } = client();
    expect(api.connection()).toBe('connecting');
    const p = api.request('status.get', {});
    expect(socket().sent).toEqual([]);
    socket().hello();
    expect(api.connection()).toBe('open');
    expect(socket().sent).toEqual([{ id: 1, name: 'status.get', input: {} }]);
    socket().server({ kind: 'response', id: 1, result: { ok: true, value: { clinicName: 'x' } } });
    await expect(p).resolves.toEqual({ ok: true, value: { clinicName: 'x' } });
  });

  it('dispatches pushed events to their handlers only', () => {
    const { api, socket } = client();
    socket().hello();
    const seen: unknown[] = [];
    const off = api.on('session.updated', (s) => seen.push(s));
    api.on('status.changed', () => seen.push('status'));
    socket().server({ kind: 'event', event: 'session.updated', payload: { id: 's-1' } });
    socket().server({ kind: 'event', event: 'not-an-event', payload: {} });
    off();
    socket().server({ kind: 'event', event: 'session.updated', payload: { id: 's-2' } });
    expect(seen).toEqual([{ id: 's-1' }]);
  });

  it('on a drop: in-flight requests resolve unavailable, it reconnects with backoff and says so', async () => {
    const { api, states, socket } = client();
    socket().hello();
    const inflight = api.request('session.get', { sessionId: 's-1' });
    socket().drop();
    await expect(inflight).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(api.connection()).toBe('reconnecting');
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all).toHaveLength(2);
    socket().drop();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    const queued = api.request('status.get', {});
    socket().hello();
    expect(states).toEqual(['open', 'reconnecting', 'open']);
    expect(socket().sent).toEqual([{ id: 2, name: 'status.get', input: {} }]);
    socket().server({ kind: 'response', id: 2, result: { ok: true, value: 1 } });
    await expect(queued).resolves.toEqual({ ok: true, value: 1 });
    // A fresh connection resets the backoff.
    socket().drop();
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all).toHaveLength(4);
  });

  it('a request that gets no answer times out as unavailable rather than hanging', async () => {
    const { api, socket } = client();
    socket().hello();
    const p = api.request('status.get', {});
    vi.advanceTimersByTime(20_000);
    await expect(p).resolves.toMatchObject({ ok: false, error: { code: 'unavailable', message: 'timed out' } });
  });

  it('close stops reconnecting', () => {
    const { api, socket } = client();
    socket().hello();
    api.close();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });
});

describe('WebSocket transport: identity', () => {
  it('after every (re)connect presents the device credential and the staff token before queued requests', async () => {
    const credentials = memoryCredentials();
    credentials.setDevice({ deviceId: 'dev-aaaaaaaaaaaaaaaa', secret: 's'.repeat(43) });
    credentials.setStaffToken('t'.repeat(43));
    const api = createWebSocketApi({
      url: 'ws://127.0.0.1/api',
      role: 'staff',
      kioskId: 'kiosk-1',
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
      random: () => 0.5,
      credentials,
    });
    const seen: string[] = [];
    api.onIdentity((i) => seen.push(i.kind));
    const queued = api.request('staff.list', {});
    const socket = FakeSocket.all.at(-1)!;
    socket.readyState = FakeSocket.OPEN;
    socket.server({ kind: 'hello', role: 'kiosk', identity: { kind: 'anonymous' } });
    expect(socket.sent).toEqual([
      { id: 2, name: 'device.authenticate', input: { deviceId: 'dev-aaaaaaaaaaaaaaaa', secret: 's'.repeat(43) } },
    ]);
    socket.server({
      kind: 'response',
      id: 2,
      result: { ok: false, error: { code: 'invalid-credentials', message: 'revoked' } },
    });
    await vi.waitFor(() => expect(socket.sent).toHaveLength(2));
    expect(socket.sent[1]).toEqual({ id: 3, name: 'auth.resume', input: { token: 't'.repeat(43) } });
    expect(credentials.device()).toBeUndefined(); // refused: forgotten
    const staff = { kind: 'staff', accountId: 'a', name: '受付 花子', role: 'staff' };
    socket.server({ kind: 'hello', role: 'staff', identity: staff });
    socket.server({ kind: 'response', id: 3, result: { ok: true, value: { token: 't'.repeat(43), identity: staff } } });
    await vi.waitFor(() => expect(socket.sent).toHaveLength(3));
    expect(socket.sent[2]).toEqual({ id: 1, name: 'staff.list', input: {} }); // only now
    expect(api.identity()).toEqual(staff);
    expect(seen).toEqual(['staff']); // no anonymous moment (a sign-in form) while the token was presented
    socket.server({ kind: 'response', id: 1, result: { ok: true, value: [] } });
    await expect(queued).resolves.toEqual({ ok: true, value: [] });
    expect(credentials.staffToken()).toBe('t'.repeat(43));
  });

  it('a browser whose token is refused shows the hello identity once the token was tried, not before', async () => {
    const credentials = memoryCredentials();
    credentials.setStaffToken('t'.repeat(43));
    const api = createWebSocketApi({
      url: 'ws://127.0.0.1/api',
      role: 'staff',
      kioskId: 'kiosk-1',
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
      random: () => 0.5,
      credentials,
    });
    const seen: string[] = [];
    api.onIdentity((i) => seen.push(i.kind));
    const socket = FakeSocket.all.at(-1)!;
    socket.readyState = FakeSocket.OPEN;
    socket.server({ kind: 'hello', role: 'staff', identity: { kind: 'anonymous' } });
    expect(socket.sent).toEqual([{ id: 1, name: 'auth.resume', input: { token: 't'.repeat(43) } }]);
    expect(api.identity()).toBeNull(); // still presenting: neither a sign-in form nor the console
    socket.server({
      kind: 'response',
      id: 1,
      result: { ok: false, error: { code: 'invalid-token', message: 'expired' } },
    });
    await vi.waitFor(() => expect(api.identity()).toEqual({ kind: 'anonymous' }));
    expect(seen).toEqual(['anonymous']);
    expect(credentials.staffToken()).toBeUndefined();
  });
});

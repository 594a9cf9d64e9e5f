import { afterEach, describe, expect, it } from 'vitest';
import { resolveStatic } from '../../../electron/host/server';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { STAFF } from '../../helpers/core';
import { bootHost, connect, signIn, type Booted } from '../../helpers/host';

let booted: Booted | undefined;
afterEach(async () => {
  await booted?.close();
  booted = undefined;
});
const boot = async () => (booted = await bootHost());

describe('browser host', () => {
  it('binds to 127.0.0.1 only and serves the renderer at /, /staff and /admin with a strict CSP', async () => {
    const { host: h } = await boot();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const p of ['/', '/staff', '/admin', '/pair']) {
      const res = await fetch(h.url + p);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>kiosk</title>');
      // The production policy (electron/csp.ts), the same the Electron shell sends.
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    expect((await fetch(h.url + '/assets/app.js')).headers.get('content-type')).toContain('javascript');
    expect((await fetch(h.url + '/nope.js')).status).toBe(404);
    expect((await fetch(h.url + '/', { method: 'POST' })).status).toBe(405);
  });

  it('never serves files outside the renderer folder', () => {
    const root = '/srv/renderer';
    expect(resolveStatic(root, '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
    expect(resolveStatic(root, '/../../etc/passwd')).toBe('/srv/renderer/etc/passwd');
    expect(resolveStatic(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/renderer/etc/passwd');
    expect(resolveStatic(root, '/%E0%A4%A')).toBeNull();
    expect(resolveStatic(root, '/a%00.js')).toBeNull();
  });

  it('carries the API over the WebSocket: the local kiosk needs no sign-in, staff see its sessions live after signing in', async () => {
    const b = await boot();
    await b.account('Tanaka', 'staff', '739154');
    const kiosk = await connect(b.host.url);
    const staff = await connect(b.host.url, { query: 'role=staff' });
    expect(kiosk.messages[0]).toMatchObject({
      kind: 'hello',
      role: 'kiosk',
      identity: { kind: 'local-kiosk', kioskId: 'kiosk-1' },
    });
    expect(staff.messages[0]).toMatchObject({ kind: 'hello', role: 'kiosk', identity: { kind: 'anonymous' } });
    await signIn(staff, 'Tanaka', '739154');
    expect(staff.messages.filter((m) => m.kind === 'hello').at(-1)).toMatchObject({
      role: 'staff',
      identity: { kind: 'staff', name: 'Tanaka' },
    });
    const started = await kiosk.request('session.start', { kioskId: 'kiosk-1' });
    expect(started).toMatchObject({ ok: true, value: { state: 'choose-document' } });
    const id = (started.value as { id: string }).id;
    const sent = await kiosk.request('session.send', {
      sessionId: id,
      event: { type: 'choose-document', document: 'nothing' },
    });
    expect(sent).toMatchObject({ ok: true, value: { state: 'confirm-self-pay' } });
    await expect
      .poll(() => staff.messages.filter((m) => m.kind === 'event' && m.event === 'session.updated').length)
      .toBe(2);
    kiosk.ws.close();
    staff.ws.close();
  });

  it('answers malformed or unauthorised messages with typed errors on the socket', async () => {
    const { host } = await boot();
    const kiosk = await connect(host.url);
    kiosk.ws.send('not json {');
    await expect
      .poll(() => kiosk.messages.find((m) => m.kind === 'response' && m.id === -1))
      .toMatchObject({ result: { ok: false, error: { code: 'invalid-payload' } } });
    expect(await kiosk.request('session.send', { sessionId: 'x', event: { type: 'staff-approve' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await kiosk.request('staff.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await kiosk.request('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    kiosk.ws.close();
  });

  it('refuses oversized messages', async () => {
    const { host } = await boot();
    const ok = await connect(host.url);
    ok.ws.send('x'.repeat(200 * 1024));
    expect(await ok.closed).toBe(1009); // message too big
  });

  it('drops a client that stops answering pings (a tablet gone without a close), and its card wait with it', async () => {
    const b = (booted = await bootHost(
      { limits: { pingIntervalMs: 40 } },
      { settings: { readerCardHeartbeatMs: 50 } },
    ));
    // An open staff window that answers pings as browsers do: kept, however many pings go by.
    const live = await connect(b.host.url, { query: 'role=staff' });
    let pings = 0;
    live.ws.on('ping', () => (pings += 1));
    // The kiosk screen waits on the card screen, then its network goes: no close, no more pongs.
    const kiosk = await connect(b.host.url, { autoPong: false });
    const started = await kiosk.request('session.start', { kioskId: 'kiosk-1' });
    const id = (started.value as { id: string }).id;
    const waiting = await kiosk.request('session.send', {
      sessionId: id,
      event: { type: 'choose-document', document: 'myna-card' },
    });
    expect(waiting).toMatchObject({ ok: true, value: { state: 'read-card' } });
    expect(b.core.internals.cardReads.waiting()).toEqual([id]);

    expect(await kiosk.closed).toBe(1006); // terminated: no close handshake with a client that is gone
    // Its presence went with the connection: after the heartbeat its card wait ends, blocking no later read.
    await expect.poll(() => b.core.internals.cardReads.waiting()).toEqual([]);
    const ended = await b.core.handle(STAFF, 'session.get', { sessionId: id });
    expect(ended).toMatchObject({ ok: true, value: { id, state: 'card-failed', notice: 'card-timeout' } });

    await expect.poll(() => pings).toBeGreaterThanOrEqual(4);
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    live.ws.close();
  });
});

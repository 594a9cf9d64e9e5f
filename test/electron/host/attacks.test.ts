/**
 * The attacks from issue 8, replayed against a real host over real sockets (loopback and the TLS LAN
 * listener). Each must get no patient data, change nothing, and leave the host serving.
 */
import http from 'node:http';
import net from 'node:net';
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateTls } from '../../../electron/host/tls';
import { tempDir } from '../../helpers/core';
import { bootHost, connect, signIn, type Booted, type Client } from '../../helpers/host';

let booted: Booted | undefined;
afterEach(async () => {
  await booted?.close();
  booted = undefined;
});

async function withPatient(b: Booted): Promise<{ kiosk: Client; sessionId: string }> {
  const kiosk = await connect(b.host.url);
  const started = await kiosk.request('session.start', { kioskId: 'kiosk-1' });
  const sessionId = (started.value as { id: string }).id;
  await kiosk.request('session.send', { sessionId, event: { type: 'choose-document', document: 'nothing' } });
  return { kiosk, sessionId };
}

/** The host still serves: a fresh local kiosk can read the status. */
async function stillServing(b: Booted) {
  const c = await connect(b.host.url);
  expect(await c.request('status.get', {})).toMatchObject({ ok: true });
  c.ws.close();
}

async function rawUpgrade(port: number, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      const lines = [
        'GET /api HTTP/1.1',
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 13',
        `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
      ];
      for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
      s.write(lines.join('\r\n') + '\r\n\r\n');
    });
    let out = '';
    s.on('data', (d) => (out += d.toString()));
    s.on('close', () => resolve(out.split('\r\n')[0] ?? ''));
    s.on('error', () => resolve(out.split('\r\n')[0] ?? 'error'));
  });
}

describe('issue 8 attacks, over real sockets', () => {
  it('?role=admin in the URL grants nothing: no patient list, no settings change, no forced offline', async () => {
    const b = (booted = await bootHost());
    const { sessionId } = await withPatient(b);
    const before = b.core.internals.settings.get();
    for (const query of ['role=admin', 'role=staff&kiosk=desk', 'role=admin&kiosk=kiosk-1']) {
      const c = await connect(b.host.url, { query });
      expect(await c.request('staff.list', {})).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
      expect(await c.request('session.get', { sessionId })).toMatchObject({
        ok: false,
        error: { code: 'sign-in-required' },
      });
      expect(
        await c.request('admin.updateSettings', { patch: { clinicName: 'pwned' }, staff: 'x', reason: 'x' }),
      ).toMatchObject({ ok: false });
      expect(await c.request('admin.setOnlineMode', { mode: 'forced-offline', staff: 'x', reason: 'x' })).toMatchObject(
        { ok: false },
      );
      expect(c.messages.some((m) => m.kind === 'event' && m.event === 'session.updated')).toBe(false);
      c.ws.close();
    }
    // the plain local kiosk page is a kiosk, and a kiosk is not staff
    const k = await connect(b.host.url, { query: 'role=kiosk' });
    expect(await k.request('staff.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(b.core.internals.settings.get()).toEqual(before);
    expect(b.core.internals.monitor.status().mode).toBe('auto');
  });

  it('a self-declared kiosk id is ignored: the impostor cannot read or cancel another kiosk’s session', async () => {
    const b = (booted = await bootHost());
    const admin = { accountId: crypto.randomUUID(), name: 'Sato', role: 'admin' as const };
    const code = b.identity.devices.createPairingCode({ kind: 'kiosk', label: 'tablet' }, admin);
    if (!code.ok) throw new Error('code');
    const tablet = await connect(b.host.url);
    const cred = await tablet.request('device.redeem', { code: code.value.code });
    const { deviceId, secret } = cred.value as { deviceId: string; secret: string };
    expect(await tablet.request('device.authenticate', { deviceId, secret })).toMatchObject({
      ok: true,
      value: { identity: { kind: 'device', deviceId } },
    });
    const own = await tablet.request('session.start', { kioskId: 'kiosk-1' }); // asks for another kiosk's id
    expect(own).toMatchObject({ ok: true, value: { kioskId: deviceId } }); // the core decides
    const tabletSession = (own.value as { id: string }).id;

    const impostor = await connect(b.host.url, { query: `kiosk=${deviceId}` });
    expect(impostor.messages[0]).toMatchObject({ identity: { kind: 'local-kiosk', kioskId: 'kiosk-1' } });
    expect(await impostor.request('session.get', { sessionId: tabletSession })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      await impostor.request('session.send', { sessionId: tabletSession, event: { type: 'cancel' } }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await impostor.request('device.authenticate', { deviceId, secret: 'x'.repeat(43) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-credentials' },
    });
    expect(b.core.internals.checkin.sessions.get(tabletSession)?.state).toBe('choose-document');
    expect(
      impostor.messages.some((m) => m.kind === 'event' && (m.payload as { id?: string }).id === tabletSession),
    ).toBe(false);
    // a revoked device is a nobody at its next request
    b.identity.devices.revoke(deviceId, admin);
    expect(await tablet.request('session.get', { sessionId: tabletSession })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(tablet.messages.filter((m) => m.kind === 'hello').at(-1)).toMatchObject({
      identity: { kind: 'local-kiosk' },
    });
  });

  it('refuses missing, null, malformed and foreign Origins and rebinding Hosts — and keeps serving', async () => {
    const b = (booted = await bootHost());
    const port = b.host.port;
    const cases: Record<string, string>[] = [
      { Host: `127.0.0.1:${port}` }, // no Origin (a script, curl)
      { Host: `127.0.0.1:${port}`, Origin: 'null' }, // sandboxed iframe
      { Host: `127.0.0.1:${port}`, Origin: 'http://[' },
      { Host: `127.0.0.1:${port}`, Origin: 'http://evil.example' },
      { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port + 1}` },
      { Host: `127.0.0.1:${port}`, Origin: `https://127.0.0.1:${port}` },
      { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` }, // DNS rebinding
      { Host: '[', Origin: `http://127.0.0.1:${port}` },
      { Host: `127.0.0.1:${port}`, Origin: `http://u:p@127.0.0.1:${port}` },
      { Host: `127.0.0.1:${port}`, Origin: 'x'.repeat(10_000) },
    ];
    for (const headers of cases)
      expect(await rawUpgrade(port, headers), JSON.stringify(headers).slice(0, 80)).toMatch(/^HTTP\/1\.1 40[03]/);
    const rebound = await new Promise<number>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path: '/staff', headers: { Host: `evil.example:${port}` } }, (res) =>
          resolve(res.statusCode ?? 0),
        )
        .on('error', reject),
    );
    expect(rebound).toBe(421);
    await expect(connect(b.host.url, { origin: null })).rejects.toThrow(/403/);
    await expect(connect(b.host.url, { origin: 'null' })).rejects.toThrow(/403/);
    await expect(connect(b.host.url, { origin: 'http://[' })).rejects.toThrow(/403/);
    await stillServing(b);
    // `localhost` is this machine too
    const viaName = await connect(`http://localhost:${port}`);
    expect(await viaName.request('status.get', {})).toMatchObject({ ok: true });
  });

  it('a client flooding requests it never reads is dropped; other clients are still served', async () => {
    const b = (booted = await bootHost({
      limits: { requestsPerSecond: 1e9, burst: 1e9, maxPending: 1e9, maxBufferedBytes: 256 * 1024 },
    }));
    await b.account('Tanaka', 'staff', '739154');
    for (let i = 0; i < 3; i++) await withPatient(b); // so that each answer is a few kilobytes
    const flooder = await connect(b.host.url, { query: 'role=staff' });
    await signIn(flooder, 'Tanaka', '739154');
    // stop reading: the TCP window fills, then the host's buffer for this client
    (flooder.ws as unknown as { _socket: net.Socket })._socket.pause();
    const frame = JSON.stringify({ id: 1, name: 'staff.list', input: {} });
    for (let i = 0; i < 20_000; i++) flooder.ws.send(frame);
    const other = await connect(b.host.url);
    expect(await other.request('status.get', {})).toMatchObject({ ok: true });
    (flooder.ws as unknown as { _socket: net.Socket })._socket.resume();
    expect(await flooder.closed).toBeGreaterThan(0);
    const answered = flooder.messages.filter((m) => m.kind === 'response').length;
    expect(answered).toBeLessThan(20_000); // dropped, not served to the end
    await stillServing(b);
  });

  it('a client over its request rate is closed (1008), others are not', async () => {
    const b = (booted = await bootHost());
    const flooder = await connect(b.host.url);
    for (let i = 0; i < 500; i++) flooder.ws.send(JSON.stringify({ id: i, name: 'status.get', input: {} }));
    expect(await flooder.closed).toBe(1008);
    await stillServing(b);
  });

  it('the audit names the signed-in person, never the name the client typed', async () => {
    const b = (booted = await bootHost());
    await b.account('Tanaka', 'staff', '739154');
    await b.account('Sato', 'admin', 'admin-pass-1');
    const { sessionId } = await withPatient(b);
    const staff = await connect(b.host.url, { query: 'role=staff' });
    await signIn(staff, 'Tanaka', '739154');
    const r = await staff.request('staff.act', {
      sessionId,
      event: { type: 'staff-override', staff: 'Dr. Nobody', reason: 'patient left', outcome: 'cancel' },
    });
    expect(r).toMatchObject({ ok: true });
    const admin = await connect(b.host.url, { query: 'role=admin' });
    await signIn(admin, 'Sato', 'admin-pass-1');
    expect(
      await admin.request('admin.setOnlineMode', { mode: 'forced-offline', staff: 'Someone Else', reason: 'drill' }),
    ).toMatchObject({ ok: true });
    const audit = JSON.stringify(b.core.internals.audit.list(50));
    const transitions = JSON.stringify(b.core.internals.db.prepare('SELECT actor FROM transitions').all());
    expect(audit + transitions).not.toMatch(/Dr\. Nobody|Someone Else/);
    expect(transitions).toContain('staff:Tanaka');
    expect(audit).toContain('admin:Sato');
  });

  it('sign-in attempts over the socket are rate limited with growing back-off', async () => {
    const b = (booted = await bootHost());
    await b.account('Tanaka', 'staff', '739154');
    const c = await connect(b.host.url, { query: 'role=staff' });
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await c.request('auth.signIn', { name: 'Tanaka', secret: `00000${i}` }));
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await c.request('auth.signIn', { name: 'Tanaka', secret: '739154' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await c.request('staff.list', {})).toMatchObject({ ok: false });
  });

  it('on the LAN listener: TLS only, nothing without sign-in or an enrolled device, and loopback addresses get no kiosk rights there', async () => {
    const dataDir = tempDir('tls-');
    const tls = await loadOrCreateTls({ dataDir, bindHost: '127.0.0.1', now: new Date() });
    if (!('cert' in tls)) throw new Error(tls.message);
    const b = (booted = await bootHost({
      lan: { host: '127.0.0.1', port: 0, tls, names: ['127.0.0.1', 'localhost'] },
    }));
    await b.account('Tanaka', 'staff', '739154');
    const { sessionId } = await withPatient(b);
    const lanUrl = `https://127.0.0.1:${b.host.lanPort}`;
    await expect(fetch(`http://127.0.0.1:${b.host.lanPort}/`)).rejects.toThrow(); // no plain HTTP
    const anon = await connect(lanUrl, { ca: tls.cert });
    expect(anon.messages[0]).toMatchObject({ identity: { kind: 'anonymous' } });
    for (const [name, input] of [
      ['status.get', {}],
      ['session.start', { kioskId: 'kiosk-1' }],
      ['session.get', { sessionId }],
      ['staff.list', {}],
    ] as const)
      expect(await anon.request(name, input)).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
    // the loopback listener's origin is not the LAN listener's
    await expect(connect(lanUrl, { ca: tls.cert, origin: b.host.url })).rejects.toThrow(/403/);
    await signIn(anon, 'Tanaka', '739154');
    expect(await anon.request('staff.list', {})).toMatchObject({ ok: true });
    expect(await anon.request('auth.signOut', {})).toMatchObject({
      ok: true,
      value: { identity: { kind: 'anonymous' } },
    });
    expect(await anon.request('staff.list', {})).toMatchObject({ ok: false, error: { code: 'sign-in-required' } });
  });
});

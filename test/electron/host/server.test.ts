import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, resolveStatic, type Host } from '../../../electron/host/server';
import type { Core } from '../../../electron/core/index';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { makeCore, tempDir } from '../../helpers/core';

let host: Host | undefined;
let core: Core | undefined;
afterEach(async () => {
  await host?.close();
  await core?.close();
  host = core = undefined;
});

async function boot() {
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  core = (await makeCore()).core;
  host = await startHost({ core, rendererDir, port: 0 });
  return host;
}

/** A WebSocket client that collects messages and answers requests by id. */
async function connect(h: Host, query = 'role=kiosk&kiosk=kiosk-1', origin?: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}/api?${query}`, origin ? { origin } : {});
  const messages: { kind: string; id?: number; result?: unknown; event?: string; payload?: unknown; role?: string }[] =
    [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  let next = 1;
  const request = async (name: string, input: unknown) => {
    const id = next++;
    ws.send(JSON.stringify({ id, name, input }));
    await expect
      .poll(() => messages.find((m) => m.kind === 'response' && m.id === id), { timeout: 5000 })
      .toBeDefined();
    return messages.find((m) => m.kind === 'response' && m.id === id)!.result as {
      ok: boolean;
      value?: { id: string; state: string };
      error?: { code: string };
    };
  };
  return { ws, messages, request };
}

describe('browser host', () => {
  it('binds to 127.0.0.1 only and serves the renderer at /, /staff and /admin with a strict CSP', async () => {
    const h = await boot();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const p of ['/', '/staff', '/admin']) {
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

  it('carries the API over the WebSocket and pushes session snapshots to staff', async () => {
    const h = await boot();
    const kiosk = await connect(h);
    const staff = await connect(h, 'role=staff&kiosk=desk');
    expect(kiosk.messages[0]).toEqual({ kind: 'hello', role: 'kiosk' });
    const started = await kiosk.request('session.start', { kioskId: 'kiosk-1' });
    expect(started).toMatchObject({ ok: true, value: { state: 'choose-document' } });
    const sent = await kiosk.request('session.send', {
      sessionId: started.value!.id,
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
    const h = await boot();
    const kiosk = await connect(h);
    kiosk.ws.send('not json {');
    await expect
      .poll(() => kiosk.messages.find((m) => m.kind === 'response' && m.id === -1))
      .toMatchObject({ result: { ok: false, error: { code: 'invalid-payload' } } });
    expect(await kiosk.request('session.send', { sessionId: 'x', event: { type: 'staff-approve' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await kiosk.request('staff.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await kiosk.request('session.start', { kioskId: 'kiosk-9' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    kiosk.ws.close();
  });

  it('refuses cross-origin sockets, unknown roles and oversized messages', async () => {
    const h = await boot();
    await expect(connect(h, 'role=kiosk', 'http://evil.example')).rejects.toThrow(/403/);
    await expect(connect(h, 'role=root')).rejects.toThrow(/400/);
    const ok = await connect(h, 'role=kiosk&kiosk=kiosk-1', `http://127.0.0.1:${h.port}`);
    const closed = new Promise<number>((r) => ok.ws.once('close', (code) => r(code)));
    ok.ws.send('x'.repeat(200 * 1024));
    expect(await closed).toBe(1009); // message too big
  });
});

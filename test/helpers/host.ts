/**
 * A real browser host (HTTP + WebSocket on real sockets) over a real core and identity feature, for host
 * and attack tests; and a WebSocket client that answers requests by id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import WebSocket from 'ws';
import type { Core, CoreOptions } from '../../electron/core/index';
import { startHost, type Host, type HostOptions } from '../../electron/host/server';
import { makeCore, tempDir } from './core';

export const FAST_HASH = { log2N: 10, r: 8, p: 1 };

export interface Booted {
  host: Host;
  core: Core;
  identity: Core['internals']['identity'];
  dataDir: string;
  /** Creates an account directly (as the CLI would). */
  account(name: string, role: 'staff' | 'admin', secret: string): Promise<string>;
  close(): Promise<void>;
}

export async function bootHost(
  options: Partial<Omit<HostOptions, 'core' | 'rendererDir'>> = {},
  coreOptions: Pick<CoreOptions, 'settings'> = {},
): Promise<Booted> {
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const { core, dataDir } = await makeCore({ identity: { cost: FAST_HASH }, ...coreOptions });
  const identity = core.internals.identity;
  const host = await startHost({ core, rendererDir, port: 0, ...options });
  return {
    host,
    core,
    identity,
    dataDir,
    async account(name, role, secret) {
      const r = await identity.accounts.create({ name, role, secret }, 'cli');
      if (!r.ok) throw new Error(r.error.message);
      return r.value.id;
    },
    async close() {
      await host.close();
      await core.close();
    },
  };
}

export interface WireIn {
  kind: string;
  id?: number;
  result?: { ok: boolean; value?: unknown; error?: { code: string; message?: string; retryAfterSeconds?: number } };
  event?: string;
  payload?: unknown;
  role?: string;
  identity?: { kind: string; name?: string; role?: string; kioskId?: string };
}

export interface Client {
  ws: WebSocket;
  messages: WireIn[];
  request(name: string, input: unknown): Promise<NonNullable<WireIn['result']>>;
  closed: Promise<number>;
}

/** Open a WebSocket; `origin` defaults to the host's own origin (as a browser page would send). */
export async function connect(
  url: string,
  options: {
    query?: string;
    origin?: string | null;
    headers?: Record<string, string>;
    ca?: string;
    /** false: the client never answers the host's pings (a device gone without a close). */
    autoPong?: boolean;
  } = {},
): Promise<Client> {
  const u = new URL(url);
  const wsUrl = `${u.protocol === 'https:' ? 'wss' : 'ws'}://${u.host}/api${options.query ? `?${options.query}` : ''}`;
  const origin = options.origin === undefined ? `${u.protocol}//${u.host}` : options.origin;
  const ws = new WebSocket(wsUrl, {
    ...(origin !== null ? { origin } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.autoPong === false ? { autoPong: false } : {}),
  });
  const messages: WireIn[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString()) as WireIn));
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  // The host says who this connection is first.
  await expect.poll(() => messages.some((m) => m.kind === 'hello'), { timeout: 10_000 }).toBe(true);
  let next = 1;
  return {
    ws,
    messages,
    closed,
    async request(name, input) {
      const id = next++;
      ws.send(JSON.stringify({ id, name, input }));
      await expect
        .poll(() => messages.find((m) => m.kind === 'response' && m.id === id), { timeout: 10_000 })
        .toBeDefined();
      return messages.find((m) => m.kind === 'response' && m.id === id)!.result!;
    },
  };
}

/** Sign a connection in; returns the session token. */
export async function signIn(client: Client, name: string, secret: string): Promise<string> {
  const r = await client.request('auth.signIn', { name, secret });
  if (!r.ok) throw new Error(`sign-in failed: ${JSON.stringify(r.error)}`);
  return (r.value as { token: string }).token;
}

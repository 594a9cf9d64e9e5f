/**
 * End-to-end harness: the real browser host (dist/host/main.js, built by `npm test` before Vitest runs) as a
 * child process on a free port with its own data folder, driven by Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { tempDir } from '../helpers/temp';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results', 'e2e');

export interface HostProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function startHostProcess(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<HostProcess> {
  const entry = path.join(ROOT, 'dist/host/main.js');
  if (!fs.existsSync(entry)) throw new Error('dist/host/main.js is missing: run `npm run build` first');
  const dataDir = options.dataDir ?? tempDir('kiosk-e2e-');
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      KIOSK_PORT: String(options.port ?? 0),
      KIOSK_DATA_DIR: dataDir,
      KIOSK_NOW: '2026-11-25T09:00:00+09:00',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d.toString()));
  child.stderr!.on('data', (d) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /browser host on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

// ---- sign-in helpers (issue 8): staff and admin screens need a signed-in account ----------------------

export interface TestAccount {
  name: string;
  secret: string;
  role: 'staff' | 'admin';
}

/** The first admin every e2e host gets, made with the one-time setup code the host printed on its console. */
export const E2E_ADMIN: TestAccount = { name: 'E2E 管理者', secret: 'e2e-admin-pass', role: 'admin' };
const adminReady = new WeakMap<HostProcess, Promise<void>>();

/** One request over the host's WebSocket, from a client with the host's own Origin. */
async function wsSession(host: HostProcess) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?role=admin`, { origin: host.url });
  const replies = new Map<number, (r: { ok: boolean; value?: unknown; error?: { message: string } }) => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as { kind: string; id?: number; result?: { ok: boolean } };
    if (m.kind === 'response' && m.id !== undefined) replies.get(m.id)?.(m.result!);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const request = (name: string, input: unknown) =>
    new Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>((resolve) => {
      const id = next++;
      replies.set(id, resolve);
      ws.send(JSON.stringify({ id, name, input }));
    });
  return { request, close: () => ws.close() };
}

/** Creates the first admin (E2E_ADMIN) with the setup code from the host's console, once per host. */
export function ensureAdmin(host: HostProcess): Promise<void> {
  let ready = adminReady.get(host);
  if (!ready) {
    ready = (async () => {
      let code: string | undefined;
      for (let i = 0; i < 100 && !code; i++) {
        code = /one-time setup code {2}([2-9A-Z-]{14})/.exec(host.output())?.[1];
        if (!code) await new Promise((r) => setTimeout(r, 100)); // the host prints it just after its URLs
      }
      if (!code) throw new Error(`no setup code on the host console:\n${host.output()}`);
      const s = await wsSession(host);
      const r = await s.request('auth.setup', { code, name: E2E_ADMIN.name, secret: E2E_ADMIN.secret });
      s.close();
      if (!r.ok) throw new Error(`first admin: ${r.error?.message}`);
    })();
    adminReady.set(host, ready);
  }
  return ready;
}

/** Creates a staff or admin account on the host (through the admin API, as an admin would). */
export async function createAccount(host: HostProcess, account: TestAccount): Promise<TestAccount> {
  await ensureAdmin(host);
  if (account.name === E2E_ADMIN.name) return account;
  const s = await wsSession(host);
  const signIn = await s.request('auth.signIn', { name: E2E_ADMIN.name, secret: E2E_ADMIN.secret });
  if (!signIn.ok) throw new Error(`admin sign-in: ${signIn.error?.message}`);
  const r = await s.request('accounts.create', account);
  s.close();
  if (!r.ok) throw new Error(`create ${account.name}: ${r.error?.message}`);
  return account;
}

/** Signs a page at /staff or /admin in, as a person would (by role and accessible name). */
export async function signInPage(page: Page, account: TestAccount): Promise<void> {
  await page.getByRole('heading', { name: /サインイン/ }).waitFor({ timeout: 15_000 });
  await page.getByRole('textbox', { name: '名前' }).fill(account.name);
  await page.getByLabel('暗証番号またはパスワード').fill(account.secret);
  await page.getByRole('button', { name: 'サインイン' }).click();
  await page.getByText(`サインイン中: ${account.name}`).waitFor({ timeout: 15_000 });
}

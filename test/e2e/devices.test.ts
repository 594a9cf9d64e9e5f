/// <reference lib="dom" />
/**
 * Issue 11 end to end: 診察券 scan + マイナ保険証 with the 受付票 arriving at a printer that is a TCP
 * listener in this test; and a number called from the staff console appearing on the waiting-room display.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';
import { WebSocket } from 'ws';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpretEscPos, printedText } from '../../electron/devices/printer/preview';
import { Kiosk } from './kiosk';
import {
  E2E_ADMIN,
  LANDSCAPE,
  PORTRAIT,
  SHOTS,
  createAccount,
  ensureAdmin,
  launchChromium,
  signInPage,
  startHostProcess,
  type HostProcess,
} from './harness';

let browser: Browser;
const hosts: HostProcess[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const h of hosts) await h.stop();
  await browser?.close();
});

/** A raw port-9100 printer: records each connection's bytes, answers DLE EOT n with "ready" (0x12). */
async function listenAsPrinter() {
  const jobs: Buffer[] = [];
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      for (let i = 0; i + 2 < d.length; i++) if (d[i] === 0x10 && d[i + 1] === 0x04) socket.write(Buffer.from([0x12]));
    });
    socket.on('end', () => socket.end());
    socket.on('close', () => jobs.push(Buffer.concat(chunks)));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return { port, jobs, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const RECEPTION = { name: '受付 花子', role: 'staff', secret: '482915' } as const;

/** A pairing code for an enrolled device, made as the admin would (signed in, over the host's WebSocket). */
async function pairingCode(host: HostProcess, kind: 'display' | 'kiosk', label: string): Promise<string> {
  await ensureAdmin(host);
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?role=admin`, { origin: host.url });
  const replies = new Map<
    number,
    (r: { ok: boolean; value?: { code?: string }; error?: { message: string } }) => void
  >();
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
    new Promise<{ ok: boolean; value?: { code?: string }; error?: { message: string } }>((resolve) => {
      const id = next++;
      replies.set(id, resolve);
      ws.send(JSON.stringify({ id, name, input }));
    });
  const signIn = await request('auth.signIn', { name: E2E_ADMIN.name, secret: E2E_ADMIN.secret });
  if (!signIn.ok) throw new Error(`admin sign-in: ${signIn.error?.message}`);
  const r = await request('devices.createPairingCode', { kind, label });
  ws.close();
  if (!r.ok || !r.value?.code) throw new Error(`pairing code: ${r.error?.message}`);
  return r.value.code;
}

describe('devices end to end (browser host + Chromium)', () => {
  it('診察券 scan + マイナ保険証: the ticket reaches the printer with the 受付番号 and a cut, and nothing personal', async () => {
    const printer = await listenAsPrinter();
    const host = await startHostProcess({
      env: { KIOSK_CARD_READER: 'simulator', KIOSK_PRINTER: `tcp://127.0.0.1:${printer.port}` },
    });
    hosts.push(host);
    const kiosk = await browser.newPage({ viewport: PORTRAIT });
    const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await kiosk.goto(host.url + '/');
    await staff.goto(host.url + '/staff');
    await signInPage(staff, await createAccount(host, RECEPTION));

    await new Kiosk(kiosk).tap(kiosk.getByRole('button', { name: /受付をはじめる/ }));
    await kiosk.getByRole('heading', { name: /診察券をお持ちの方/ }).waitFor({ timeout: 10_000 });
    await kiosk.screenshot({ path: path.join(SHOTS, 'patient-card-portrait.png') });
    // The demo panel's virtual 診察券: HID POS reports through the real adapter on a virtual bus.
    await new Kiosk(kiosk).tap(kiosk.getByRole('button', { name: /診察券 00012345 を読み取る/ }));
    await new Kiosk(kiosk).tap(kiosk.getByRole('button', { name: /マイナ保険証（カード）/ }));
    await kiosk
      .getByRole('region', { name: /デモ用/ })
      .getByRole('button', { name: /本人/ })
      .first()
      .click();
    const ticket = kiosk.getByRole('region', { name: /受付番号/ });
    await ticket.waitFor({ timeout: 15_000 });
    const number = ((await ticket.locator('.ticket-number').textContent()) ?? '').trim();
    expect(number).toMatch(/^\d+$/);
    await kiosk.getByText(/受付票が出ます/).waitFor({ timeout: 10_000 });

    await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const job = printer.jobs.find((j) => j.length > 100)!;
    const read = interpretEscPos(job);
    if (!read.ok) throw new Error(read.message);
    expect(printedText(read.elements)).toContain(number);
    expect(read.elements.filter((e) => e.type === 'qr')).toEqual([expect.objectContaining({ data: number })]);
    expect(job.includes(Buffer.from([0x1d, 0x56]))).toBe(true); // GS V: cut
    // Nothing personal: not the name (either form), the birth date, insurance numbers, nor the 診察券番号.
    const text = iconv.decode(job, 'Shift_JIS');
    for (const personal of ['試験', 'ｼｹﾝ', 'シケン', 'タロウ', '1980', '01130012', '12345678', '00012345']) {
      expect(text, personal).not.toContain(personal);
    }

    // Staff see the 診察券番号 on the check-in.
    await staff
      .getByRole('button', { name: new RegExp(`^${number} `) })
      .first()
      .click();
    await staff.getByText('00012345').waitFor({ timeout: 5000 });
    await kiosk.close();
    await staff.close();
    await printer.close();
  });

  it('a 診察券 from another clinic sends the patient to the desk with a reason', async () => {
    const host = hosts[0]!;
    const kiosk = await browser.newPage({ viewport: PORTRAIT });
    await kiosk.goto(host.url + '/');
    await new Kiosk(kiosk).tap(kiosk.getByRole('button', { name: /受付をはじめる/ }));
    await new Kiosk(kiosk).tap(kiosk.getByRole('button', { name: /当院のものでない診察券を読み取る/ }));
    await kiosk.getByText(/当院の診察券ではないようです/).waitFor({ timeout: 10_000 });
    await kiosk.close();
  });

  it('a number called from the staff console is on the waiting-room display within a second', async () => {
    const host = await startHostProcess();
    hosts.push(host);
    const kiosk = await browser.newPage({ viewport: PORTRAIT });
    const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const display = await browser.newPage({ viewport: LANDSCAPE });
    // The waiting-room display is an enrolled device: the admin makes a pairing code, the TV redeems it.
    const code = await pairingCode(host, 'display', '待合室テレビ');
    await display.goto(host.url + '/display');
    await display.getByRole('textbox', { name: 'ペアリングコード' }).fill(code);
    await display.getByRole('button', { name: 'つなぐ' }).click();
    await display.getByRole('region', { name: /お呼び出し中/ }).waitFor({ timeout: 10_000 });
    await staff.goto(host.url + '/staff');
    await signInPage(staff, await createAccount(host, RECEPTION));
    await kiosk.goto(host.url + '/');
    await new Kiosk(kiosk).tap(kiosk.getByRole('button', { name: /受付をはじめる/ }));
    await new Kiosk(kiosk).tap(kiosk.getByRole('button', { name: /マイナ保険証（カード）/ }));
    await kiosk
      .getByRole('region', { name: /デモ用/ })
      .getByRole('button', { name: /本人/ })
      .first()
      .click();
    const ticket = kiosk.getByRole('region', { name: /受付番号/ });
    await ticket.waitFor({ timeout: 15_000 });
    const number = ((await ticket.locator('.ticket-number').textContent()) ?? '').trim();
    // The completed check-in joins the waiting list on the display.
    await display
      .getByRole('region', { name: /お待ちの番号/ })
      .getByText(number, { exact: true })
      .waitFor({ timeout: 5000 });

    await staff
      .getByRole('button', { name: new RegExp(`^${number} `) })
      .first()
      .click();
    const callButton = staff.getByRole('button', { name: /診察室へ呼び出し/ });
    await callButton.waitFor();
    const calling = display.getByRole('region', { name: /お呼び出し中/ });
    const t0 = Date.now();
    await callButton.click();
    await calling.locator('.display-number', { hasText: new RegExp(`^${number}番$`) }).waitFor({ timeout: 1000 });
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(1000);
    console.log(`[e2e] staff 呼び出し click → number on the display: ${elapsed} ms`);
    await display.emulateMedia({ reducedMotion: 'reduce' }); // the steady state, not mid-flash
    await display.screenshot({ path: path.join(SHOTS, 'display-landscape.png') });
    // Public screen: no name, no birth date.
    const shown = (await display.locator('body').textContent()) ?? '';
    for (const personal of ['試験', 'ｼｹﾝ', 'シケン', '1980']) expect(shown).not.toContain(personal);
    await kiosk.close();
    await staff.close();
    await display.close();
  });
});

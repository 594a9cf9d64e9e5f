/**
 * The host exposed on the LAN (KIOSK_BIND): TLS only; a tablet there sees the pairing screen, becomes a kiosk
 * with the admin's pairing code, and checks a patient in; the staff console there needs a sign-in too.
 */
import net from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kiosk } from './kiosk';
import {
  E2E_ADMIN,
  LANDSCAPE,
  PORTRAIT,
  SHOTS,
  ensureAdmin,
  launchChromium,
  signInPage,
  startHostProcess,
  type HostProcess,
} from './harness';

let browser: Browser;
let host: HostProcess;
let lanPort: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

beforeAll(async () => {
  browser = await launchChromium();
  lanPort = await freePort();
  // 'localhost' as the LAN name the tablet uses, so the test does not depend on this machine's addresses.
  host = await startHostProcess({
    env: { KIOSK_BIND: '0.0.0.0', KIOSK_LAN_PORT: String(lanPort), KIOSK_LAN_NAMES: 'localhost' },
  });
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

describe('a kiosk tablet on the clinic LAN', () => {
  it('is paired with a code from the admin screen, then checks a patient in; plain HTTP gets nothing', async () => {
    await expect.poll(() => host.output()).toMatch(/certificate SHA-256: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    await expect(fetch(`http://localhost:${lanPort}/`)).rejects.toThrow();
    await ensureAdmin(host);
    const admin = await browser.newPage({ viewport: LANDSCAPE });
    await admin.goto(host.url + '/admin');
    await signInPage(admin, E2E_ADMIN);
    const lan = admin.getByRole('region', { name: /院内LANでの公開/ });
    await lan.getByText(`公開中: https://`).waitFor();
    expect(await lan.getByLabel('証明書のフィンガープリント（SHA-256）').textContent()).toMatch(
      /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/,
    );
    const devices = admin.getByRole('region', { name: /端末の登録/ });
    await devices.getByRole('textbox', { name: /端末の名前/ }).fill('2階タブレット');
    await devices.getByRole('button', { name: 'ペアリングコードを作る' }).click();
    await devices.getByRole('status').filter({ hasText: 'ペアリングコード' }).waitFor();
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await devices.getByRole('status').textContent()) ?? '')?.[1];
    expect(code).toBeDefined();

    const tablet = await browser.newContext({ viewport: PORTRAIT, ignoreHTTPSErrors: true });
    const page = await tablet.newPage();
    await page.goto(`https://localhost:${lanPort}/`);
    await page.getByRole('heading', { name: 'この端末を受付機につなぐ' }).waitFor();
    expect(await page.getByRole('button', { name: /受付をはじめる/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'pair-portrait.png') });
    await page.setViewportSize(LANDSCAPE);
    await page.screenshot({ path: path.join(SHOTS, 'pair-landscape.png') });
    await page.setViewportSize(PORTRAIT);
    await page.getByRole('textbox', { name: 'ペアリングコード' }).fill(code!);
    await page.getByRole('button', { name: 'つなぐ' }).click();
    // Patient taps go through Kiosk.tap: a tap before a new step has settled is ignored by design.
    const k = new Kiosk(page);
    await k.tap(page.getByRole('button', { name: /受付をはじめる/ }));
    await k.tap(page.getByRole('button', { name: /マイナ保険証（カード）/ }));
    await page.getByRole('region', { name: /デモ用/ }).waitFor();
    // After a reload the device is still enrolled (its credential is kept on the device) and, being the
    // same kiosk to the core, gets its own open check-in back.
    await page.reload();
    await page.getByRole('region', { name: /デモ用/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'この端末を受付機につなぐ' }).count()).toBe(0);

    const staff = await tablet.newPage();
    await staff.goto(`https://localhost:${lanPort}/staff`);
    await staff.getByRole('heading', { name: 'スタッフのサインイン' }).waitFor();
    await admin.reload(); // still signed in: the tab presents its sign-in again after the reload
    await admin.getByText(`サインイン中: ${E2E_ADMIN.name}`).waitFor();
    await admin
      .getByRole('region', { name: /端末の登録/ })
      .getByText(/2階タブレット — 受付タブレット/)
      .waitFor();
    await tablet.close();
    await admin.close();
  });
});

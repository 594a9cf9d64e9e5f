/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverage } from './glyphs';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import {
  LANDSCAPE,
  PORTRAIT,
  SHOTS,
  createAccount,
  launchChromium,
  signInPage,
  startHostProcess,
  type HostProcess,
} from './harness';
import { Kiosk } from './kiosk';

let browser: Browser;
let host: HostProcess | undefined;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/**
 * The shipped fonts are in use and cover every character on screen (no system fallback or missing-glyph
 * boxes), Japanese in BIZ UDGothic; see ./glyphs.ts (the language names on the switch use their own faces).
 */
async function expectShippedFont(page: Page) {
  const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  const c = await coverage(page);
  expect(family).toContain('BIZ UDGothic');
  expect(c.chars).toBeGreaterThan(0);
  expect(c.missing).toEqual([]);
  expect(c.drawnBy['BIZ UDGothic'] ?? 0).toBeGreaterThan(c.chars / 2);
}

/** Collects every Content-Security-Policy violation the page reports (directive and blocked URI). */
async function recordCspViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function startCheckIn(page: Page) {
  const k = new Kiosk(page);
  await k.tap(page.getByRole('button', { name: /受付をはじめる/ }));
  await k.tap(page.getByRole('button', { name: /マイナ保険証（カード）/ }));
  await expect
    .poll(() => page.getByRole('heading', { name: /カード/ }).count(), { timeout: 10_000 })
    .toBeGreaterThan(0);
}

async function presentMainPersona(page: Page) {
  const panel = page.getByRole('region', { name: /デモ用/ });
  await panel.getByRole('button', { name: /本人/ }).first().click();
}

describe('kiosk end to end (browser host + Chromium)', () => {
  it('thin path: マイナ保険証 -> reader -> 受付番号, live on the staff console, in the shipped font at kiosk sizes', async () => {
    host = await startHostProcess();
    const kiosk = await browser.newPage({ viewport: PORTRAIT });
    const staff = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await recordCspViolations(kiosk);
    await recordCspViolations(staff);
    await kiosk.goto(host.url + '/');
    await staff.goto(host.url + '/staff');
    await signInPage(staff, await createAccount(host, { name: '受付 一郎', role: 'staff', secret: '739154' }));
    await kiosk.getByRole('button', { name: /受付をはじめる/ }).waitFor();
    await expectShippedFont(kiosk);
    await shot(kiosk, 'start-portrait');
    await kiosk.setViewportSize(LANDSCAPE);
    await shot(kiosk, 'start-landscape');
    await kiosk.setViewportSize(PORTRAIT);

    const k = new Kiosk(kiosk);
    await k.tap(kiosk.getByRole('button', { name: /受付をはじめる/ }));
    await kiosk.getByRole('heading', { level: 1, name: '今日お持ちのものを選んでください' }).waitFor();
    for (const name of ['マイナ保険証', '資格確認書', '健康保険証', '資格情報のお知らせ', 'マイナポータル']) {
      await kiosk
        .getByRole('button', { name: new RegExp(name) })
        .first()
        .waitFor({ timeout: 15_000 });
    }
    await shot(kiosk, 'choose-document-portrait');
    await k.tap(kiosk.getByRole('button', { name: /マイナ保険証（カード）/ }));
    await presentMainPersona(kiosk);

    await kiosk.getByText('受付番号').first().waitFor({ timeout: 15_000 });
    const ticket = kiosk.getByRole('region', { name: /受付番号/ });
    await expect.poll(() => ticket.textContent()).toContain('1');
    await expectShippedFont(kiosk);
    await shot(kiosk, 'completed-portrait');
    await kiosk.setViewportSize(LANDSCAPE);
    await shot(kiosk, 'completed-landscape');

    // The receptionist's console saw it arrive without reloading.
    await expect
      .poll(
        () =>
          staff
            .getByRole('row')
            .filter({ hasText: /受付済|完了/ })
            .count(),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    await shot(staff, 'staff-console');
    // The pages ran under the production policy (electron/csp.ts) without a single violation.
    expect((await fetch(host.url + '/')).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await cspViolations(kiosk)).toEqual([]);
    expect(await cspViolations(staff)).toEqual([]);
    await kiosk.close();
    await staff.close();
  });

  it('a host restart in the middle of a session brings the session back in the same state', async () => {
    await host?.stop();
    host = await startHostProcess();
    const { port, dataDir } = host;
    const kiosk = await browser.newPage({ viewport: PORTRAIT });
    await kiosk.goto(host.url + '/');
    await startCheckIn(kiosk);

    await host.stop();
    host = await startHostProcess({ port, dataDir });
    // The page reconnects by itself and shows the same waiting screen; the card read then completes it.
    await presentMainPersonaWhenBack(kiosk);
    await kiosk.getByRole('region', { name: /受付番号/ }).waitFor({ timeout: 20_000 });
    await kiosk.close();
  });
});

async function presentMainPersonaWhenBack(page: Page) {
  await expect
    .poll(
      async () => {
        const panel = page.getByRole('region', { name: /デモ用/ });
        return (await panel.count()) > 0 && (await panel.getByRole('button', { name: /本人/ }).first().isEnabled());
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await presentMainPersona(page);
}

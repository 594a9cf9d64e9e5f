/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * The shipped font is in use and covers every character on screen (no fallback or missing-glyph boxes):
 * the browser itself says whether BIZ UDGothic has loaded faces for all the visible text.
 */
async function expectShippedFont(page: Page) {
  const result = await page.evaluate(async () => {
    await document.fonts.ready;
    const text = document.body.innerText.replace(/\s+/g, '');
    await document.fonts.load('32px "BIZ UDGothic"', text);
    const missing = [...new Set(text)].filter((ch) => !document.fonts.check('32px "BIZ UDGothic"', ch));
    return { family: getComputedStyle(document.body).fontFamily, missing, length: text.length };
  });
  expect(result.family).toContain('BIZ UDGothic');
  expect(result.length).toBeGreaterThan(0);
  expect(result.missing).toEqual([]);
}

async function startCheckIn(page: Page) {
  await page.getByRole('button', { name: /受付をはじめる/ }).click();
  await page.getByRole('button', { name: /マイナ保険証（カード）/ }).click();
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
    await kiosk.goto(host.url + '/');
    await staff.goto(host.url + '/staff');
    await signInPage(staff, await createAccount(host, { name: '受付 一郎', role: 'staff', secret: '739154' }));
    await kiosk.getByRole('button', { name: /受付をはじめる/ }).waitFor();
    await expectShippedFont(kiosk);
    await shot(kiosk, 'start-portrait');
    await kiosk.setViewportSize(LANDSCAPE);
    await shot(kiosk, 'start-landscape');
    await kiosk.setViewportSize(PORTRAIT);

    await kiosk.getByRole('button', { name: /受付をはじめる/ }).click();
    for (const name of ['マイナ保険証', '資格確認書', '健康保険証', '資格情報のお知らせ', 'マイナポータル']) {
      expect(await kiosk.getByRole('button', { name: new RegExp(name) }).count()).toBeGreaterThan(0);
    }
    await shot(kiosk, 'choose-document-portrait');
    await kiosk.getByRole('button', { name: /マイナ保険証（カード）/ }).click();
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

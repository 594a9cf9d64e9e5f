/// <reference lib="dom" />
/**
 * Every card failure the simulator can play, through the real browser host, core, terminal folder and
 * simulator: the kiosk ends on that failure's own guidance (found by role and accessible name), with
 * another document and a staff call offered. Screenshots of one at both kiosk sizes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../renderer/src/i18n/ja';
import { LANDSCAPE, PORTRAIT, SHOTS, launchChromium, startHostProcess, type HostProcess } from './harness';
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

// [persona label on the DEMO panel, failure kind]
const PERSONAS = [
  [/暗証番号ロック/, 'pin-locked'],
  [/電子証明書の有効期限切れ/, 'certificate-expired'],
  [/保険証利用登録なし/, 'not-registered'],
  [/資格喪失/, 'invalid'],
  [/新しい資格あり/, 'invalid-newer'],
  [/^該当資格なし$/, 'not-found'],
  [/^複数該当$/, 'multiple'],
  [/^システムエラー$/, 'system-error'],
] as const;

// Patient taps go through Kiosk.tap: a tap before a new step has settled is ignored by design.
async function toCardScreen(page: Page) {
  await new Kiosk(page).tap(page.getByRole('button', { name: /マイナ保険証（カード）/ }));
  await page.getByRole('heading', { level: 1, name: ja['readCard.title'] }).waitFor({ timeout: 10_000 });
}

describe('card failures end on their own guidance (browser host + Chromium)', () => {
  it('each failure persona → its guidance, another document and 受付の人を呼ぶ', async () => {
    host = await startHostProcess();
    const page = await browser.newPage({ viewport: PORTRAIT });
    await page.goto(host.url + '/');
    const k = new Kiosk(page);
    await k.tap(page.getByRole('button', { name: /受付をはじめる/ }));
    for (const [label, kind] of PERSONAS) {
      await toCardScreen(page);
      await k.tap(page.getByRole('region', { name: /デモ用/ }).getByRole('button', { name: label }));
      const guidance = page.getByRole('region', { name: ja['cardFailed.whatToDo'] });
      await guidance.waitFor({ timeout: 10_000 });
      expect(await guidance.textContent()).toContain(ja[`notice.card-${kind}`]);
      expect(await page.getByRole('heading', { level: 1, name: ja['cardFailed.title'] }).count()).toBe(1);
      expect(await page.getByRole('button', { name: ja['common.callStaff'] }).count()).toBe(1);
      if (kind === 'pin-locked') {
        await page.screenshot({ path: path.join(SHOTS, 'card-failed-pin-locked-portrait.png') });
        await page.setViewportSize(LANDSCAPE);
        await page.screenshot({ path: path.join(SHOTS, 'card-failed-pin-locked-landscape.png') });
        await page.setViewportSize(PORTRAIT);
      }
      await k.tap(page.getByRole('button', { name: ja['cardFailed.other'] }));
    }
    // The last one: the patient calls staff, and is told staff will come.
    await toCardScreen(page);
    await k.tap(page.getByRole('region', { name: /デモ用/ }).getByRole('button', { name: /暗証番号ロック/ }));
    await page.getByRole('region', { name: ja['cardFailed.whatToDo'] }).waitFor({ timeout: 10_000 });
    await k.tap(page.getByRole('button', { name: ja['common.callStaff'] }));
    await page.getByRole('heading', { level: 1, name: /受付の者が確認します/ }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});

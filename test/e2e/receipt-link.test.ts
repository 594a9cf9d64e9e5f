/// <reference lib="dom" />
/**
 * The レセコン link in the browser: a demo check-in at the kiosk is registered in the embedded ORCA simulator
 * (over HTTP), and the staff console shows its ORCA state live — 登録済み with ORCA's acceptance id — and can
 * cancel it in ORCA with a name and a reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LANDSCAPE, PORTRAIT, SHOTS, launchChromium, startHostProcess, type HostProcess } from './harness';

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

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

it("shows a check-in's ORCA state on the staff console, live, and cancels it in ORCA", async () => {
  host = await startHostProcess();
  const kiosk = await browser.newPage({ viewport: PORTRAIT });
  const staff = await browser.newPage({ viewport: LANDSCAPE });
  await staff.goto(host.url + '/staff');
  await kiosk.goto(host.url + '/');

  await kiosk.getByRole('button', { name: /受付をはじめる/ }).click();
  await kiosk.getByRole('button', { name: /マイナ保険証（カード）/ }).click();
  await kiosk
    .getByRole('region', { name: /デモ用/ })
    .getByRole('button', { name: /本人/ })
    .first()
    .click();
  await kiosk.getByText('受付番号').first().waitFor({ timeout: 15_000 });

  // The row's レセコン column turns 登録済み without a reload.
  const row = staff.getByRole('row').filter({ has: staff.getByRole('button', { name: /^1/ }) });
  await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('登録済み');
  await row.getByRole('button').first().click();
  const panel = staff.getByRole('region', { name: 'レセコン（ORCA）連携' });
  await expect.poll(() => panel.textContent()).toContain('ORCA受付ID');
  expect(await panel.textContent()).toContain('00001');
  await shot(staff, 'receipt-link-registered-landscape');
  await staff.setViewportSize(PORTRAIT);
  await shot(staff, 'receipt-link-registered-portrait');
  await staff.setViewportSize(LANDSCAPE);

  await panel.getByRole('button', { name: 'ORCAの受付を取り消す' }).click();
  const dialog = staff.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /担当者名/ }).fill('田中');
  await dialog.getByRole('textbox', { name: /理由/ }).fill('患者さんが帰られた');
  await dialog.getByRole('button', { name: '実行する' }).click();
  await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('取消済み');
  await shot(staff, 'receipt-link-cancelled-landscape');
  await kiosk.close();
  await staff.close();
});

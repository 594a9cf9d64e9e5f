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
import { Kiosk } from './kiosk';
import {
  E2E_ADMIN,
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

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

it("shows a check-in's ORCA state on the staff console, live, and cancels it in ORCA", async () => {
  host = await startHostProcess();
  const kiosk = await browser.newPage({ viewport: PORTRAIT });
  const staff = await browser.newPage({ viewport: LANDSCAPE });
  await staff.goto(host.url + '/staff');
  await signInPage(staff, await createAccount(host, { name: '受付 花子', role: 'staff', secret: '482913' }));
  await kiosk.goto(host.url + '/');

  // Patient taps go through Kiosk.tap: a tap before a new step has settled is ignored by design.
  const k = new Kiosk(kiosk);
  await k.tap(kiosk.getByRole('button', { name: /受付をはじめる/ }));
  await k.tap(kiosk.getByRole('button', { name: /マイナ保険証（カード）/ }));
  await k.tap(kiosk.getByRole('region', { name: /デモ用/ }).getByRole('button', { name: /本人/ }));
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
  // Signed in: the 担当者 is the signed-in person, shown and not typed.
  expect(await dialog.textContent()).toContain('受付 花子');
  await dialog.getByRole('textbox', { name: /理由/ }).fill('患者さんが帰られた');
  await dialog.getByRole('button', { name: '実行する' }).click();
  await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('取消済み');
  await shot(staff, 'receipt-link-cancelled-landscape');
  await kiosk.close();
  await staff.close();
});

it('admin picks the default 診療科 / 医師 from ORCA and saves the link settings (password never shown)', async () => {
  host ??= await startHostProcess();
  const admin = await browser.newPage({ viewport: LANDSCAPE });
  await admin.goto(host.url + '/admin');
  await signInPage(admin, await createAccount(host, E2E_ADMIN));
  const form = admin.getByRole('region', { name: 'レセコン（ORCA）連携' });
  await form.getByRole('button', { name: 'ORCAから診療科・医師を読み込む' }).click();
  const dept = form.getByRole('combobox', { name: '既定の診療科' });
  await expect.poll(() => dept.count(), { timeout: 10_000 }).toBe(1);
  await dept.selectOption('03');
  await form.getByRole('combobox', { name: '既定の医師' }).selectOption('10002');
  await form.getByRole('textbox', { name: 'パスワード' }).fill('s3cret-pw');
  await form.getByRole('textbox', { name: /理由/ }).fill('ORCAの既定を小児科に');
  await form.getByRole('button', { name: 'レセコン連携の設定を保存する' }).click();
  await expect.poll(() => form.getByRole('status').textContent(), { timeout: 10_000 }).toContain('保存しました');
  await form.scrollIntoViewIfNeeded();
  await shot(admin, 'receipt-link-admin-landscape');
  await admin.setViewportSize(PORTRAIT);
  await form.scrollIntoViewIfNeeded();
  await shot(admin, 'receipt-link-admin-portrait');
  await admin.reload();
  if (await admin.getByRole('heading', { name: /サインイン/ }).count()) await signInPage(admin, E2E_ADMIN);
  const again = admin.getByRole('region', { name: 'レセコン（ORCA）連携' });
  await expect
    .poll(() => again.getByRole('textbox', { name: /既定の診療科/ }).inputValue(), { timeout: 10_000 })
    .toBe('03');
  expect(await again.getByRole('textbox', { name: 'パスワード' }).inputValue()).toBe('');
  expect(await admin.content()).not.toContain('s3cret-pw');
  await admin.close();
});

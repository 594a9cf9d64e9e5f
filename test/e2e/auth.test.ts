/**
 * Issue 8 in a real browser: /staff and /admin ask for sign-in and show nothing before it; a kiosk context
 * and a staff context work on the same check-in; the audit names the signed-in person, whatever name a
 * request carries; the admin manages accounts and pairs a LAN kiosk.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let host: HostProcess;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  host = await startHostProcess();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

describe('sign-in in the browser', () => {
  it('/staff and /admin ask for sign-in and show no patient data before it', async () => {
    await expect.poll(() => host.output()).toMatch(/one-time setup code {2}[2-9A-Z-]{14}/); // on the console, for the first admin
    const kiosk = await browser.newPage({ viewport: PORTRAIT });
    await kiosk.goto(host.url + '/');
    await new Kiosk(kiosk).tap(kiosk.getByRole('button', { name: /受付をはじめる/ }));
    await kiosk
      .getByRole('button', { name: /資格確認書/ })
      .first()
      .waitFor();
    expect(await kiosk.content()).not.toMatch(/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/); // never on the kiosk screen

    const admin = await browser.newPage({ viewport: LANDSCAPE });
    await admin.goto(host.url + '/admin');
    await admin.getByRole('heading', { name: '最初の管理者を作る' }).waitFor();
    expect(await admin.content()).not.toMatch(/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/); // the browser gets no code
    await shot(admin, 'auth-setup-landscape');

    await ensureAdmin(host);
    const staff = await browser.newPage({ viewport: PORTRAIT });
    await staff.goto(host.url + '/staff');
    await staff.getByRole('heading', { name: 'スタッフのサインイン' }).waitFor();
    expect(await staff.getByRole('row').count()).toBe(0);
    await shot(staff, 'auth-sign-in-portrait');
    await staff.setViewportSize(LANDSCAPE);
    await shot(staff, 'auth-sign-in-landscape');
    await admin.reload();
    await admin.getByRole('heading', { name: '管理者のサインイン' }).waitFor();
    for (const p of [kiosk, admin, staff]) await p.close();
  });

  it('kiosk and staff in two contexts on one check-in; the audit names the signed-in person', async () => {
    const receptionist = await createAccount(host, { name: '受付 花子', role: 'staff', secret: '582047' });
    const kioskContext = await browser.newContext({ viewport: PORTRAIT });
    const staffContext = await browser.newContext({ viewport: LANDSCAPE });
    const kiosk = await kioskContext.newPage();
    const staff = await staffContext.newPage();
    await kiosk.goto(host.url + '/');
    // Patient taps go through Kiosk.tap: a tap before a new step has settled is ignored by design.
    const k = new Kiosk(kiosk);
    await k.tap(kiosk.getByRole('button', { name: /受付をはじめる/ }));
    await k.tap(kiosk.getByRole('button', { name: /マイナ保険証（カード）/ }));
    await kiosk.getByRole('region', { name: /デモ用/ }).waitFor();

    await staff.goto(host.url + '/staff');
    // A wrong PIN is refused with a clear message; the right one signs in.
    await staff.getByRole('textbox', { name: '名前' }).fill(receptionist.name);
    await staff.getByLabel('暗証番号またはパスワード').fill('000000');
    await staff.getByRole('button', { name: 'サインイン' }).click();
    await staff.getByText('名前か暗証番号が違います').waitFor();
    await signInPage(staff, receptionist);
    await staff
      .getByRole('button', { name: /を選ぶ/ })
      .first()
      .click();
    const detail = staff.getByRole('region', { name: '受付の詳細' });
    await detail.getByRole('button', { name: '受付を取り消す' }).click();
    const dialog = staff.getByRole('dialog', { name: '受付を取り消す' });
    await dialog.getByText(`担当者: ${receptionist.name}`).waitFor();
    expect(await dialog.getByRole('textbox', { name: '担当者名' }).count()).toBe(0); // nothing to type
    await dialog.getByRole('textbox', { name: '理由' }).fill('患者さんが窓口に来られた');
    await shot(staff, 'auth-staff-act-landscape');
    await dialog.getByRole('button', { name: '実行する' }).click();
    await detail
      .getByText(new RegExp(`${receptionist.name}`))
      .first()
      .waitFor();
    // The kiosk in the other context sees its check-in end.
    await kiosk.getByRole('button', { name: /受付をはじめる/ }).waitFor({ timeout: 20_000 });

    const db = new Database(path.join(host.dataDir, 'kiosk.sqlite3'), { readonly: true });
    const actors = db.prepare('SELECT actor FROM transitions').all() as { actor: string }[];
    const audit = db.prepare('SELECT actor, action FROM audit').all() as { actor: string; action: string }[];
    db.close();
    expect(actors.map((a) => a.actor)).toContain(`staff:${receptionist.name}`);
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'auth.sign-in', actor: expect.stringContaining(receptionist.name) }),
    );
    expect(audit).toContainEqual(expect.objectContaining({ action: 'auth.sign-in-failed' }));
    await kioskContext.close();
    await staffContext.close();
  });

  it('the admin adds an account, pairs a device, and signs out', async () => {
    const admin = await browser.newPage({ viewport: LANDSCAPE });
    await admin.goto(host.url + '/admin');
    await signInPage(admin, E2E_ADMIN);
    const accounts = admin.getByRole('region', { name: 'スタッフのアカウント' });
    await accounts.getByRole('textbox', { name: '名前' }).fill('夜間 受付');
    await accounts.getByLabel('暗証番号またはパスワード').fill('640213');
    await accounts.getByRole('button', { name: 'アカウントを追加する' }).click();
    await accounts.getByRole('cell', { name: '夜間 受付', exact: true }).waitFor();
    const devices = admin.getByRole('region', { name: /端末の登録/ });
    await devices.getByRole('textbox', { name: /端末の名前/ }).fill('2階タブレット');
    await devices.getByRole('button', { name: 'ペアリングコードを作る' }).click();
    const code = /ペアリングコード: ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(
      (await devices.getByRole('status').textContent()) ?? '',
    )?.[1];
    expect(code).toBeDefined();
    await accounts.scrollIntoViewIfNeeded();
    await shot(admin, 'auth-admin-accounts-landscape');
    await admin.setViewportSize(PORTRAIT);
    await shot(admin, 'auth-admin-accounts-portrait');
    await admin.getByRole('button', { name: 'サインアウト' }).click();
    await admin.getByRole('heading', { name: '管理者のサインイン' }).waitFor();
    await admin.close();
  });
});

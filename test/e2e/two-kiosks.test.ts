/// <reference lib="dom" />
/**
 * The trap "two kiosks, one card reader", through the real browser host (exposed on the LAN over TLS), the
 * real core, the terminal folder transport and the terminal simulator, in Chromium. Each kiosk is a tablet
 * enrolled with its own pairing code from the admin screen — a device the core knows by its own id, never by
 * anything in the URL — and all of them share the one 資格確認端末 and its card reader.
 *
 * 1. Two kiosks wait on the card screen when a card is read: the read cannot be matched to one of them, so
 *    each says so in plain words and offers to call staff; staff see the read under 照合できなかったカード読み取り
 *    and attach it to the patient whose card it was, while the other patient's call shows as 確認待ち.
 * 2. A kiosk tab closed on the card screen: its wait ends within the heartbeat (state on the staff console,
 *    not a sleep), and the next read at the other kiosk is matched to it — nothing for staff to sort out.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../renderer/src/i18n/ja';
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
import { Kiosk, axeSerious, openSignedIn } from './kiosk';

let browser: Browser;
let host: HostProcess;
let lanPort: number;
let admin: Page;
let staff: Page;
const tablets: BrowserContext[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  lanPort = await freePort();
  // 'localhost' as the LAN name the tablets use, so the test does not depend on this machine's addresses.
  host = await startHostProcess({
    env: { KIOSK_BIND: '0.0.0.0', KIOSK_LAN_PORT: String(lanPort), KIOSK_LAN_NAMES: 'localhost' },
  });
  await ensureAdmin(host);
  admin = await browser.newPage({ viewport: LANDSCAPE });
  await admin.goto(host.url + '/admin');
  await signInPage(admin, E2E_ADMIN);
  staff = await openSignedIn(browser, host, '/staff', LANDSCAPE);
}, 60_000);
afterAll(async () => {
  for (const t of tablets) await t.close();
  await host?.stop();
  await browser?.close();
});

let lastCode: string | undefined;
/** A tablet paired as a kiosk from the admin screen (its own browser context: its own stored credential). */
async function pairTablet(name: string): Promise<{ context: BrowserContext; page: Page; k: Kiosk }> {
  const devices = admin.getByRole('region', { name: /端末の登録/ });
  await devices.getByRole('textbox', { name: /端末の名前/ }).fill(name);
  await devices.getByRole('button', { name: 'ペアリングコードを作る' }).click();
  const status = devices.getByRole('status').filter({ hasText: 'ペアリングコード' });
  let code: string | undefined;
  await expect
    .poll(async () => {
      code = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await status.textContent()) ?? '')?.[1];
      return code !== undefined && code !== lastCode;
    })
    .toBe(true);
  lastCode = code;
  const context = await browser.newContext({ viewport: PORTRAIT, ignoreHTTPSErrors: true });
  tablets.push(context);
  const page = await context.newPage();
  await page.goto(`https://localhost:${lanPort}/`);
  await page.getByRole('textbox', { name: 'ペアリングコード' }).fill(code!);
  await page.getByRole('button', { name: 'つなぐ' }).click();
  const k = new Kiosk(page);
  await k.button(/受付をはじめる/).waitFor({ timeout: 15_000 });
  return { context, page, k };
}

/** From the start screen to the card screen with the マイナ保険証 card, waiting for the reader. */
async function waitOnCardScreen(k: Kiosk): Promise<void> {
  await k.press(/受付をはじめる/);
  await k.press(/マイナ保険証（カード）/);
  await k.page.getByRole('heading', { level: 1, name: ja['readCard.title'] }).waitFor({ timeout: 15_000 });
  await k.page.getByRole('status').filter({ hasText: ja['readCard.waiting'] }).waitFor();
}

/** A card on the one reader (the simulator's DEMO panel, shown on whichever kiosk screen it is tapped). */
async function presentCard(k: Kiosk, persona: RegExp): Promise<void> {
  await k.tap(k.page.getByRole('region', { name: /デモ用/ }).getByRole('button', { name: persona }));
}

const unmatchedAlert = (page: Page) => page.getByRole('alert').filter({ hasText: ja['readCard.unmatched'] });

async function staffTab(name: string) {
  const tab = staff.getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  return staff.getByRole('tabpanel');
}

describe('two kiosks, one card reader (browser host on the LAN + Chromium + terminal simulator)', () => {
  it('a read while both wait: each kiosk says so and offers staff; staff see the read and attach it', async () => {
    const a = await pairTablet('受付タブレットA');
    const b = await pairTablet('受付タブレットB');
    await waitOnCardScreen(a.k);
    await waitOnCardScreen(b.k);

    await presentCard(a.k, /試験 花子（家族・有効）/);

    // Both kiosks say, in plain words, that the card could not be confirmed, and offer to call staff.
    for (const { page } of [a, b]) {
      await unmatchedAlert(page).waitFor({ timeout: 15_000 });
      expect(await page.getByRole('button', { name: ja['readCard.askStaff'] }).count()).toBe(1);
      // The patient is no longer told that the kiosk is waiting for the reader.
      expect(await page.getByRole('status').filter({ hasText: ja['readCard.waiting'] }).count()).toBe(0);
      expect(await axeSerious(page)).toEqual([]);
    }
    await a.page.screenshot({ path: path.join(SHOTS, 'two-kiosks-unmatched-portrait.png') });
    await a.page.setViewportSize(LANDSCAPE);
    await a.page.screenshot({ path: path.join(SHOTS, 'two-kiosks-unmatched-landscape.png') });
    await a.page.setViewportSize(PORTRAIT);

    // Staff see the read, with the reason, under 照合できなかったカード読み取り.
    const reads = await staffTab(ja['staff.tab.unmatched']);
    const item = reads.getByRole('listitem').filter({ hasText: ja['staff.unmatched.reason.ambiguous'] });
    await item.waitFor({ timeout: 15_000 });
    expect(await reads.getByRole('listitem').count()).toBe(1);

    // Kiosk A's patient (not their card) asks for staff: A leaves the card screen for 受付の者が確認します,
    // and staff see a check-in 確認待ち that the patient asked about.
    await a.k.press(ja['readCard.askStaff']);
    await a.page.getByRole('heading', { level: 1, name: ja['staffConfirm.title'] }).waitFor({ timeout: 15_000 });
    await staffTab(ja['staff.tab.sessions']);
    const called = staff
      .getByRole('row')
      .filter({ hasText: ja['state.staff-confirm'] })
      .filter({ hasText: ja['staffReason.patient-asked-for-help'] });
    await expect.poll(() => called.count(), { timeout: 15_000 }).toBe(1);

    // The card was B's patient's: staff attach the read to the one check-in still waiting for a card.
    await staffTab(ja['staff.tab.unmatched']);
    await item.getByRole('button', { name: ja['staff.unmatched.assign'] }).click();
    const dialog = staff.getByRole('dialog', { name: ja['staff.unmatched.assignTitle'] });
    // Named as the admin named the tablet when pairing it, not by its device id.
    const only = dialog.getByRole('radio', { name: /^受付タブレットB / });
    expect(await dialog.getByRole('radio').count()).toBe(1);
    expect(await only.isChecked()).toBe(true);
    await dialog.getByRole('textbox', { name: ja['staff.dialog.reason'] }).fill('本人確認済み');
    await dialog.getByRole('button', { name: ja['staff.dialog.submit'] }).click();
    await b.page.getByRole('heading', { level: 1, name: ja['completed.title'] }).waitFor({ timeout: 15_000 });
    await expect.poll(() => reads.getByText(ja['staff.unmatched.empty']).count()).toBe(1);
    // A is still with staff, not pulled back to the card screen.
    expect(await a.page.getByRole('heading', { level: 1, name: ja['staffConfirm.title'] }).count()).toBe(1);
  });

  it('a kiosk tab closed on the card screen loses its wait within the heartbeat; the next read goes to the other', async () => {
    const c = await pairTablet('受付タブレットC');
    const d = await pairTablet('受付タブレットD');
    await waitOnCardScreen(c.k);
    await c.page.close(); // the tab is closed while its check-in waits for a card
    const closedAt = Date.now();
    await waitOnCardScreen(d.k);

    // State, not a sleep: the closed kiosk's check-in leaves カード読取中 on the staff console.
    await staffTab(ja['staff.tab.sessions']);
    const reading = staff.getByRole('row').filter({ hasText: ja['state.read-card'] });
    const gaveUp = staff.getByRole('row').filter({ hasText: ja['state.card-failed'] });
    await expect.poll(() => gaveUp.count(), { timeout: 30_000, interval: 200 }).toBe(1);
    expect(await reading.count()).toBe(1); // D's
    console.log(`[two-kiosks] a closed kiosk's card wait ended ${Date.now() - closedAt} ms after its tab closed`);

    await presentCard(d.k, /試験 太郎（本人・有効）/);
    await d.page.getByRole('heading', { level: 1, name: ja['completed.title'] }).waitFor({ timeout: 15_000 });
    expect(await unmatchedAlert(d.page).count()).toBe(0);
    const reads = await staffTab(ja['staff.tab.unmatched']);
    await reads.getByText(ja['staff.unmatched.empty']).waitFor();
  });
});

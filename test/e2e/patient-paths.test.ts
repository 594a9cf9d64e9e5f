/// <reference lib="dom" />
/**
 * Every document path, online and offline, walked in Chromium by role and accessible name with the real
 * browser host, the real core and the terminal simulator. Prints the taps per path (issue 10's "less
 * typing"), runs axe-core on every screen it passes (patient, and the staff and admin consoles), and fails
 * on any serious or critical violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, PORTRAIT, launchChromium, startHostProcess, type HostProcess } from './harness';
import { axeSerious, Kiosk, openSignedIn, personas, setOnlineMode, showaDigits, type AxeViolation } from './kiosk';

let browser: Browser;
let host: HostProcess;
const MAIN = personas().find((p) => p.id === 'main-insured')!;
const N = MAIN.numbers!;
const BIRTH = N.birthDate; // 1980-01-15, 昭和55年1月15日

interface PathResult {
  mode: 'online' | 'offline';
  document: string;
  taps: number;
  keys: number;
  card: boolean;
  end: string;
  screens: string[];
}
const results: PathResult[] = [];
const violations: { where: string; v: AxeViolation[] }[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  host = await startHostProcess();
});
afterAll(async () => {
  if (results.length > 0) {
    const lines = results.map(
      (r) =>
        `${r.mode.padEnd(8)} ${r.document.padEnd(26)} ${String(r.taps).padStart(3)} taps (${String(r.keys).padStart(2)} keypad, ${String(r.taps - r.keys).padStart(2)} other)${r.card ? ' + card' : '       '}  → ${r.end}`,
    );
    console.log(
      `\nTaps per document path (patient taps on the kiosk; "card" = the card on the reader):\n${lines.join('\n')}\n`,
    );
  }
  await host?.stop();
  await browser?.close();
});

async function check(page: Page, where: string) {
  const v = await axeSerious(page);
  if (v.length > 0) violations.push({ where, v });
}

const TERMINAL = /受付が終わりました|受付の者が確認します|このままでは受付できません/;

/** Walk one document from the start screen to where the patient's part ends. */
async function walk(mode: 'online' | 'offline', docId: string, docName: RegExp): Promise<PathResult> {
  const page = await browser.newPage({ viewport: PORTRAIT });
  await page.goto(`${host.url}/?kiosk=walk-${mode}-${docId}`);
  const k = new Kiosk(page);
  const screens: string[] = [];
  let card = false;
  await k.press('受付をはじめる');
  await page.getByRole('heading', { level: 1, name: '今日お持ちのものを選んでください' }).waitFor();
  await check(page, `${mode} ${docId}: choose`);
  await k.tap(page.getByRole('button', { name: docName }));
  let last = '今日お持ちのものを選んでください';
  for (let i = 0; i < 40; i++) {
    // Wait for the next question (or the end) to be on screen.
    await page.waitForFunction(
      (prev) => {
        const h = document.querySelector('h1');
        return h !== null && h.textContent?.trim() !== prev;
      },
      last,
      { timeout: 20_000 },
    );
    const title = await k.title();
    last = title;
    screens.push(title);
    await check(page, `${mode} ${docId}: ${title}`);
    if (TERMINAL.test(title)) break;
    if (/有効期限/.test(title)) {
      const suggestion = page
        .getByRole('group', { name: /よくある日付/ })
        .getByRole('button')
        .first();
      if ((await suggestion.count()) > 0) await k.tap(suggestion);
      else {
        await k.keypad('9731');
        await k.press('次へ');
      }
    } else if (/生年月日/.test(title)) {
      await k.keypad(showaDigits(BIRTH));
      await k.press('次へ');
    } else if (title === '記号') {
      if (N.symbol) {
        await k.keypad(N.symbol);
        await k.press('次へ');
      } else await k.press('わからない・とばす');
    } else if (title === '番号') {
      await k.keypad(N.number);
      await k.press('次へ');
    } else if (title === '枝番') {
      if (N.branch)
        await k.keypad(N.branch); // two digits: moves on by itself
      else await k.press('わからない・とばす');
    } else if (title === '保険者番号') {
      await k.keypad(N.insurerNumber); // a complete, valid 8-digit number moves on by itself
    } else if (title === '入力した内容をご確認ください') {
      await k.press('この内容で確認する');
    } else if (title === 'お名前') {
      for (const key of ['シ', 'ケ', 'ン', '空白', 'タ', 'ロ', 'ウ']) await k.press(key);
      await k.press('次へ');
    } else if (/保険者の名前|保険者番号（わかれば）|電話番号/.test(title)) {
      await k.press('わからない・とばす');
    } else if (title === '申し立てる内容をご確認ください') {
      await k.press('この内容で申し立てる');
    } else if (/読み取り機/.test(title)) {
      card = true;
      const panel = page.getByRole('region', { name: /デモ用/ });
      await panel.getByRole('button', { name: /本人/ }).first().click();
    } else if (title === '確認しています') {
      continue;
    } else if (/全額（10割）/.test(title)) {
      await k.press('わかりました');
    } else {
      throw new Error(`${mode} ${docId}: no step for the screen 「${title}」`);
    }
  }
  const end = screens.at(-1) ?? '';
  await page.close();
  return { mode, document: docId, taps: k.taps, keys: k.keys, card, end, screens };
}

const DOCUMENTS: [string, RegExp][] = [
  ['myna-card', /^マイナ保険証（カード）/],
  ['myna-smartphone', /^スマホのマイナ保険証/],
  ['eligibility-certificate', /^資格確認書/],
  ['insurance-card', /^健康保険証/],
  ['notice-with-card', /^資格情報のお知らせ＋/],
  ['portal-screen-with-card', /^マイナポータルの画面/],
  ['portal-pdf-with-card', /^マイナポータルのPDF/],
  ['notice-only', /^資格情報のお知らせだけ/],
  ['nothing', /^何も持っていない/],
];

async function setMode(label: '常にオフライン' | '自動') {
  const admin = await setOnlineMode(browser, host, label);
  await check(admin, 'admin');
  await admin.close();
}

describe('every document path, online and offline (issue 10)', () => {
  it('walks each path online by role and name, with axe on every screen', async () => {
    for (const [doc, name] of DOCUMENTS) results.push(await walk('online', doc, name));
    const cert = results.find((r) => r.mode === 'online' && r.document === 'eligibility-certificate')!;
    expect(cert.end).toBe('受付が終わりました');
    expect(cert.screens.filter((s) => /生年月日/.test(s))).toHaveLength(1); // asked once
    expect(results.find((r) => r.document === 'myna-card')!.end).toBe('受付が終わりました');
    expect(results.find((r) => r.document === 'nothing')!.end).toBe('受付の者が確認します');
  });

  it('walks each path offline (forced offline by the admin)', async () => {
    await setMode('常にオフライン');
    try {
      for (const [doc, name] of DOCUMENTS) results.push(await walk('offline', doc, name));
    } finally {
      await setMode('自動');
    }
    const offline = results.filter((r) => r.mode === 'offline');
    expect(offline).toHaveLength(DOCUMENTS.length);
    for (const r of offline) expect(r.end).toMatch(TERMINAL);
    expect(offline.find((r) => r.document === 'myna-card')!.screens).toContain('お名前');
  });

  it('the staff console and the admin screen pass axe too', async () => {
    const staff = await openSignedIn(browser, host, '/staff');
    await staff.getByRole('heading', { level: 1 }).first().waitFor();
    await staff.getByRole('row').nth(1).waitFor();
    await check(staff, 'staff: sessions');
    for (const tab of ['照合できなかったカード読み取り', /再照会/]) {
      const t = staff.getByRole('tab', { name: tab });
      if ((await t.count()) > 0) {
        await t.first().click();
        await check(staff, `staff: ${String(tab)}`);
      }
    }
    await staff.close();
    const admin = await openSignedIn(browser, host, '/admin', LANDSCAPE);
    await admin.getByRole('heading', { level: 1 }).first().waitFor();
    await admin.getByRole('button', { name: '設定を保存する' }).first().waitFor();
    await check(admin, 'admin');
    await admin.close();
  });

  it('no serious or critical axe violation anywhere on the way', () => {
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});

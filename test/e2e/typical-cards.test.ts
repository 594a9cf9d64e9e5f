/// <reference lib="dom" />
/**
 * Issue 10's target, "the 資格確認書 path ≤ 20 taps for a typical card", measured in Chromium with the real
 * browser host, core and terminal simulator, by role and accessible name. A clinic that has verified an
 * insurer a few times offers it as a button (electron/core/insurers), so the patient picks the insurer's
 * name instead of typing its 保険者番号, and the rest follows the insurer's format. Learning happens here as
 * it does at a clinic: earlier patients check in with their マイナ保険証. Prints the taps per card, online
 * and offline, before and after the clinic learned the insurers.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDate } from '../../electron/terminal/personas';
import { PORTRAIT, launchChromium, startHostProcess, type HostProcess } from './harness';
import { axeSerious, Kiosk, personas, setOnlineMode, showaDigits, type Persona } from './kiosk';

let browser: Browser;
let host: HostProcess;
const TODAY = '2026-11-25'; // the harness's KIOSK_NOW
const rows: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  host = await startHostProcess();
});
afterAll(async () => {
  if (rows.length > 0)
    console.log(
      `\n資格確認書, taps per typical card (patient taps; digits typed off the document):\n${rows.join('\n')}\n`,
    );
  await host?.stop();
  await browser?.close();
});

const persona = (id: string): Required<Persona> & { numbers: NonNullable<Persona['numbers']> } => {
  const p = personas().find((x) => x.id === id);
  if (!p?.numbers) throw new Error(`no persona ${id} with numbers`);
  return { ...p, numbers: { ...p.numbers, birthDate: resolveDate(p.numbers.birthDate, TODAY) } } as never;
};

/** One check-in with the マイナ保険証 of this persona (the card comes from the demo panel). */
async function cardCheckIn(label: RegExp) {
  const page = await browser.newPage({ viewport: PORTRAIT });
  await page.goto(`${host.url}/?kiosk=learn`);
  const k = new Kiosk(page);
  await k.press('受付をはじめる');
  await k.tap(page.getByRole('button', { name: /^マイナ保険証（カード）/ }));
  await page
    .getByRole('region', { name: /デモ用/ })
    .getByRole('button', { name: label })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: '受付が終わりました' }).waitFor({ timeout: 20_000 });
  await page.close();
}

interface Walk {
  taps: number;
  keys: number;
  picked: boolean;
  screens: string[];
  end: string;
  page: Page;
}

/** The 資格確認書 path for these printed numbers, from 受付をはじめる to where the patient's part ends. */
async function certificatePath(id: string, kiosk: string): Promise<Walk> {
  const p = persona(id);
  const n = p.numbers;
  const page = await browser.newPage({ viewport: PORTRAIT });
  await page.goto(`${host.url}/?kiosk=${kiosk}`);
  const k = new Kiosk(page);
  await k.press('受付をはじめる');
  await k.tap(page.getByRole('button', { name: /^資格確認書/ }));
  const screens: string[] = [];
  let picked = false;
  let last = '今日お持ちのものを選んでください';
  for (let i = 0; i < 30; i++) {
    await page.waitForFunction((prev) => document.querySelector('h1')?.textContent?.trim() !== prev, last, {
      timeout: 20_000,
    });
    const title = await k.title();
    last = title;
    screens.push(title);
    if (/受付が終わりました|受付の者が確認します|このままでは受付できません/.test(title)) break;
    const violations = await axeSerious(page);
    expect(violations, `${id}: ${title}`).toEqual([]);
    if (/有効期限/.test(title)) {
      await k.tap(
        page
          .getByRole('group', { name: /よくある日付/ })
          .getByRole('button')
          .first(),
      );
    } else if (/生年月日/.test(title)) {
      await k.keypad(showaDigits(n.birthDate));
      await k.press('次へ');
    } else if (title === '保険者番号') {
      const shortcuts = page.getByRole('group', { name: '書かれている保険者を選べます' });
      const button = shortcuts.getByRole('button', { name: new RegExp(n.insurerNumber) });
      if ((await button.count()) > 0) {
        picked = true;
        await k.tap(button);
      } else {
        await k.keypad(n.insurerNumber);
        if (n.insurerNumber.length < 8) await k.press('次へ');
      }
    } else if (title === '記号') {
      if (n.symbol) {
        await k.keypad(n.symbol);
        // 協会けんぽ's 8-digit 記号 moves on by itself once the insurer is known.
        if (!(picked && n.insurerNumber.startsWith('01') && n.symbol.length === 8)) await k.press('次へ');
      } else await k.press('わからない・とばす');
    } else if (title === '番号') {
      await k.keypad(n.number);
      // 後期's 8-digit 番号 moves on by itself once the insurer is known.
      if (!(picked && n.insurerNumber.startsWith('39'))) await k.press('次へ');
    } else if (title === '枝番') {
      if (n.branch) await k.keypad(n.branch);
      else await k.press('わからない・とばす');
    } else if (title === '入力した内容をご確認ください') {
      await k.press('この内容で確認する');
    } else if (title !== '確認しています') {
      throw new Error(`${id}: no step for 「${title}」`);
    }
  }
  return { taps: k.taps, keys: k.keys, picked, screens, end: screens.at(-1) ?? '', page };
}

function row(label: string, w: Walk) {
  rows.push(
    `${label.padEnd(44)} ${String(w.taps).padStart(3)} taps (${String(w.keys).padStart(2)} keypad)${w.picked ? ', insurer picked by name' : ''} → ${w.end}`,
  );
}

describe('the 資格確認書 path for typical cards (issue 10: ≤ 20 taps)', () => {
  it('before the clinic knows any insurer, every digit is typed (the first day)', async () => {
    const w = await certificatePath('late-elderly', 'first-day');
    row('後期高齢者 (first day, nothing learned)', w);
    expect(w.picked).toBe(false);
    expect(w.end).toBe('受付が終わりました');
    await w.page.close();
  });

  it('after a few verified visits the insurer is one tap, and 後期 takes ≤ 20 taps online and offline', async () => {
    // Earlier patients of the clinic: three each (fewer are never shown, so no insurer points at one person).
    for (let i = 0; i < 3; i++) await cardCheckIn(/試験 太郎/);
    for (let i = 0; i < 3; i++) await cardCheckIn(/試験 長寿/);

    const kouki = await certificatePath('late-elderly', 'k-online');
    row('後期高齢者 39139993 / 番号 8', kouki);
    expect(kouki.picked).toBe(true);
    expect(kouki.end).toBe('受付が終わりました');
    expect(kouki.screens).not.toContain('記号'); // 後期 has none: not asked
    expect(kouki.screens).not.toContain('枝番');
    expect(kouki.taps).toBeLessThanOrEqual(20);
    await kouki.page.close();

    const kyokai = await certificatePath('main-insured', 'c-online');
    row('協会けんぽ 01130012 / 記号 8 / 番号 4 / 枝番 2', kyokai);
    expect(kyokai.picked).toBe(true);
    expect(kyokai.end).toBe('受付が終わりました');
    await kyokai.page.close();

    // An insurer this clinic has not verified three times is typed, as before.
    const society = await certificatePath('dependant', 's-online');
    row('健保組合 06139992 (not learned) / 記号 1 / 番号 5', society);
    expect(society.picked).toBe(false);
    await society.page.close();

    const admin = await setOnlineMode(browser, host, '常にオフライン');
    await admin.close();
    try {
      const offline = await certificatePath('late-elderly', 'k-offline');
      row('後期高齢者, offline (verified later)', offline);
      expect(offline.picked).toBe(true);
      expect(offline.taps).toBeLessThanOrEqual(20);
      await offline.page.close();
    } finally {
      (await setOnlineMode(browser, host, '自動')).close();
    }
  });
});

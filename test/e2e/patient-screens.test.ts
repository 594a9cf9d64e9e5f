/// <reference lib="dom" />
/**
 * Every patient screen at 1080x1920 and 1920x1080, in Japanese and English, at the standard and the large
 * text size, and in high contrast: screenshots to look at (test-results/e2e/screens/), and a check on each
 * that every action is on screen without scrolling, or that the screen says clearly that more is below
 * (issue 10: 次へ and the review's submit hid under the footer in landscape with large text).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANDSCAPE, PORTRAIT, SHOTS, launchChromium, startHostProcess, type HostProcess } from './harness';
import { axeSerious, Kiosk, personas, setOnlineMode, showaDigits } from './kiosk';

let browser: Browser;
let host: HostProcess;
const DIR = path.join(SHOTS, 'screens');
const N = personas().find((p) => p.id === 'main-insured')!.numbers!;
const problems: string[] = [];
let shots = 0;

beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  browser = await launchChromium();
  host = await startHostProcess();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

type Variant = { lang: 'ja' | 'en'; large: boolean; contrast: boolean };
const VARIANTS: Variant[] = [
  { lang: 'ja', large: false, contrast: false },
  { lang: 'en', large: true, contrast: false },
  { lang: 'ja', large: true, contrast: true },
];

/** Every action inside the kiosk is within the viewport, unless the screen shows its scroll cue. */
async function hiddenActions(page: Page): Promise<{ hidden: string[]; cue: boolean; stickyHidden: string[] }> {
  return page.evaluate(() => {
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 1 && r.right <= window.innerWidth + 1;
    };
    const name = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
    const buttons = [...document.querySelectorAll('.kiosk button, .dialog button')].filter(
      (b) => !(b as HTMLButtonElement).disabled && !b.closest('.demo-panel'),
    );
    const hidden = buttons.filter((b) => !inView(b)).map(name);
    // The step's own actions and the footer must always be in view, cue or not.
    const sticky = [...document.querySelectorAll('.kiosk-main .actions button, .kiosk-footer button, .dialog button')];
    const stickyHidden = sticky.filter((b) => !inView(b)).map(name);
    const cueEl = document.querySelector('.scroll-cue');
    return { hidden, cue: cueEl !== null && inView(cueEl), stickyHidden };
  });
}

async function setVariant(k: Kiosk, v: Variant) {
  const page = k.page;
  const pressed = async (name: RegExp) =>
    (await page.getByRole('button', { name }).first().getAttribute('aria-pressed')) === 'true';
  if (!(await pressed(v.lang === 'ja' ? /^日本語$/ : /^English$/)))
    await page.getByRole('button', { name: v.lang === 'ja' ? '日本語' : 'English', exact: true }).click();
  if ((await pressed(/文字を大きく|Larger text/)) !== v.large)
    await page.getByRole('button', { name: /文字を大きく|Larger text/ }).click();
  if ((await pressed(/白黒をはっきり|High contrast/)) !== v.contrast)
    await page.getByRole('button', { name: /白黒をはっきり|High contrast/ }).click();
}

/** Shoot the screen as it is in every variant and size, check its actions, and come back to ja/standard. */
async function everyVariant(k: Kiosk, screen: string) {
  const page = k.page;
  for (const v of VARIANTS) {
    await setVariant(k, v);
    for (const [size, viewport] of [
      ['portrait', PORTRAIT],
      ['landscape', LANDSCAPE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // Let the scroll cue measure the new layout (it listens for resizes) before judging.
      await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
      const tag = `${screen}-${v.lang}${v.large ? '-large' : ''}${v.contrast ? '-contrast' : ''}-${size}`;
      await page.screenshot({ path: path.join(DIR, `${tag}.png`) });
      shots += 1;
      const r = await hiddenActions(page);
      if (r.stickyHidden.length > 0) problems.push(`${tag}: actions off screen: ${r.stickyHidden.join(', ')}`);
      if (r.hidden.length > 0 && !r.cue)
        problems.push(`${tag}: off screen without a scroll cue: ${r.hidden.join(', ')}`);
      // axe in English and in high contrast (the Japanese standard screens are checked by the path walk).
      if (size === 'portrait' && (v.contrast || v.lang === 'en')) {
        const found = await axeSerious(page);
        if (found.length > 0)
          problems.push(`${tag}: axe ${found.map((x) => `${x.id} ${x.nodes.join(' ')}`).join('; ')}`);
      }
    }
  }
  await setVariant(k, VARIANTS[0]!);
  await page.setViewportSize(PORTRAIT);
}

/** A dialog covers the switches: open it in each variant, shoot it, close it. */
async function dialogVariants(k: Kiosk, screen: string, open: () => Promise<void>, close: () => Promise<void>) {
  for (const v of VARIANTS) {
    await setVariant(k, v);
    await open();
    for (const [size, viewport] of [
      ['portrait', PORTRAIT],
      ['landscape', LANDSCAPE],
    ] as const) {
      await k.page.setViewportSize(viewport);
      const tag = `${screen}-${v.lang}${v.large ? '-large' : ''}${v.contrast ? '-contrast' : ''}-${size}`;
      await k.page.screenshot({ path: path.join(DIR, `${tag}.png`) });
      shots += 1;
      const r = await hiddenActions(k.page);
      if (r.stickyHidden.length > 0) problems.push(`${tag}: actions off screen: ${r.stickyHidden.join(', ')}`);
    }
    await k.page.setViewportSize(PORTRAIT);
    await close();
  }
  await setVariant(k, VARIANTS[0]!);
}

async function waitTitle(k: Kiosk, title: string | RegExp) {
  await k.page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 20_000 });
}

describe('every patient screen, both sizes, ja and en, large text and high contrast', () => {
  it('資格確認書 online, the 「わからない」 helper and leaving midway', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    await page.goto(`${host.url}/?kiosk=screens-1`);
    const k = new Kiosk(page);
    await waitTitle(k, '受付');
    await everyVariant(k, '01-start');
    await k.press('受付をはじめる');
    await waitTitle(k, '今日お持ちのものを選んでください');
    await everyVariant(k, '02-choose');
    await dialogVariants(
      k,
      '02b-leave-dialog',
      async () => {
        await k.tap(page.getByRole('button', { name: /^(戻る|Back)$/ }));
        await page.getByRole('alertdialog').waitFor();
      },
      () => k.tap(page.getByRole('alertdialog').getByRole('button', { name: /^(続ける|Continue)$/ })),
    );
    await k.tap(page.getByRole('button', { name: /^わからない/ }));
    await waitTitle(k, /マイナンバーカード/);
    await everyVariant(k, '03-helper-card');
    await k.press('いいえ');
    await waitTitle(k, /保険者から届いた/);
    await everyVariant(k, '03-helper-paper');
    await k.press('はい');
    await waitTitle(k, /何と書いてありますか/);
    await everyVariant(k, '03-helper-which');
    await k.press('「資格確認書」');
    await waitTitle(k, 'こちらで受付します');
    await everyVariant(k, '03-helper-result');
    await k.press('これで進む');
    await waitTitle(k, /有効期限/);
    await everyVariant(k, '04-valid-until');
    await k.tap(
      page
        .getByRole('group', { name: /よくある日付/ })
        .getByRole('button')
        .first(),
    );
    await waitTitle(k, '生年月日を入力してください');
    await k.keypad(showaDigits(N.birthDate));
    await everyVariant(k, '05-birth-date');
    await k.press('次へ');
    await waitTitle(k, '記号');
    await k.keypad(N.symbol!);
    await everyVariant(k, '06-symbol');
    await k.press('次へ');
    await waitTitle(k, '番号');
    await k.keypad(N.number);
    await everyVariant(k, '07-number');
    await k.press('次へ');
    await waitTitle(k, '枝番');
    await everyVariant(k, '08-branch');
    await k.keypad(N.branch!);
    await waitTitle(k, '保険者番号');
    await everyVariant(k, '09-insurer');
    await k.keypad(N.insurerNumber);
    await waitTitle(k, '入力した内容をご確認ください');
    await everyVariant(k, '10-review');
    await k.press('この内容で確認する');
    await waitTitle(k, '受付が終わりました');
    await everyVariant(k, '11-completed');
    await page.close();
  });

  it('card, declaration, self-pay, refusal and staff screens', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    await page.goto(`${host.url}/?kiosk=screens-2`);
    const k = new Kiosk(page);
    await k.press('受付をはじめる');
    await k.tap(page.getByRole('button', { name: /^マイナ保険証（カード）/ }));
    await waitTitle(k, 'カードを読み取り機にのせてください');
    await everyVariant(k, '12-read-card');
    await k.press('受付の人を呼ぶ');
    await waitTitle(k, '受付の者が確認します');
    await everyVariant(k, '13-staff-confirm');
    await page.close();
    // A fresh tab: this one would resume its session, which waits for staff.
    const page2 = await browser.newPage({ viewport: PORTRAIT });
    await page2.goto(`${host.url}/?kiosk=screens-3`);
    const k2 = new Kiosk(page2);
    await part2(k2);
    await page2.close();
  });
});

async function part2(k: Kiosk) {
  const page = k.page;
  {
    await k.press('受付をはじめる');
    await k.tap(page.getByRole('button', { name: /^何も持っていない/ }));
    await waitTitle(k, /全額（10割）/);
    await everyVariant(k, '14-self-pay');
    await k.press('戻る');
    await k.tap(page.getByRole('button', { name: /^資格情報のお知らせだけ/ }));
    await waitTitle(k, 'このままでは受付できません');
    await everyVariant(k, '15-refused');
  }
}

describe('every patient screen (continued)', () => {
  it('the self-declaration (offline), with a name in Latin letters', async () => {
    const mode = async (label: '常にオフライン' | '自動') => (await setOnlineMode(browser, host, label)).close();
    await mode('常にオフライン');
    try {
      const page = await browser.newPage({ viewport: PORTRAIT });
      await page.goto(`${host.url}/?kiosk=screens-4`);
      const k = new Kiosk(page);
      await k.press('受付をはじめる');
      await k.tap(page.getByRole('button', { name: /^マイナ保険証（カード）/ }));
      await waitTitle(k, 'お名前');
      await everyVariant(k, '16-declare-name-kana');
      await k.press('ABC（ローマ字）');
      for (const key of 'JOHN') await k.press(key);
      await k.press('空白');
      for (const key of 'SMITH') await k.press(key);
      await everyVariant(k, '17-declare-name-latin');
      await k.press('次へ');
      await waitTitle(k, '生年月日');
      await k.keypad(showaDigits('1970-06-15'));
      await everyVariant(k, '18-declare-birth');
      await k.press('次へ');
      await waitTitle(k, /保険者の名前/);
      await everyVariant(k, '19-declare-insurer-name');
      await k.press('わからない・とばす');
      await k.press('わからない・とばす');
      await waitTitle(k, '電話番号');
      await everyVariant(k, '20-declare-phone');
      await k.press('わからない・とばす');
      await waitTitle(k, '申し立てる内容をご確認ください');
      await everyVariant(k, '21-declare-review');
      await page.close();
    } finally {
      await mode('自動');
    }
  });

  it('every action was on screen (or cued) in every variant', () => {
    console.log(`\n${shots} screenshots in ${path.relative(process.cwd(), DIR)}\n`);
    expect(problems).toEqual([]);
  });
});

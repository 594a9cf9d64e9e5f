/// <reference lib="dom" />
/**
 * Every patient screen in all six languages (ja, やさしい日本語, en, 中文, 한국어, Tiếng Việt), at 1080x1920 and
 * 1920x1080, at the standard and the large text size (issue 10, "screens that hold up"). On each:
 * - every action is on screen without scrolling, or the screen shows its scroll cue (the step's own actions
 *   and the footer always in view);
 * - no text runs out of its box (a long English or Vietnamese word wider than its button) and the page
 *   never scrolls sideways;
 * - every character is drawn by a shipped face (once per screen and language);
 * - a screenshot, written to a folder printed at the end, to be looked at.
 * The walk is done once per path (the language and text size are switched on each screen, which keeps the
 * visit); every name it uses comes from the message catalogues, never a string per language.
 * (High contrast and axe are in patient-screens.test.ts and languages.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../shared/i18n/locales';
import { translate, type UiKey } from '../../renderer/src/i18n';
import { coverage } from './glyphs';
import { LANDSCAPE, PORTRAIT, launchChromium, startHostProcess, type HostProcess } from './harness';
import { Kiosk, personas, setOnlineMode, showaDigits } from './kiosk';

let browser: Browser;
let host: HostProcess;
const DIR = process.env.KIOSK_SHOTS_DIR ?? path.join(os.tmpdir(), 'kiosk-screens-languages');
const N = personas().find((p) => p.id === 'main-insured')!.numbers!;
const problems: string[] = [];
let shots = 0;
const started = Date.now();

beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  browser = await launchChromium();
  // The simulated 診察券 reader: the kiosk asks for the clinic card first (one more screen to look at).
  host = await startHostProcess({ env: { KIOSK_CARD_READER: 'simulator' } });
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The walk itself is in Japanese (the kiosk's default); its names come from the ja catalogue. */
const ja = (key: UiKey, vars?: Record<string, string>) => translate('ja', key, vars);
const SIZES = [
  ['portrait', PORTRAIT],
  ['landscape', LANDSCAPE],
] as const;
type Variant = { locale: Locale; large: boolean };
const VARIANTS: Variant[] = LOCALES.flatMap((locale) => [
  { locale, large: false },
  { locale, large: true },
]);

/** Actions out of view (and whether the scroll cue shows), text wider than its box, a page wider than the screen. */
async function layoutProblems(page: Page) {
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
    const sticky = [...document.querySelectorAll('.kiosk-main .actions button, .kiosk-footer button, .dialog button')];
    const stickyHidden = sticky.filter((b) => !inView(b)).map(name);
    const cueEl = document.querySelector('.scroll-cue');
    // Text wider than its own box: a word that does not fit (clipped, or spilling over its neighbour).
    const overflowing = [...document.querySelectorAll('.kiosk *, .dialog *')]
      .filter((el) => {
        // (Not the demo panel, nor text kept for screen readers only.)
        if (el.closest('.demo-panel, .visually-hidden') || el instanceof SVGElement) return false;
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (!own) return false;
        const s = getComputedStyle(el);
        if (s.display === 'inline' || s.overflowX === 'auto' || s.overflowX === 'scroll') return false;
        return el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} «${name(el)}»`);
    // Anything past the screen's left or right edge (a grid column widened by a long word, cut off by the frame).
    const beyond = [...document.querySelectorAll('.kiosk *, .dialog *')]
      .filter((el) => {
        if (el.closest('.demo-panel, .visually-hidden') || el instanceof SVGElement) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} «${name(el)}»`);
    const sideways = document.documentElement.scrollWidth > window.innerWidth + 1 || beyond.length > 0;
    return { hidden, cue: cueEl !== null && inView(cueEl), stickyHidden, overflowing, sideways, beyond };
  });
}

async function setVariant(page: Page, v: Variant) {
  const lang = page.getByRole('button', { name: LOCALE_NAMES[v.locale], exact: true });
  if ((await lang.getAttribute('aria-pressed')) !== 'true') {
    await lang.click();
    await page.waitForFunction((l) => document.documentElement.lang === l, v.locale === 'ja-easy' ? 'ja' : v.locale);
  }
  const size = page.getByRole('button', { name: translate(v.locale, 'textSize.large'), exact: true });
  if (((await size.getAttribute('aria-pressed')) === 'true') !== v.large) await size.click();
}

async function judge(page: Page, tag: string, dialog: boolean) {
  await page.screenshot({ path: path.join(DIR, `${tag}.png`) });
  shots += 1;
  const r = await layoutProblems(page);
  if (r.stickyHidden.length > 0) problems.push(`${tag}: actions off screen: ${r.stickyHidden.join(', ')}`);
  if (!dialog && r.hidden.length > 0 && !r.cue)
    problems.push(`${tag}: off screen without a scroll cue: ${r.hidden.join(', ')}`);
  if (r.overflowing.length > 0) problems.push(`${tag}: text wider than its box: ${r.overflowing.join(' | ')}`);
  if (r.sideways) problems.push(`${tag}: wider than the screen: ${r.beyond.slice(0, 5).join(' | ')}`);
}

/** Shoot and check the screen in every language, text size and screen size; come back to ja/standard. */
async function everyVariant(
  page: Page,
  screen: string,
  dialog?: { open: (v: Variant) => Promise<void>; close: (v: Variant) => Promise<void> },
) {
  for (const v of VARIANTS) {
    await setVariant(page, v);
    if (dialog) await dialog.open(v);
    if (!v.large) {
      const c = await coverage(page, { decorative: true });
      if (c.missing.length > 0)
        problems.push(`${screen}-${v.locale}: no shipped glyph for ${c.missing.map((m) => m.ch).join('')}`);
    }
    for (const [size, viewport] of SIZES) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // Let the scroll cue measure the new layout (it listens for resizes) before judging.
      await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
      await judge(page, `${screen}-${v.locale}${v.large ? '-large' : ''}-${size}`, dialog !== undefined);
    }
    await page.setViewportSize(PORTRAIT);
    if (dialog) await dialog.close(v);
  }
  await setVariant(page, VARIANTS[0]!);
}

const title = (page: Page, key: UiKey, vars?: Record<string, string>) =>
  page.getByRole('heading', { level: 1, name: ja(key, vars) }).waitFor({ timeout: 20_000 });
const button = (page: Page, key: UiKey): Locator =>
  page.getByRole('button', { name: new RegExp(`^${esc(ja(key))}`) }).first();

async function open(id: string): Promise<{ page: Page; k: Kiosk }> {
  const page = await browser.newPage({ viewport: PORTRAIT });
  await page.goto(`${host.url}/?kiosk=${id}`);
  const k = new Kiosk(page);
  await button(page, 'start.button').waitFor({ timeout: 20_000 });
  return { page, k };
}

/** From the start screen past the 診察券 question to the document choice. */
async function toChoose(page: Page, k: Kiosk) {
  await k.tap(button(page, 'start.button'));
  await title(page, 'patientCard.title');
  await k.tap(button(page, 'patientCard.noCard'));
  await title(page, 'choose.title');
}

describe('every patient screen in six languages, both sizes, standard and large text', () => {
  it('start, 診察券, choice, leaving, the 「わからない」 helper and the 資格確認書 path to completed', async () => {
    const { page, k } = await open('langs-1');
    await everyVariant(page, '01-start');
    await k.tap(button(page, 'start.button'));
    await title(page, 'patientCard.title');
    await everyVariant(page, '02-patient-card');
    await k.tap(button(page, 'patientCard.noCard'));
    await title(page, 'choose.title');
    await everyVariant(page, '03-choose');
    await everyVariant(page, '03b-leave-dialog', {
      open: async (v) => {
        await k.tap(page.getByRole('button', { name: translate(v.locale, 'common.back'), exact: true }));
        await page.getByRole('alertdialog').waitFor();
      },
      close: (v) =>
        k.tap(page.getByRole('alertdialog').getByRole('button', { name: translate(v.locale, 'leave.stay') })),
    });
    await k.tap(button(page, 'helper.button'));
    await title(page, 'helper.card.title');
    await everyVariant(page, '04-helper-card');
    await k.tap(button(page, 'helper.no'));
    await title(page, 'helper.paper.title');
    await everyVariant(page, '05-helper-paper');
    await k.tap(button(page, 'helper.yes'));
    await title(page, 'helper.which.title');
    await everyVariant(page, '06-helper-which');
    await k.tap(button(page, 'helper.which.certificate'));
    await title(page, 'helper.result.title');
    await everyVariant(page, '07-helper-result');
    await k.tap(button(page, 'helper.result.go'));
    await page.getByRole('group', { name: new RegExp(esc(ja('date.suggestions'))) }).waitFor({ timeout: 20_000 });
    await everyVariant(page, '08-valid-until');
    await k.tap(
      page
        .getByRole('group', { name: new RegExp(esc(ja('date.suggestions'))) })
        .getByRole('button')
        .first(),
    );
    await title(page, 'choose.birthDate.title');
    await k.keypad(showaDigits(N.birthDate));
    await everyVariant(page, '09-birth-date');
    await k.tap(button(page, 'common.next'));
    await title(page, 'numbers.symbol.label');
    await k.keypad(N.symbol!);
    await everyVariant(page, '10-symbol');
    await k.tap(button(page, 'common.next'));
    await title(page, 'numbers.number.label');
    await k.keypad(N.number);
    await everyVariant(page, '11-number');
    await k.tap(button(page, 'common.next'));
    await title(page, 'numbers.branch.label');
    await everyVariant(page, '12-branch');
    await k.keypad(N.branch!);
    await title(page, 'numbers.insurerNumber.label');
    await everyVariant(page, '13-insurer');
    await k.keypad(N.insurerNumber);
    await title(page, 'numbers.review.title');
    await everyVariant(page, '14-review');
    await k.tap(button(page, 'numbers.submit'));
    await title(page, 'completed.title');
    await everyVariant(page, '15-completed');
    await page.close();
  }, 600_000);

  it('card reader, a card failure, staff on their way; self-pay and refusal', async () => {
    const first = await open('langs-2');
    await toChoose(first.page, first.k);
    await first.k.tap(button(first.page, 'doc.myna-card.name'));
    await title(first.page, 'readCard.title');
    await everyVariant(first.page, '16-read-card');
    await first.k.tap(first.page.locator('.demo-panel').getByRole('button', { name: /暗証番号ロック/ }));
    await title(first.page, 'cardFailed.title');
    await everyVariant(first.page, '17-card-failed');
    await first.k.tap(button(first.page, 'common.callStaff'));
    await title(first.page, 'staffConfirm.title');
    await everyVariant(first.page, '18-staff-confirm');
    await first.page.close();

    // A fresh tab: that one would resume its session, which waits for staff.
    const { page, k } = await open('langs-3');
    await toChoose(page, k);
    await k.tap(button(page, 'doc.nothing.name'));
    await title(page, 'selfPay.title');
    await everyVariant(page, '19-self-pay');
    await k.tap(button(page, 'common.back'));
    await k.tap(button(page, 'doc.notice-only.name'));
    await title(page, 'refused.title');
    await everyVariant(page, '20-refused');
    await page.close();
  }, 600_000);

  it('the self-declaration (offline), with a name in Latin letters', async () => {
    const mode = async (label: '常にオフライン' | '自動') => (await setOnlineMode(browser, host, label)).close();
    await mode('常にオフライン');
    try {
      const { page, k } = await open('langs-4');
      await toChoose(page, k);
      await k.tap(button(page, 'doc.myna-card.name'));
      await title(page, 'declare.name.label');
      await everyVariant(page, '21-declare-name-kana');
      await k.tap(button(page, 'declare.keyboard.latin'));
      for (const key of 'JOHN') await k.press(key);
      await k.tap(button(page, 'kana.space'));
      for (const key of 'SMITH') await k.press(key);
      await everyVariant(page, '22-declare-name-latin');
      await k.tap(button(page, 'common.next'));
      await title(page, 'declare.birthDate.label');
      await k.keypad(showaDigits('1970-06-15'));
      await everyVariant(page, '23-declare-birth');
      await k.tap(button(page, 'common.next'));
      await title(page, 'declare.insurerName.label');
      await everyVariant(page, '24-declare-insurer-name');
      await k.tap(button(page, 'common.skip'));
      await k.tap(button(page, 'common.skip'));
      await title(page, 'declare.phone.label');
      await everyVariant(page, '25-declare-phone');
      await k.tap(button(page, 'common.skip'));
      await title(page, 'declare.review.title');
      await everyVariant(page, '26-declare-review');
      await page.close();
    } finally {
      await mode('自動');
    }
  }, 600_000);

  it('every action was on screen (or cued), no text ran out of its box, every glyph was shipped', () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`\n[patient-screens-languages] ${shots} screenshots in ${DIR} (${seconds} s)\n`);
    expect(shots).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

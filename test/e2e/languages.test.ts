/// <reference lib="dom" />
/**
 * Every patient screen reachable on the happy and refusal paths, in each of the six languages, in the real
 * browser host and Chromium: switched from the start screen by the language's own name, walked by role and
 * accessible name in that language, each screen checked for glyph coverage by the shipped fonts (no system
 * fallback, no empty boxes) and screenshotted at 1080x1920 and 1920x1080 (test-results/e2e/lang-*.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../shared/i18n/locales';
import { translate, type UiKey } from '../../renderer/src/i18n';
import { PRIMARY_FONT, coverage } from './glyphs';
import { LANDSCAPE, PORTRAIT, SHOTS, launchChromium, startHostProcess, type HostProcess } from './harness';
import { asShown } from './walk';

let browser: Browser;
let host: HostProcess;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  host = await startHostProcess();
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

async function check(page: Page, locale: Locale, screen: string) {
  const c = await coverage(page);
  expect(c.missing, `${locale} ${screen}`).toEqual([]);
  expect(c.chars).toBeGreaterThan(10);
  // The language's own face draws most of the text in that language (Japanese parts such as the clinic's
  // name or the demo personas are marked lang="ja" and drawn in the Japanese face).
  expect(c.own.drawnBy[PRIMARY_FONT[locale]] ?? 0, `${locale} ${screen} ${JSON.stringify(c.own)}`).toBeGreaterThan(
    c.own.chars / 2,
  );
  for (const [name, size] of [
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SHOTS, `lang-${locale}-${screen}-${name}.png`) });
  }
  await page.setViewportSize(PORTRAIT);
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const tr = (locale: Locale, key: UiKey) => asShown(translate(locale, key));
const button = (page: Page, locale: Locale, key: UiKey) =>
  page.getByRole('button', { name: new RegExp(esc(tr(locale, key))) }).first();
/** A new step ignores taps until it has settled (double-tap guard, data-settled on the frame): wait for that state. */
async function tap(page: Page, locale: Locale, key: UiKey) {
  await page.waitForFunction(() => !document.querySelector('[data-settled="false"]'));
  await button(page, locale, key).click();
}
const title = (page: Page, locale: Locale, key: UiKey) =>
  page.getByRole('heading', { level: 1, name: tr(locale, key) }).waitFor({ timeout: 15_000 });

describe.each(LOCALES)('patient screens in %s', (locale) => {
  it('switch, choose, card reader, completed; refusal and self-pay; the shipped fonts cover every character', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    await page.goto(`${host.url}/?kiosk=lang-${locale}`);
    await page.getByRole('button', { name: '受付をはじめる' }).waitFor({ timeout: 20_000 });
    const group = page.getByRole('group', { name: '言語 / Language' });
    // The switch appears with the core's status (the admin's choice of languages): wait for that state.
    await expect.poll(() => group.getByRole('button').allTextContents()).toEqual(LOCALES.map((l) => LOCALE_NAMES[l]));
    await group.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.lang))
      .toBe(locale === 'ja-easy' ? 'ja' : locale);
    await button(page, locale, 'start.button').waitFor();
    await check(page, locale, 'start');

    await tap(page, locale, 'start.button');
    await title(page, locale, 'choose.title');
    await check(page, locale, 'choose');

    // 資格情報のお知らせ alone is refused today, with guidance.
    await tap(page, locale, 'doc.notice-only.name');
    await title(page, locale, 'refused.title');
    await check(page, locale, 'refused');
    await tap(page, locale, 'common.back');
    await title(page, locale, 'choose.title');

    // Nothing: 10割 first, 療養費 later.
    await tap(page, locale, 'doc.nothing.name');
    await title(page, locale, 'selfPay.title');
    await check(page, locale, 'self-pay');
    await tap(page, locale, 'common.back');
    await title(page, locale, 'choose.title');

    // 資格確認書: the printed expiry date first.
    await tap(page, locale, 'doc.eligibility-certificate.name');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /./ }).first().waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: new RegExp(esc(tr(locale, 'date.era.reiwa'))) }).count())
      .toBeGreaterThan(0);
    await check(page, locale, 'date-entry');
    await tap(page, locale, 'common.back');
    await title(page, locale, 'choose.title');

    await tap(page, locale, 'doc.myna-card.name');
    await title(page, locale, 'readCard.title');
    await check(page, locale, 'read-card');

    const panel = page.getByRole('region', { name: tr(locale, 'demo.title') });
    await page.waitForFunction(() => !document.querySelector('[data-settled="false"]'));
    await panel.getByRole('button', { name: /本人/ }).first().click();
    await page
      .getByRole('region', { name: new RegExp(esc(tr(locale, 'completed.ticketLabel'))) })
      .waitFor({ timeout: 20_000 });
    await title(page, locale, 'completed.title');
    await check(page, locale, 'completed');
    await page.close();
  }, 180_000);
});

describe('fonts', () => {
  it('the coverage check itself reports a character no shipped face has (Thai in a Japanese page)', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    await page.goto(`${host.url}/?kiosk=lang-control`);
    await page.getByRole('button', { name: '受付をはじめる' }).waitFor({ timeout: 20_000 });
    expect((await coverage(page)).missing).toEqual([]);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'ภาษาไทย';
      document.querySelector('main')!.append(p);
    });
    expect((await coverage(page)).missing.map((m) => m.ch)).toContain('ภ');
    await page.close();
  });

  it('sets English and Vietnamese in a proportional face, not a typewriter-like one', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    await page.goto(`${host.url}/?kiosk=lang-fonts`);
    await page.getByRole('button', { name: '受付をはじめる' }).waitFor({ timeout: 20_000 });
    const widths = async () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;font-size:40px;white-space:pre';
        document.querySelector('main')!.append(probe);
        const w = (s: string) => {
          probe.textContent = s;
          return probe.getBoundingClientRect().width;
        };
        await document.fonts.load(`40px ${getComputedStyle(probe).fontFamily}`, 'iiiiiiiiiiMMMMMMMMMMệẫữ');
        const result = { family: getComputedStyle(probe).fontFamily, ratio: w('iiiiiiiiii') / w('MMMMMMMMMM') };
        probe.remove();
        return result;
      });
    const ja = await widths();
    expect(ja.family).toContain('BIZ UDGothic');
    expect(ja.ratio).toBeGreaterThan(0.9); // BIZ UDGothic's Latin is fixed-width: i as wide as M
    for (const locale of ['en', 'vi'] as const) {
      await page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      const latin = await widths();
      expect(latin.family.startsWith('"Noto Sans"')).toBe(true);
      expect(latin.ratio).toBeLessThan(0.5);
    }
    await page.close();
  });

  it('loads Chinese and Korean slices only when they are needed', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.woff2')) fetched.push(r.url());
    });
    await page.goto(`${host.url}/?kiosk=lang-lazy`);
    await page.getByRole('button', { name: '受付をはじめる' }).waitFor({ timeout: 20_000 });
    await page.evaluate(() => document.fonts.ready);
    const count = (re: RegExp) => fetched.filter((u) => re.test(u)).length;
    // On the Japanese start screen only the slices for 中文 and 한국어 on the switch come in.
    const scAtStart = count(/noto-sans-sc/);
    const krAtStart = count(/noto-sans-kr/);
    expect(scAtStart).toBeLessThanOrEqual(4);
    expect(krAtStart).toBeLessThanOrEqual(4);
    await page.getByRole('button', { name: '한국어', exact: true }).click();
    await page.getByRole('button', { name: '접수 시작' }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    expect(count(/noto-sans-kr/)).toBeGreaterThan(krAtStart);
    expect(count(/noto-sans-sc/)).toBe(scAtStart);
    await page.close();
  });

  it('prints, per language, how long a switch takes and how many font bytes it fetches (figures, not limits)', async () => {
    const rows: string[] = [];
    for (const locale of LOCALES.filter((l) => l !== 'ja')) {
      const page = await browser.newPage({ viewport: PORTRAIT });
      const sizes = new Map<string, number>();
      page.on('response', (r) => {
        if (r.url().endsWith('.woff2'))
          void r.body().then(
            (b) => sizes.set(r.url(), b.length),
            () => undefined,
          );
      });
      await page.goto(`${host.url}/?kiosk=lang-measure-${locale}`);
      await page.getByRole('button', { name: '受付をはじめる' }).waitFor({ timeout: 20_000 });
      await page.evaluate(() => document.fonts.ready);
      const before = new Set(sizes.keys());
      const bytesBefore = [...sizes.values()].reduce((a, b) => a + b, 0);
      const t0 = Date.now();
      await page.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }).click();
      await page.waitForFunction((tag) => document.documentElement.lang === tag, locale === 'ja-easy' ? 'ja' : locale);
      const switchMs = Date.now() - t0;
      await page.evaluate(() => document.fonts.ready);
      const added = [...sizes.keys()].filter((u) => !before.has(u));
      const bytes = added.reduce((a, u) => a + (sizes.get(u) ?? 0), 0);
      rows.push(
        `${locale.padEnd(8)} switch ${String(switchMs).padStart(5)} ms   +${String(added.length).padStart(3)} font files ` +
          `${(bytes / 1024).toFixed(0).padStart(6)} KiB   (start screen: ${(bytesBefore / 1024).toFixed(0)} KiB)`,
      );
      expect(switchMs).toBeGreaterThan(0);
      await page.close();
    }
    console.log(`[languages] font loading on a language switch, from the Japanese start screen:\n${rows.join('\n')}`);
  });
});

/// <reference lib="dom" />
/**
 * Driving the patient kiosk in Chromium as a person would: by role and accessible name, one tap at a time,
 * counting the taps. Taps are debounced per step in the app (a double tap must not skip a step), so each
 * tap waits until the step on screen takes taps (`data-settled` on the kiosk frame): tests wait for that
 * state, never for time. Also: axe-core injected into the page, and the printed numbers of the demo
 * personas.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { E2E_ADMIN, ROOT, createAccount, signInPage, type HostProcess } from './harness';

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core on the page as it is now. The script goes in through the DevTools protocol (page.evaluate), so
 * the page's own CSP (script-src 'self') stays as shipped. Returns violations of impact serious/critical.
 */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!has) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => String(n.target)),
      }));
  });
}

export interface Persona {
  id: string;
  numbers?: { insurerNumber: string; symbol?: string; number: string; branch?: string; birthDate: string };
}

export function personas(): Persona[] {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources/simulator/personas.json'), 'utf8')) as {
    personas: Persona[];
  };
  return file.personas;
}

/** A kiosk page with a tap counter. */
export class Kiosk {
  taps = 0;
  /** Of which keypad keys (digits and 「-」 typed off the document). */
  keys = 0;
  /** The keypad's 「-」 key by its accessible name in the page's language (catalogue key keypad.hyphen). */
  constructor(
    readonly page: Page,
    readonly hyphen = 'ハイフン（－）',
  ) {}

  /** Wait until the step on screen takes taps, then tap. */
  async tap(target: Locator): Promise<void> {
    // The target first (a new step marks itself unsettled in the same render that shows it), then the step.
    await target.first().waitFor({ state: 'visible', timeout: 15_000 });
    await this.settled();
    await target.click();
    this.taps += 1;
  }

  async settled(): Promise<void> {
    await this.page.locator('.kiosk[data-settled="true"]').first().waitFor({ timeout: 15_000 });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async press(name: string | RegExp): Promise<void> {
    await this.tap(this.button(name));
  }

  /** Digits (and 「-」) on the on-screen keypad, one tap each. */
  async keypad(text: string): Promise<void> {
    for (const ch of text) {
      await this.press(ch === '-' ? this.hyphen : ch);
      this.keys += 1;
    }
  }

  /**
   * The card on the reader, from the demo panel of the card screen (the region named `panel`, a persona
   * whose label contains `persona`): what the patient does at the reader, so not a kiosk tap. Waits, like a
   * tap, for the step to take it.
   */
  async card(panel: string, persona: string | RegExp): Promise<void> {
    const button = this.page
      .getByRole('region', { name: panel, exact: true })
      .getByRole('button', { name: persona })
      .first();
    await button.waitFor({ state: 'visible', timeout: 15_000 });
    await this.settled();
    await button.click();
  }

  /** The screen's question (its h1). */
  async title(): Promise<string> {
    const h = this.page.getByRole('heading', { level: 1 });
    await h.first().waitFor({ timeout: 15_000 });
    return ((await h.first().textContent()) ?? '').trim();
  }
}

/** A 'YYYY-MM-DD' birth date as typed on the keypad under 昭和 (the default era for a birth date). */
export function showaDigits(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const showa = y - 1925;
  if (showa < 1 || showa > 64) throw new Error(`not a 昭和 date: ${iso}`);
  // Each part typed so that the entry moves on by itself: 昭和5年 as "05" (50–64 are 昭和 too), 1月 as "01"
  // (10–12 follow a "1"); the day is the last part and needs no padding.
  const year = showa < 10 && showa * 10 <= 64 ? `0${showa}` : String(showa);
  const month = m === 1 ? '01' : String(m);
  const day = String(d);
  return `${year}${month}${day}`;
}

/** /staff or /admin, signed in as the e2e admin (every staff and admin screen needs a signed-in account). */
export async function openSignedIn(
  browser: Browser,
  host: HostProcess,
  where: '/staff' | '/admin',
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  // The account first: a page opened before any admin exists offers the first-admin setup instead.
  const account = await createAccount(host, E2E_ADMIN);
  const page = await browser.newPage({ viewport });
  await page.goto(host.url + where);
  await signInPage(page, account);
  return page;
}

/** The admin's online mode switch (「常にオフライン」 for the offline paths, 「自動」 to come back). */
export async function setOnlineMode(
  browser: Browser,
  host: HostProcess,
  label: '常にオフライン' | '自動',
): Promise<Page> {
  const admin = await openSignedIn(browser, host, '/admin', { width: 1920, height: 1080 });
  const panel = admin.getByRole('region', { name: 'オンライン資格確認の動作モードを変える' });
  await panel.getByRole('radio', { name: label }).check();
  // Signed in: the 担当者 is the signed-in person (shown, not typed).
  await panel.getByRole('textbox', { name: '理由' }).fill('e2e: online mode');
  await panel.getByRole('button', { name: '変更する' }).click();
  await panel.getByText('変更しました').waitFor();
  return admin;
}

/**
 * Visible text with kana (so Japanese, not Chinese) that is not marked `lang="ja"` on a page in another
 * language: a Japanese text left untranslated, or one shown on purpose (a document's printed name, the
 * clinic's name) without its language, so a screen reader or the speech guidance reads it in the wrong
 * voice and the font falls back. Axe does not check the language of parts (WCAG 3.1.2); this does. A
 * Japanese term quoted in brackets within a sentence of the page's language is not counted.
 */
export async function unmarkedJapanese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // A Japanese term quoted in a sentence (“the 有効期限”, （顔認証付きカードリーダー）) is part of it.
      const text = (n.textContent ?? '').replace(/（[^）]*）|\([^)]*\)|「[^」]*」|“[^”]*”/g, '').trim();
      const el = n.parentElement;
      if (!el || !/[\u3041-\u3096\u30a1-\u30fa]/.test(text)) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('[lang]')?.getAttribute('lang') !== 'ja') found.push((n.textContent ?? '').trim().slice(0, 60));
    }
    return found;
  });
}

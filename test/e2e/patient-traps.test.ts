/// <reference lib="dom" />
/**
 * Issue 10's traps in a real Chromium against the real core: a double tap on 次へ, a reload in the middle
 * of typing, and a foreign resident's name typed in Latin letters through to the receptionist's console.
 * Also leaving midway (戻る pressed again and again asks first), and the idle prompt's countdown over an
 * opaque backdrop — the page's timers on Playwright's clock (page.clock), so the clinic's 90 s idle time
 * passes without waiting for it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTRAIT, launchChromium, startHostProcess, type HostProcess } from './harness';
import { Kiosk, openSignedIn, personas, setOnlineMode, showaDigits } from './kiosk';

let browser: Browser;
let host: HostProcess;
const N = personas().find((p) => p.id === 'main-insured')!.numbers!;

beforeAll(async () => {
  browser = await launchChromium();
  host = await startHostProcess();
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

const title = (page: Page) => page.getByRole('heading', { level: 1 });

/** Start a 資格確認書 check-in and arrive at its first number question (記号). */
async function toSymbol(page: Page, kiosk: string): Promise<Kiosk> {
  await page.goto(`${host.url}/?kiosk=${kiosk}`);
  const k = new Kiosk(page);
  await k.press('受付をはじめる');
  await k.tap(page.getByRole('button', { name: /^資格確認書/ }));
  await k.tap(
    page
      .getByRole('group', { name: /よくある日付/ })
      .getByRole('button')
      .first(),
  );
  await title(page).filter({ hasText: '生年月日を入力してください' }).waitFor();
  await k.keypad(showaDigits(N.birthDate));
  await k.press('次へ');
  await title(page)
    .filter({ hasText: /^記号$/ })
    .waitFor();
  return k;
}

describe('issue 10 traps in the browser', () => {
  it('a double tap on 次へ moves one step (記号 → 番号, never on to 枝番)', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    const k = await toSymbol(page, 'trap-double');
    await k.keypad(N.symbol!);
    await k.settled();
    await page.getByRole('button', { name: '次へ', exact: true }).dblclick();
    await title(page)
      .filter({ hasText: /^番号$/ })
      .waitFor();
    await k.settled();
    expect(await title(page).textContent()).toBe('番号');
    // And on 番号 (whose next step, 枝番, takes an empty answer): still one step.
    await k.keypad(N.number);
    await k.settled();
    await page.getByRole('button', { name: '次へ', exact: true }).dblclick();
    await title(page)
      .filter({ hasText: /^枝番$/ })
      .waitFor();
    await k.settled();
    expect(await title(page).textContent()).toBe('枝番');
    await page.close();
  });

  it('a reload in the middle of typing comes back to the same question with what was typed', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    const k = await toSymbol(page, 'trap-reload');
    await k.keypad(N.symbol!);
    await k.press('次へ');
    await title(page)
      .filter({ hasText: /^番号$/ })
      .waitFor();
    await k.keypad(N.number);
    await k.press('次へ');
    await title(page)
      .filter({ hasText: /^枝番$/ })
      .waitFor();
    // The draft is kept by the core (save-draft, sent when the question changes), not by the page: reload
    // until the core's session says where the patient was.
    await expect
      .poll(
        async () => {
          await page.reload();
          await title(page).first().waitFor();
          return title(page).first().textContent();
        },
        { timeout: 20_000 },
      )
      .toBe('枝番');
    // The page itself keeps nothing but the session id.
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      session: Object.keys(sessionStorage),
      values: Object.values(sessionStorage).join(' '),
    }));
    expect(stored.local).toBe(0);
    expect(stored.values).not.toContain(N.number);
    const k2 = new Kiosk(page);
    await k2.press('戻る');
    await title(page)
      .filter({ hasText: /^番号$/ })
      .waitFor();
    expect(await page.getByRole('textbox', { name: '番号' }).inputValue()).toBe(N.number);
    await k2.press('戻る');
    await title(page)
      .filter({ hasText: /^記号$/ })
      .waitFor();
    expect(await page.getByRole('textbox', { name: '記号' }).inputValue()).toBe(N.symbol);
    await page.close();
  });

  it('"John Smith" checks in alone with the ABC keys (offline declaration) and staff see the name', async () => {
    const mode = async (label: '常にオフライン' | '自動') => (await setOnlineMode(browser, host, label)).close();
    await mode('常にオフライン');
    try {
      const page = await browser.newPage({ viewport: PORTRAIT });
      await page.goto(`${host.url}/?kiosk=trap-name`);
      const k = new Kiosk(page);
      await k.press('English');
      await k.press('Start check-in');
      await k.tap(page.getByRole('button', { name: /^My Number Card health insurance マイナ保険証（カード）/ }));
      await title(page).filter({ hasText: 'Your name' }).waitFor();
      await k.press('ABC');
      for (const key of 'JOHN') await k.press(key);
      await k.press('Space');
      for (const key of 'SMITH') await k.press(key);
      await k.press('Next');
      await title(page).filter({ hasText: 'Date of birth' }).waitFor();
      await k.press('Western year');
      await k.keypad('19800115');
      await k.press('Next');
      for (let i = 0; i < 3; i++) await k.press("Don't know / skip");
      await k.press('Submit this declaration');
      await title(page).filter({ hasText: 'A receptionist will check' }).waitFor();
      const staff = await openSignedIn(browser, host, '/staff');
      await staff.getByRole('cell', { name: 'John Smith', exact: true }).first().waitFor();
      await staff.close();
      await page.close();
    } finally {
      await mode('自動');
    }
  });

  it('戻る three times from 記号 asks before anything is lost, and 続ける keeps the typed 記号', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    const k = await toSymbol(page, 'trap-back');
    await k.keypad(N.symbol!);
    const back = page.getByRole('button', { name: '戻る', exact: true });
    await k.tap(back);
    const dialog = page.getByRole('alertdialog', { name: '入力した内容を消して戻りますか？' });
    await dialog.waitFor();
    // Two more taps where 戻る was: the modal dialog takes them, nothing goes back or ends.
    for (let i = 0; i < 2; i++) await back.click({ force: true, trial: false }).catch(() => undefined);
    expect(await dialog.isVisible()).toBe(true);
    expect(await title(page).first().textContent()).toBe('記号');
    await k.tap(dialog.getByRole('button', { name: '続ける' }));
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('textbox', { name: '記号' }).inputValue()).toBe(N.symbol);
    // Going back on purpose: 消して戻る, then 戻る on the document list asks once more before cancelling.
    await k.tap(back);
    await k.tap(page.getByRole('alertdialog').getByRole('button', { name: '消して戻る' }));
    await title(page).filter({ hasText: '今日お持ちのものを選んでください' }).waitFor();
    await k.tap(back);
    await page.getByRole('alertdialog', { name: '受付をやめますか？' }).waitFor();
    expect(await title(page).first().textContent()).toBe('今日お持ちのものを選んでください');
    await page.close();
  });

  it('the idle prompt counts down over an opaque backdrop, and unanswered it ends the visit and clears', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    await page.clock.install();
    const k = await toSymbol(page, 'trap-idle');
    await k.keypad(N.symbol!);
    const input = page.getByRole('textbox', { name: '記号' });
    const box = (await input.boundingBox())!;
    // The clinic's idle time (90 s by default) without a touch.
    await page.clock.runFor(91_000);
    const prompt = page.getByRole('alertdialog', { name: 'まだ続けますか？' });
    await prompt.waitFor();
    const timer = prompt.getByRole('timer');
    expect(await timer.textContent()).toBe('あと30秒で、はじめの画面にもどります');
    await page.clock.runFor(5_000);
    expect(await timer.textContent()).toBe('あと25秒で、はじめの画面にもどります');
    // Nothing typed is readable behind it: where the 記号 was, the opaque backdrop is on top.
    const onTop = await page.evaluate(
      ({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        const backdrop = el?.closest('.dialog-backdrop');
        return {
          covered: backdrop !== null && backdrop !== undefined,
          background: backdrop ? getComputedStyle(backdrop).backgroundColor : '',
        };
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(onTop.covered).toBe(true);
    expect(onTop.background).toMatch(/^rgb\(/); // rgb(), not rgba(): fully opaque
    // 続ける: back to the question with what was typed.
    await k.tap(prompt.getByRole('button', { name: '続ける' }));
    await prompt.waitFor({ state: 'detached' });
    expect(await input.inputValue()).toBe(N.symbol);
    // Unanswered: the idle time, the 30 s countdown, then the start screen with nothing of the visit left.
    await page.clock.runFor(91_000);
    await prompt.waitFor();
    await page.clock.runFor(31_000);
    await title(page)
      .filter({ hasText: /^受付$/ })
      .waitFor();
    expect(await page.locator('body').textContent()).not.toContain(N.symbol);
    await page.close();
  });
});

/// <reference lib="dom" />
/**
 * Two more of issue 10's traps in a real Chromium against the real core:
 * - 戻る pressed again and again from 記号 never ends the check-in without asking (the trap: three 戻る
 *   cancelled everything), and staying keeps what was typed;
 * - the idle prompt 「まだ続けますか？」 counts down on screen and hides what was typed behind an opaque
 *   backdrop; unanswered, it ends the visit and clears the screen. The page's timers run on Playwright's
 *   clock (page.clock), so the 90 seconds of the clinic's idle setting pass without waiting for them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTRAIT, launchChromium, startHostProcess, type HostProcess } from './harness';
import { Kiosk, personas, showaDigits } from './kiosk';

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

/** A 資格確認書 check-in up to its first number question (記号), with the 記号 typed. */
async function symbolTyped(page: Page, kiosk: string): Promise<Kiosk> {
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
  await k.keypad(N.symbol!);
  return k;
}

describe('issue 10 traps in the browser: leaving midway and the idle prompt', () => {
  it('戻る three times from 記号 asks before anything is lost, and 続ける keeps the typed 記号', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    const k = await symbolTyped(page, 'trap-back');
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
    const k = await symbolTyped(page, 'trap-idle');
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

/// <reference lib="dom" />
/**
 * Issue 10's traps in a real Chromium against the real core: a double tap on 次へ, a reload in the middle
 * of typing, and a foreign resident's name typed in Latin letters through to the receptionist's console.
 * (Leaving midway and the idle prompt's countdown and opaque backdrop: patient-traps-leave-idle.test.ts,
 * on Playwright's page clock.)
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
      await k.tap(page.getByRole('button', { name: /^My Number Card health insurance \(card\)/ }));
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
});

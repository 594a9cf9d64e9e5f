/**
 * Issue 10's traps, each as a test that drives the kiosk as a patient would: double taps, leaving midway,
 * reloads, what shows behind the idle prompt, dates that make no sense, a name in Latin letters, the
 * "not sure" helper, and the seeing/hearing switches.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setStepSettleMs, STEP_SETTLE_MS } from '../../../../renderer/src/features/patient/store/stepGuard';
import { DRAFT_PAUSE_MS } from '../../../../renderer/src/features/patient/hooks/useDraft';
import { clearSession } from '../../../../renderer/src/features/patient/store/session';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
const keypad = (digits: string) => {
  for (const d of digits) click(d);
};
const numbersSession = (patch = {}) =>
  makeSession({
    state: 'enter-numbers',
    document: 'eligibility-certificate',
    decision: { action: 'verify-numbers', staff: false, alsoNeeded: [], reasons: [] },
    ...patch,
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('taps are debounced per step', () => {
  it('a double tap on 次へ moves one step: the second tap lands on the new step and does nothing', async () => {
    vi.useFakeTimers();
    setStepSettleMs(STEP_SETTLE_MS);
    renderApp(new FakeApi(), { session: numbersSession() });
    await settle();
    act(() => vi.advanceTimersByTime(STEP_SETTLE_MS));
    expect(heading()).toBe('記号');
    keypad('12');
    act(() => vi.advanceTimersByTime(STEP_SETTLE_MS));
    click('次へ');
    expect(heading()).toBe('番号');
    act(() => vi.advanceTimersByTime(120)); // the second tap of a double tap
    click('次へ');
    expect(heading()).toBe('番号');
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
    // Once the step has settled, a deliberate tap counts again.
    act(() => vi.advanceTimersByTime(STEP_SETTLE_MS));
    click('次へ');
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect(document.querySelector('.kiosk')?.getAttribute('data-settled')).toBe('true');
  });
});

describe('leaving a check-in midway asks first', () => {
  it('戻る from the first entry step with typed numbers asks before throwing them away', async () => {
    const api = new FakeApi();
    renderApp(api, { session: numbersSession() });
    await settle();
    keypad('12');
    click('戻る');
    expect(screen.getByRole('alertdialog', { name: '入力した内容を消して戻りますか？' })).toBeTruthy();
    click('続ける');
    expect(heading()).toBe('記号');
    expect((screen.getByRole('textbox', { name: '記号' }) as HTMLInputElement).value).toBe('12');
    click('戻る');
    click('消して戻る');
    await settle();
    expect(api.sentEvents()).toEqual(['back']);
    expect(heading()).toBe('今日お持ちのものを選んでください');
  });

  it('with nothing typed, 戻る goes straight back to the document choice', async () => {
    const api = new FakeApi();
    renderApp(api, { session: numbersSession() });
    await settle();
    click('戻る');
    await settle();
    expect(api.sentEvents()).toEqual(['back']);
  });
});

describe('typed input survives a reload (kept on the core session, not the page)', () => {
  it('saves a draft when the question changes and after a pause, and a new page comes back to it', async () => {
    const api = new FakeApi();
    renderApp(api, { session: numbersSession() });
    await settle();
    keypad('12');
    click('次へ');
    await settle();
    keypad('345');
    await act(() => new Promise((r) => setTimeout(r, DRAFT_PAUSE_MS + 50)));
    await settle();
    expect(api.sentEvents({ drafts: true })).toContain('save-draft');
    expect(api.sessions.get('s-1')?.draft).toMatchObject({ step: 'number', symbol: '12', number: '345' });
    expect(localStorage.length).toBe(0);

    // "Reload": a fresh page that knows only the session id.
    const saved = api.sessions.get('s-1')!;
    cleanup();
    clearSession();
    renderApp(api, { session: saved });
    await settle();
    expect(heading()).toBe('番号');
    expect((screen.getByRole('textbox', { name: '番号' }) as HTMLInputElement).value).toBe('345');
    click('戻る');
    expect((screen.getByRole('textbox', { name: '記号' }) as HTMLInputElement).value).toBe('12');
  });

  it('restores the document and the dates half-typed on the choice screen', async () => {
    const api = new FakeApi();
    const draft = {
      step: 'birthDate',
      document: 'eligibility-certificate' as const,
      printedValidUntil: { era: 'reiwa' as const, year: '9', month: '7', day: '31' },
      birthDate: { era: 'showa' as const, year: '45', month: '', day: '' },
    };
    renderApp(api, { session: makeSession({ draft }) });
    await settle();
    expect(heading()).toBe('生年月日を入力してください');
    keypad('615');
    click('次へ');
    await settle();
    expect(api.sentInputs().at(-1)?.event).toEqual({
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
      birthDate: '1970-06-15',
    });
  });
});

describe('nothing personal readable behind the idle prompt; a visible countdown', () => {
  it('covers the screen with an opaque backdrop and counts down the seconds', async () => {
    vi.useFakeTimers();
    renderApp(new FakeApi(), { session: numbersSession() });
    await settle();
    keypad('98765');
    act(() => vi.advanceTimersByTime(90_000));
    const dialog = screen.getByRole('alertdialog', { name: 'まだ続けますか？' });
    expect(dialog.parentElement?.className).toContain('dialog-backdrop-opaque');
    expect(screen.getByRole('timer').textContent).toBe('あと30秒で、はじめの画面にもどります');
    act(() => vi.advanceTimersByTime(5_000));
    expect(screen.getByRole('timer').textContent).toBe('あと25秒で、はじめの画面にもどります');
  });
});

describe('dates that make no sense are refused with a clear message', () => {
  it('a birth date in the future, one 120+ years ago, and a 令和99 expiry never go to the core', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    click(/^資格確認書 /);
    // 令和14 is more than 5 years ahead of 令和8 (2026).
    keypad('14731');
    expect(screen.getByRole('alert').textContent).toBe('有効期限は長くても5年先までです。年をもう一度ご確認ください');
    click('次へ');
    expect(heading()).toBe('資格確認書の「有効期限」を入力してください');
    // 令和99 typed on a hardware keyboard: refused the same way.
    fireEvent.change(screen.getByRole('textbox', { name: '年' }), { target: { value: '99' } });
    expect(screen.getByRole('alert').textContent).toBe('有効期限は長くても5年先までです。年をもう一度ご確認ください');
    click('次へ');
    expect(heading()).toBe('資格確認書の「有効期限」を入力してください');
    click('令和');
    keypad('9731');
    click('次へ');
    expect(heading()).toBe('生年月日を入力してください');
    click('西暦');
    keypad('20300101');
    expect(screen.getByRole('alert').textContent).toBe('この日付はまだ来ていません。生年月日をもう一度ご確認ください');
    click('次へ');
    click('西暦');
    keypad('18990101');
    expect(screen.getByRole('alert').textContent).toMatch(/120年以上前/);
    click('次へ');
    expect(heading()).toBe('生年月日を入力してください');
    expect(api.sentEvents()).toEqual([]);
  });
});

describe('names for everyone', () => {
  it('"John Smith" finishes the self-declaration alone on the ABC keys', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'self-declaration', birthDate: '1980-01-15' }) });
    await settle();
    click('English');
    click('ABC');
    for (const k of 'JOHN') click(k);
    click('Space');
    for (const k of 'SMITH') click(k);
    expect((screen.getByRole('textbox', { name: 'Your name (as you write it)' }) as HTMLInputElement).value).toBe(
      'John Smith',
    );
    click('Next');
    expect(heading()).toMatch(/insurer/i);
    click("Don't know / skip");
    click("Don't know / skip");
    click("Don't know / skip");
    click('Submit this declaration');
    await settle();
    expect(api.sentInputs().at(-1)?.event).toEqual({
      type: 'submit-declaration',
      declaration: { name: 'John Smith', birthDate: '1980-01-15' },
    });
  });
});

describe('「わからない」 helper on the document choice', () => {
  it('two or three questions with pictures lead to the right document', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    click(/わからない/);
    expect(heading()).toBe('写真つきのマイナンバーカードを今日お持ちですか？');
    click('いいえ');
    expect(heading()).toBe('保険者から届いたカードや紙をお持ちですか？');
    click('はい');
    expect(heading()).toBe('その書類のいちばん上に、何と書いてありますか？');
    click('「資格確認書」');
    expect(heading()).toBe('こちらで受付します');
    expect(screen.getByText('資格確認書')).toBeTruthy();
    click('これで進む');
    expect(heading()).toBe('資格確認書の「有効期限」を入力してください');
    expect(api.sentEvents()).toEqual([]);
  });

  it('with the card, it leads to マイナ保険証', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    click(/わからない/);
    click('はい');
    click('これで進む');
    await settle();
    expect(api.sentInputs().at(-1)?.event).toEqual({ type: 'choose-document', document: 'myna-card' });
  });
});

describe('seeing and hearing, from every screen, for the visit only', () => {
  it('high contrast switches the theme and ends with the visit', async () => {
    renderApp(new FakeApi(), { session: makeSession({ state: 'completed', ticketNumber: 4 }) });
    await settle();
    click('白黒をはっきり');
    expect(document.documentElement.dataset.contrast).toBe('high');
    click('終わる');
    await settle();
    expect(document.documentElement.dataset.contrast).toBe('standard');
  });

  it('speaks each step in the chosen language when voice is on; mute and repeat work', async () => {
    const spoken: { text: string; lang: string }[] = [];
    const cancel = vi.fn();
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        lang = '';
        rate = 1;
        constructor(public text: string) {}
      },
    );
    vi.stubGlobal('speechSynthesis', {
      speak: (u: { text: string; lang: string }) => spoken.push({ text: u.text, lang: u.lang }),
      cancel,
    });
    try {
      renderApp(new FakeApi(), { session: makeSession() });
      await settle();
      expect(spoken).toEqual([]); // off by default (the clinic's setting)
      click('音声案内');
      expect(spoken.at(-1)?.text).toContain('今日お持ちのものを選んでください');
      expect(spoken.at(-1)?.lang).toBe('ja-JP');
      click('English');
      expect(spoken.at(-1)).toMatchObject({ lang: 'en-US' });
      expect(spoken.at(-1)?.text).toContain('What did you bring today?');
      const count = spoken.length;
      click('Say it again');
      expect(spoken.length).toBe(count + 1);
      click('Voice guide');
      expect(screen.getByRole('button', { name: 'Voice guide' }).getAttribute('aria-pressed')).toBe('false');
      expect(cancel).toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

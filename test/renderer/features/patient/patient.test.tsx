import { act, fireEvent, renderHook, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGES } from '../../../../shared/insurance/messages';
import { checkDigitOf } from '../../../../shared/insurance/insurer-number';
import { REASON_MESSAGES } from '../../../../shared/eligibility/messages';
import type { SessionState } from '../../../../shared/flow/session';
import { useSession } from '../../../../renderer/src/features/patient/store/session';
import { useLanguage } from '../../../../renderer/src/stores/ui';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const DOCUMENT_NAMES = [
  'マイナ保険証（カード）',
  'スマホのマイナ保険証',
  '資格確認書',
  '健康保険証（従来の保険証）',
  '資格情報のお知らせ＋マイナンバーカード',
  'マイナポータルの画面＋マイナンバーカード',
  'マイナポータルのPDF＋マイナンバーカード',
  '資格情報のお知らせだけ',
  '何も持っていない',
];

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
/** A document button: its accessible name is the document's name, then its one-line hint. */
const doc = (name: string) => new RegExp(`^${name.replace(/[+()（）＋]/g, '.')} `);
const heading = (name: string | RegExp) => screen.getByRole('heading', { level: 1, name });
const keypad = (digits: string) => {
  for (const d of digits) click(d);
};

function sessionNow() {
  const { result, unmount } = renderHook(() => useSession());
  const s = result.current;
  unmount();
  return s;
}

describe('start', () => {
  it('shows 受付, the clinic name and starts a session for this kiosk', async () => {
    const api = new FakeApi();
    renderApp(api);
    await settle();
    expect(heading('受付')).toBeTruthy();
    expect(screen.getAllByText('さくら内科クリニック').length).toBeGreaterThan(0);
    click('受付をはじめる');
    await settle();
    expect(api.inputs('session.start')).toEqual([{ kioskId: 'kiosk-1' }]);
    expect(heading('今日お持ちのものを選んでください')).toBeTruthy();
  });

  it('call staff from the start screen starts a session and asks for staff', async () => {
    const api = new FakeApi();
    renderApp(api);
    await settle();
    click('受付の人を呼ぶ');
    await settle();
    expect(api.sentEvents()).toEqual(['call-staff']);
    expect(heading('受付の者が確認します')).toBeTruthy();
  });
});

describe('document choice', () => {
  it('offers every document as a button named by its Japanese name, マイナ保険証 first', async () => {
    renderApp(new FakeApi(), { session: makeSession() });
    await settle();
    for (const name of DOCUMENT_NAMES) expect(screen.getByRole('button', { name: doc(name) })).toBeTruthy();
    const grid = screen.getAllByRole('button').filter((b) => b.classList.contains('doc-btn'));
    expect(
      grid.map((b) => b.getAttribute('aria-labelledby') && b.textContent?.includes('マイナ保険証（カード）'))[0],
    ).toBe(true);
    expect(grid[0]!.className).toContain('doc-btn-primary');
    // Everything visible on the button is in its name: the document, then its one-line hint (WCAG 2.5.3).
    expect(screen.getByRole('button', { name: 'マイナ保険証（カード） カードを読み取り機にのせます' })).toBeTruthy();
  });

  it('keeps the Japanese names in the accessible names in English too', async () => {
    renderApp(new FakeApi(), { session: makeSession() });
    await settle();
    click('English');
    for (const name of DOCUMENT_NAMES) {
      const button = screen.getByRole('button', { name: new RegExp(name.replace(/[+()（）＋]/g, '.')) });
      expect(button.textContent).toContain(name);
    }
    expect(screen.getByRole('heading', { level: 1, name: 'What did you bring today?' })).toBeTruthy();
  });

  it('マイナ保険証 goes to the card reader; a valid read completes with 受付番号', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    click(doc('マイナ保険証（カード）'));
    await settle();
    expect(api.sentInputs()[0]).toMatchObject({
      sessionId: 's-1',
      expectedVersion: 0,
      event: { type: 'choose-document', document: 'myna-card' },
    });
    expect(heading('カードを読み取り機にのせてください')).toBeTruthy();
    expect(screen.getByText('顔認証付きカードリーダーの画面の案内にしたがってください')).toBeTruthy();
    act(() => void api.presentCard({ ok: true, validity: 'valid', identity: { nameKana: 'ヤマダ タロウ' } }));
    await settle();
    expect(heading('受付が終わりました')).toBeTruthy();
    const ticket = screen.getByRole('region', { name: '受付番号' });
    expect(within(ticket).getByText('1')).toBeTruthy();
    // Issue 10: nobody behind the patient reads their name; the 受付番号 is the big thing.
    expect(screen.queryByText('ヤマダ タロウ')).toBeNull();
  });

  it('資格確認書 asks the printed 有効期限, then the birth date (和暦 on the keypad), and sends both', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    click(doc('資格確認書'));
    expect(heading('資格確認書の「有効期限」を入力してください')).toBeTruthy();
    expect(screen.getByRole('button', { name: '令和' }).getAttribute('aria-pressed')).toBe('true');
    click('次へ');
    expect(screen.getByText('年・月・日をすべて入力してください')).toBeTruthy();
    // "9 7 3 1" as read off the card: 令和9年7月31日, not 令和97年3月1日 (issue 10).
    keypad('9731');
    expect(screen.getByRole('status').textContent).toBe('令和9年7月31日（2027年）');
    click('次へ');
    expect(heading('生年月日を入力してください')).toBeTruthy();
    expect(screen.getByRole('button', { name: '昭和' }).getAttribute('aria-pressed')).toBe('true');
    keypad('2153');
    expect(screen.getByRole('status').textContent).toBe('昭和21年5月3日（1946年）');
    click('次へ');
    await settle();
    expect(api.sentInputs().at(-1)?.event).toEqual({
      type: 'choose-document',
      document: 'eligibility-certificate',
      printedValidUntil: '2027-07-31',
      birthDate: '1946-05-03',
    });
    // The numbers follow in the order they are printed: 記号 first.
    expect(heading('記号')).toBeTruthy();
  });

  it('Back inside the date questions stays local; Back on the list cancels and clears the kiosk', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    click(doc('資格確認書'));
    expect(heading('資格確認書の「有効期限」を入力してください')).toBeTruthy();
    click('戻る');
    expect(heading('今日お持ちのものを選んでください')).toBeTruthy();
    expect(api.sentEvents()).toEqual([]);
    // Leaving the check-in asks first (issue 10: three 戻る cancelled without asking).
    click('戻る');
    expect(screen.getByRole('alertdialog', { name: '受付をやめますか？' })).toBeTruthy();
    click('続ける');
    expect(api.sentEvents()).toEqual([]);
    expect(heading('今日お持ちのものを選んでください')).toBeTruthy();
    click('戻る');
    click('受付をやめる');
    await settle();
    expect(api.sentEvents()).toEqual(['cancel']);
    expect(heading('受付')).toBeTruthy();
    expect(sessionNow()).toBeNull();
  });

  it('does not ask the old 保険証 printed date when no date could change the answer today (after 2026-07-31)', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession() });
    await settle();
    click(doc('健康保険証（従来の保険証）'));
    await settle();
    expect(screen.queryByRole('heading', { name: /有効期限/ })).toBeNull();
    expect(api.sentEvents()).toEqual(['choose-document']);
  });

  it('shows the calm offline banner and still lets the patient choose', async () => {
    const api = new FakeApi({
      status: { online: { state: 'down', mode: 'auto', online: false, since: '2026-11-25T09:00:00+09:00' } },
    });
    renderApp(api, { session: makeSession() });
    await settle();
    expect(screen.getByText('ただいまオンラインで確認できません。受付の者がお手伝いします')).toBeTruthy();
    click(doc('マイナ保険証（カード）'));
    await settle();
    expect(api.sentEvents()).toEqual(['choose-document']);
    // Offline, the card cannot be verified: the engine asks for a declaration instead.
    expect(heading('お名前')).toBeTruthy();
  });
});

describe('each session state has its screen', () => {
  // [state, heading, Back shown, Call staff shown, snapshot patch]
  const cases: [SessionState, string, boolean, boolean, Partial<Parameters<typeof makeSession>[0]>?][] = [
    ['choose-document', '今日お持ちのものを選んでください', true, true],
    ['read-card', 'カードを読み取り機にのせてください', true, true, { document: 'myna-card' }],
    ['card-failed', 'カードを確認できませんでした', true, true, { notice: 'card-timeout' }],
    ['enter-numbers', '記号', true, true],
    ['verifying', '確認しています', false, true],
    ['self-declaration', 'お名前', true, true],
    ['confirm-self-pay', '今日はいったん全額（10割）のお支払いになります', true, true],
    ['staff-confirm', '受付の者が確認します', false, false],
    [
      'refused',
      'このままでは受付できません',
      true,
      true,
      { decision: { action: 'refuse', staff: false, alsoNeeded: [], reasons: ['notice-alone-not-accepted'] } },
    ],
    ['completed', '受付が終わりました', false, false, { ticketNumber: 42 }],
  ];
  it.each(cases)('%s', async (state, title, back, callStaff, patch) => {
    renderApp(new FakeApi(), { session: makeSession({ state, ...patch }) });
    await settle();
    expect(heading(title)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '戻る' }) !== null).toBe(back);
    expect(screen.queryByRole('button', { name: '受付の人を呼ぶ' }) !== null).toBe(callStaff);
  });

  it.each(['cancelled', 'expired'] as const)('%s clears the kiosk back to the start', async (state) => {
    renderApp(new FakeApi(), { session: makeSession({ state }) });
    await settle();
    expect(heading('受付')).toBeTruthy();
    expect(sessionNow()).toBeNull();
  });
});

describe('card reader', () => {
  it('explains a failed read kindly and offers retry and another document', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'card-failed', notice: 'card-pin-locked', version: 3 }) });
    await settle();
    expect(screen.getByText(/暗証番号を3回まちがえたため、ロックされています/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ほかのもので受付する' })).toBeTruthy();
    click('もう一度読み取る');
    await settle();
    expect(api.sentInputs()[0]).toMatchObject({ expectedVersion: 3, event: { type: 'retry-card' } });
    expect(heading('カードを読み取り機にのせてください')).toBeTruthy();
  });

  it('shows the DEMO panel only when the status allows it, and presents a persona', async () => {
    const api = new FakeApi({ status: { demoPanel: true } });
    renderApp(api, { session: makeSession({ state: 'read-card', document: 'myna-card' }) });
    await settle();
    const demo = screen.getByRole('region', { name: 'デモ用: 仮想カードをかざす' });
    expect(within(demo).getByText('DEMO')).toBeTruthy();
    fireEvent.click(within(demo).getByRole('button', { name: '山田 太郎（有効）' }));
    await settle();
    expect(api.inputs('demo.presentCard')).toEqual([{ persona: 'yamada' }]);
    expect(heading('受付が終わりました')).toBeTruthy();
  });

  it('has no demo panel when the status says so', async () => {
    renderApp(new FakeApi(), { session: makeSession({ state: 'read-card', document: 'myna-card' }) });
    await settle();
    expect(screen.queryByText('デモ用: 仮想カードをかざす')).toBeNull();
  });
});

describe('printed numbers', () => {
  const body = '0113001';
  const insurer = body + String(checkDigitOf(body));

  it('checks each field in printed order, applies the insurer\u2019s rules once it is known, reviews and submits', async () => {
    const api = new FakeApi();
    const session = makeSession({
      state: 'enter-numbers',
      document: 'eligibility-certificate',
      decision: { action: 'verify-numbers', staff: false, alsoNeeded: [], reasons: ['eligibility-certificate-valid'] },
    });
    renderApp(api, { session });
    await settle();
    expect(heading('記号')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: '記号' }), { target: { value: 'ABC!' } });
    expect((screen.getByRole('textbox', { name: '記号' }) as HTMLInputElement).value).toBe('ABC');
    click('次へ');
    expect(heading('番号')).toBeTruthy();
    // 番号 takes digits and hyphens only (issue 10: "abc" went through).
    fireEvent.change(screen.getByRole('textbox', { name: '番号' }), { target: { value: 'abc' } });
    expect((screen.getByRole('textbox', { name: '番号' }) as HTMLInputElement).value).toBe('');
    keypad('25');
    click('ハイフン（－）');
    keypad('1');
    expect((screen.getByRole('textbox', { name: '番号' }) as HTMLInputElement).value).toBe('25-1');
    click('ぜんぶけす');
    keypad('25');
    click('次へ');
    expect(heading('枝番')).toBeTruthy();
    click('わからない・とばす');
    expect(heading('保険者番号')).toBeTruthy();
    const field = screen.getByRole('textbox', { name: '保険者番号' });
    keypad('1234');
    click('次へ');
    expect(screen.getByRole('alert').textContent).toBe(VALIDATION_MESSAGES.ja['insurerNumber.wrong-length']);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    click('ぜんぶけす');
    // The 8th digit completes a valid number and moves on: 協会けんぽ wants a 7–8 digit 記号, so back to it.
    keypad(insurer);
    expect(heading('記号')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(VALIDATION_MESSAGES.ja['symbol.digits-expected']);
    click('ぜんぶけす');
    keypad('1234567');
    click('次へ');
    // The session has no birth date yet (none was asked with the document): asked here, once.
    expect(heading('生年月日')).toBeTruthy();
    keypad('2153');
    click('次へ');
    expect(heading('入力した内容をご確認ください')).toBeTruthy();
    expect(screen.getByText(insurer)).toBeTruthy();
    click('この内容で確認する');
    await settle();
    expect(api.sentInputs()[0]?.event).toEqual({
      type: 'submit-numbers',
      numbers: { insurerNumber: insurer, symbol: '1234567', number: '25', birthDate: '1946-05-03' },
    });
    expect(heading('確認しています')).toBeTruthy();
    act(() => void api.apply('s-1', { type: 'verification-result', outcome: { ok: true, validity: 'valid' } }));
    await settle();
    expect(heading('受付が終わりました')).toBeTruthy();
    expect(document.body.textContent).not.toContain(insurer);
    expect(document.body.textContent).not.toContain('1234567');
  });

  it('uses the birth date given with the document: it is not asked twice', async () => {
    const api = new FakeApi();
    renderApp(api, {
      session: makeSession({
        state: 'enter-numbers',
        document: 'eligibility-certificate',
        birthDate: '1950-04-01',
        decision: { action: 'verify-numbers', staff: false, alsoNeeded: [], reasons: [] },
      }),
    });
    await settle();
    click('わからない・とばす');
    keypad('77');
    click('次へ');
    click('わからない・とばす');
    keypad(insurer);
    expect(heading('入力した内容をご確認ください')).toBeTruthy();
    expect(screen.getByText('昭和25年4月1日（1950年）')).toBeTruthy();
    click('この内容で確認する');
    await settle();
    expect(api.sentInputs()[0]?.event).toEqual({
      type: 'submit-numbers',
      numbers: { insurerNumber: insurer, number: '77', birthDate: '1950-04-01' },
    });
  });
});

describe('insurer buttons (the insurers this clinic verifies most often)', () => {
  const kouki = '39139993';
  const kyokai = '01130012';
  /** A session that reaches the numbers once the shortcuts are known, as after 受付をはじめる. */
  async function atNumbers(api: FakeApi) {
    renderApp(api, { session: makeSession({ state: 'choose-document' }) });
    await settle();
    expect(api.inputs('session.insurerShortcuts')).toEqual([{ sessionId: 's-1' }]);
    act(
      () =>
        void api.apply('s-1', {
          type: 'choose-document',
          document: 'eligibility-certificate',
          printedValidUntil: '2027-07-31',
          birthDate: '1950-04-01',
        }),
    );
    await settle();
  }

  it('asks the insurer first with one button each; 協会けんぽ\u2019s 8-digit 記号 moves on by itself', async () => {
    const api = new FakeApi();
    api.insurerShortcuts = [
      { insurerNumber: kyokai, name: '全国健康保険協会東京支部' },
      { insurerNumber: kouki, name: '東京都後期高齢者医療広域連合' },
    ];
    await atNumbers(api);
    expect(heading('保険者番号')).toBeTruthy();
    const group = screen.getByRole('group', { name: '書かれている保険者を選べます' });
    fireEvent.click(within(group).getByRole('button', { name: /全国健康保険協会東京支部/ }));
    expect(heading('記号')).toBeTruthy();
    keypad('12345678'); // 8 digits: complete for 法別 01
    expect(heading('番号')).toBeTruthy();
    keypad('1234');
    click('次へ');
    keypad('00');
    expect(heading('入力した内容をご確認ください')).toBeTruthy();
    click('この内容で確認する');
    await settle();
    expect(api.sentInputs().at(-1)?.event).toEqual({
      type: 'submit-numbers',
      numbers: { insurerNumber: kyokai, symbol: '12345678', number: '1234', branch: '00', birthDate: '1950-04-01' },
    });
  });

  it('後期 (picked first) skips 記号 and 枝番, and its 8-digit 番号 with a valid check digit moves on', async () => {
    const api = new FakeApi();
    api.insurerShortcuts = [{ insurerNumber: kouki, name: '東京都後期高齢者医療広域連合' }];
    await atNumbers(api);
    fireEvent.click(screen.getByRole('button', { name: /東京都後期高齢者医療広域連合/ }));
    expect(heading('番号')).toBeTruthy();
    keypad('12345675'); // a wrong check digit: stays, and 次へ says why
    expect(heading('番号')).toBeTruthy();
    click('次へ');
    expect(screen.getByRole('alert').textContent).toBe(VALIDATION_MESSAGES.ja['number.check-digit']);
    click('ぜんぶけす');
    keypad('12345674');
    expect(heading('入力した内容をご確認ください')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^記号 / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^枝番 / })).toBeNull();
    click('この内容で確認する');
    await settle();
    expect(api.sentInputs().at(-1)?.event).toEqual({
      type: 'submit-numbers',
      numbers: { insurerNumber: kouki, number: '12345674', birthDate: '1950-04-01' },
    });
  });

  it('without shortcuts the numbers keep the printed order (記号 first)', async () => {
    const api = new FakeApi();
    await atNumbers(api);
    expect(heading('記号')).toBeTruthy();
    expect(screen.queryByRole('group', { name: '書かれている保険者を選べます' })).toBeNull();
  });
});

describe('self-declaration', () => {
  it('takes the name on the katakana keys (with ゛) and submits the declaration', async () => {
    const api = new FakeApi({
      status: { online: { state: 'down', mode: 'auto', online: false, since: '2026-11-25T09:00:00+09:00' } },
    });
    renderApp(api, { session: makeSession() });
    await settle();
    click(doc('マイナ保険証（カード）'));
    await settle();
    expect(screen.getByText('被保険者資格申立書')).toBeTruthy();
    click('次へ');
    expect(screen.getByRole('alert').textContent).toBe('お名前を入力してください（ふだん書く文字か、カタカナで）');
    for (const k of ['ヤ', 'マ', 'タ']) click(k);
    click('゛（にごり）');
    click('空白');
    for (const k of ['タ', 'ロ', 'ウ']) click(k);
    const name = screen.getByRole('textbox', { name: 'フリガナ（カタカナ）' }) as HTMLInputElement;
    expect(name.value).toBe('ヤマダ タロウ');
    click('次へ');
    keypad('2153');
    click('次へ');
    click('わからない・とばす'); // insurer name
    click('わからない・とばす'); // insurer number
    keypad('0312345678');
    click('次へ');
    expect(heading('申し立てる内容をご確認ください')).toBeTruthy();
    click('この内容で申し立てる');
    await settle();
    expect(api.sentInputs().at(-1)?.event).toEqual({
      type: 'submit-declaration',
      declaration: { nameKana: 'ヤマダ タロウ', birthDate: '1946-05-03', phone: '0312345678' },
    });
    expect(heading('受付の者が確認します')).toBeTruthy();
  });

  it('turns hardware-keyboard hiragana into katakana', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'self-declaration' }) });
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'フリガナ（カタカナ）' }), {
      target: { value: 'すずき　はなこ' },
    });
    click('次へ');
    expect(heading('生年月日')).toBeTruthy();
  });
});

describe('self-pay and refusal', () => {
  it('explains 10割 and 療養費, and わかりました accepts', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'confirm-self-pay' }) });
    await settle();
    expect(screen.getByText(/療養費/)).toBeTruthy();
    expect(screen.getByText(/領収書/)).toBeTruthy();
    click('わかりました');
    await settle();
    expect(api.sentEvents()).toEqual(['accept-self-pay']);
  });

  it('shows the eligibility guidance for the decision reasons and lets the patient choose again', async () => {
    const api = new FakeApi();
    renderApp(api, {
      session: makeSession({
        state: 'refused',
        document: 'notice-only',
        decision: {
          action: 'refuse',
          staff: false,
          alsoNeeded: [],
          reasons: ['notice-alone-not-accepted', 'some-future-code'],
        },
      }),
    });
    await settle();
    expect(screen.getByText(REASON_MESSAGES.ja['notice-alone-not-accepted'])).toBeTruthy();
    expect(screen.getByText('くわしくは受付の者がご案内します')).toBeTruthy();
    click('ほかのもので受付する');
    await settle();
    expect(api.sentEvents()).toEqual(['back']);
    expect(heading('今日お持ちのものを選んでください')).toBeTruthy();
  });
});

describe('completed', () => {
  it('lists what to hand to the desk and clears itself after 15 s, back in Japanese', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      renderApp(new FakeApi(), {
        session: makeSession({
          state: 'completed',
          ticketNumber: 7,
          decision: {
            action: 'verify-numbers',
            staff: false,
            alsoNeeded: ['elderly-recipient-certificate', 'limit-certificate'],
            reasons: [],
          },
        }),
      });
      await settle();
      click('English');
      expect(screen.getByRole('region', { name: 'Your number (受付番号)' }).textContent).toContain('7');
      expect(screen.getByRole('region', { name: 'Please hand these to the reception desk' }).textContent).toContain(
        '高齢受給者証',
      );
      expect(screen.getByRole('region', { name: 'If you have one' }).textContent).toContain('限度額適用認定証');
      act(() => vi.advanceTimersByTime(15_000));
      expect(heading('受付')).toBeTruthy();
      expect(sessionNow()).toBeNull();
      const { result } = renderHook(() => useLanguage());
      expect(result.current).toBe('ja');
      expect(document.body.textContent).not.toContain('受付番号');
    } finally {
      vi.useRealTimers();
    }
  });

  it('終わる ends at once', async () => {
    renderApp(new FakeApi(), { session: makeSession({ state: 'completed', ticketNumber: 3 }) });
    await settle();
    click('終わる');
    expect(heading('受付')).toBeTruthy();
    expect(sessionNow()).toBeNull();
  });
});

describe('text size', () => {
  it('toggles the large text size on the root element', async () => {
    renderApp(new FakeApi());
    await settle();
    const toggle = screen.getByRole('button', { name: /文字を大きく/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.dataset.textSize).toBe('large');
  });
});

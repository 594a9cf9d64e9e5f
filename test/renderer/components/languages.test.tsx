import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { REASON_MESSAGES } from '../../../shared/eligibility/messages';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../shared/i18n/locales';
import type { SessionState } from '../../../shared/flow/session';
import { translate, type PatientKey } from '../../../renderer/src/i18n';
import { FakeApi, makeSession, makeStatus } from '../fake-api';
import { renderApp, settle } from '../helpers';

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
const ALL = [...LOCALES];

describe('language switch on the kiosk', () => {
  it('offers the languages the admin chose, each in its own script, and follows a change live', async () => {
    const api = new FakeApi({ status: makeStatus({ languages: ALL }) });
    renderApp(api);
    await settle();
    const group = screen.getByRole('group', { name: '言語 / Language' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['日本語', 'やさしい にほんご', 'English', '中文', '한국어', 'Tiếng Việt']);
    expect(within(group).getByRole('button', { name: '한국어' }).getAttribute('lang')).toBe('ko');
    api.emit('settings.changed', makeStatus({ languages: ['ja', 'vi'] }));
    await settle();
    expect(
      within(screen.getByRole('group', { name: '言語 / Language' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['日本語', 'Tiếng Việt']);
  });

  it('is hidden when only Japanese is offered', async () => {
    renderApp(new FakeApi({ status: makeStatus({ languages: ['ja'] }) }));
    await settle();
    expect(screen.queryByRole('group', { name: '言語 / Language' })).toBeNull();
  });

  it('offers Japanese and English on the staff console whatever the kiosk offers', async () => {
    renderApp(new FakeApi({ role: 'staff', status: makeStatus({ languages: ALL }) }));
    await settle();
    const group = screen.getByRole('group', { name: '言語 / Language' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['日本語', 'English']);
  });
});

describe('every patient screen in every language', () => {
  type Patch = Parameters<typeof makeSession>[0];
  const cases: [SessionState, PatientKey, Patch?][] = [
    ['choose-document', 'choose.title'],
    ['read-card', 'readCard.title', { document: 'myna-card' }],
    ['card-failed', 'cardFailed.title', { notice: 'card-timeout' }],
    ['enter-numbers', 'numbers.symbol.label'],
    ['verifying', 'verifying.title'],
    ['self-declaration', 'declare.name.label'],
    ['confirm-self-pay', 'selfPay.title'],
    ['staff-confirm', 'staffConfirm.title'],
    [
      'refused',
      'refused.title',
      { decision: { action: 'refuse', staff: false, alsoNeeded: [], reasons: ['notice-alone-not-accepted'] } },
    ],
    ['completed', 'completed.title', { ticketNumber: 42 }],
  ];
  const grid: [Locale, SessionState, PatientKey, Patch?][] = LOCALES.filter((l) => l !== 'ja').flatMap((l) =>
    cases.map(([state, key, patch]): [Locale, SessionState, PatientKey, Patch?] => [l, state, key, patch]),
  );

  it.each(grid)('%s: %s', async (locale, state, titleKey, patch) => {
    renderApp(new FakeApi({ status: makeStatus({ languages: ALL }) }), { session: makeSession({ state, ...patch }) });
    await settle();
    click(LOCALE_NAMES[locale]);
    expect(heading()).toBe(translate(locale, titleKey));
    expect(screen.getByRole('button', { name: translate(locale, 'textSize.large') })).toBeTruthy();
    if (state === 'refused')
      expect(screen.getByText(REASON_MESSAGES[locale]['notice-alone-not-accepted'])).toBeTruthy();
    if (state === 'card-failed') expect(screen.getByText(translate(locale, 'notice.card-timeout'))).toBeTruthy();
  });
});

describe('switching keeps progress', () => {
  it('keeps the typed number, the step and the session while the language changes back and forth', async () => {
    const api = new FakeApi({ status: makeStatus({ languages: ALL }) });
    const session = makeSession({
      state: 'enter-numbers',
      document: 'eligibility-certificate',
      decision: { action: 'verify-numbers', staff: false, alsoNeeded: [], reasons: ['eligibility-certificate-valid'] },
    });
    renderApp(api, { session });
    await settle();
    for (const d of '1234') click(d);
    // The first field is the one printed first on the card (記号); its label follows the language.
    const steps: [Locale, string][] = [
      ['ko', '기호(記号)'],
      ['vi', 'Ký hiệu (記号)'],
      ['zh-Hans', '记号（記号）'],
      ['ja-easy', '記号（きごう）'],
    ];
    for (const [locale, label] of steps) {
      click(LOCALE_NAMES[locale]);
      expect((screen.getByRole('textbox', { name: label }) as HTMLInputElement).value).toBe('1234');
    }
    expect(api.sentEvents()).toEqual([]);
    expect(api.inputs('session.start')).toEqual([]);
  });
});

describe('admin chooses the languages', () => {
  it('ticks languages in any order, saves them in catalogue order, and keeps Japanese fixed', async () => {
    const api = new FakeApi({ role: 'admin' });
    renderApp(api);
    await settle();
    const form = screen.getByRole('region', { name: '設定' });
    const box = (name: string) => within(form).getByRole('checkbox', { name }) as HTMLInputElement;
    expect(box('日本語').checked).toBe(true);
    expect(box('日本語').disabled).toBe(true);
    expect(box('English').checked).toBe(true);
    fireEvent.click(box('Tiếng Việt'));
    fireEvent.click(box('中文'));
    fireEvent.click(box('English'));
    expect(within(form).getByText('担当者: 受付 花子')).toBeTruthy(); // the signed-in person
    fireEvent.change(within(form).getByRole('textbox', { name: '理由' }), {
      target: { value: '外国の患者さんが多いため' },
    });
    fireEvent.click(within(form).getByRole('button', { name: '設定を保存する' }));
    await settle();
    expect(api.inputs('admin.updateSettings')[0]!.patch).toEqual({ languages: ['ja', 'zh-Hans', 'vi'] });
    expect(box('English').checked).toBe(false);
  });
});

/**
 * The card-failed screen gives each kind of card failure its own guidance (in every language), with a way
 * forward that never dead-ends; the card screen says so when a read could not be matched to this kiosk.
 */
import { act, fireEvent, renderHook, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../../shared/i18n/locales';
import { en } from '../../../../renderer/src/i18n/en';
import { ja } from '../../../../renderer/src/i18n/ja';
import { jaEasy } from '../../../../renderer/src/i18n/ja-easy';
import { ko } from '../../../../renderer/src/i18n/ko';
import { vi } from '../../../../renderer/src/i18n/vi';
import { zhHans } from '../../../../renderer/src/i18n/zh-Hans';
import type { PatientCatalogue } from '../../../../renderer/src/i18n/keys';
import { resetUi, useUiActions } from '../../../../renderer/src/stores/ui';
import { FakeApi, makeSession } from '../../fake-api';
import { renderApp, settle } from '../../helpers';

const CATALOGUES: Record<Locale, PatientCatalogue> = {
  ja,
  'ja-easy': jaEasy,
  en,
  'zh-Hans': zhHans,
  ko,
  vi,
};

// [kind, reading the card again can help]
const KINDS = [
  ['pin-locked', true],
  ['certificate-expired', false],
  ['not-registered', true],
  ['system-error', true],
  ['invalid', false],
  ['invalid-newer', false],
  ['not-found', false],
  ['multiple', false],
  ['unknown', true],
] as const;

afterEach(() => resetUi());

function useLocale(locale: Locale) {
  const ui = renderHook(() => useUiActions()).result.current;
  act(() => ui.languageChosen(locale));
}

describe('card-failed guidance', () => {
  const cases = (Object.keys(CATALOGUES) as Locale[]).flatMap((l) => KINDS.map(([k, r]) => [l, k, r] as const));
  it.each(cases)('%s: card-%s has its own guidance, another document and a staff call', async (locale, kind, retry) => {
    const c = CATALOGUES[locale]!;
    useLocale(locale);
    renderApp(new FakeApi(), { session: makeSession({ state: 'card-failed', notice: `card-${kind}` }) });
    await settle();
    const guidance = screen.getByRole('region', { name: c['cardFailed.whatToDo'] });
    expect(within(guidance).getByText(c[`notice.card-${kind}`])).toBeTruthy();
    expect(screen.getByRole('button', { name: c['cardFailed.other'] })).toBeTruthy();
    expect(screen.getByRole('button', { name: c['common.callStaff'] })).toBeTruthy();
    expect(screen.queryByRole('button', { name: c['cardFailed.retry'] }) !== null).toBe(retry);
  });

  it('every kind has a text of its own in every language', () => {
    for (const c of Object.values(CATALOGUES)) {
      const texts = KINDS.map(([k]) => c[`notice.card-${k}`]);
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts).not.toContain(c['notice.generic']);
    }
  });

  it('PIN locked: 受付の人を呼ぶ asks for staff', async () => {
    const api = new FakeApi();
    renderApp(api, { session: makeSession({ state: 'card-failed', notice: 'card-pin-locked', version: 4 }) });
    await settle();
    expect(screen.getByText(/暗証番号を3回まちがえたため、ロックされています/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '受付の人を呼ぶ' }));
    await settle();
    expect(api.inputs('session.send')[0]).toMatchObject({ expectedVersion: 4, event: { type: 'call-staff' } });
  });
});

describe('a read no kiosk could be matched to', () => {
  it('the waiting kiosk says so and offers to ask staff', async () => {
    const api = new FakeApi();
    renderApp(api, {
      session: makeSession({ state: 'read-card', document: 'myna-card', notice: 'card-unmatched', version: 2 }),
    });
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(ja['readCard.unmatched']);
    fireEvent.click(screen.getByRole('button', { name: ja['readCard.askStaff'] }));
    await settle();
    expect(api.inputs('session.send')[0]).toMatchObject({ expectedVersion: 2, event: { type: 'call-staff' } });
  });

  it('without that notice the kiosk simply waits', async () => {
    renderApp(new FakeApi(), { session: makeSession({ state: 'read-card', document: 'myna-card' }) });
    await settle();
    expect(screen.queryByRole('button', { name: ja['readCard.askStaff'] })).toBeNull();
    expect(screen.getByText(ja['readCard.waiting'])).toBeTruthy();
  });
});

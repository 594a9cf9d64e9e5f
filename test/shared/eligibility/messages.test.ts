import { describe, expect, it } from 'vitest';
import { ALSO_NEEDED_MESSAGES, REASON_MESSAGES, REASON_STAFF_LABELS } from '../../../shared/eligibility/messages';
import { ALSO_NEEDED_CODES, ALSO_NEEDED_KIND, REASON_CODES } from '../../../shared/eligibility/reasons';
import { LOCALES, STAFF_LOCALES } from '../../../shared/i18n/locales';

describe('eligibility messages', () => {
  it('have guidance for every reason code in every locale, and nothing else', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(REASON_MESSAGES[locale]).sort()).toEqual([...REASON_CODES].sort());
      for (const code of REASON_CODES) expect(REASON_MESSAGES[locale][code].trim(), `${locale} ${code}`).not.toBe('');
    }
  });

  it('have a staff label for every reason code in Japanese and English, and nothing else', () => {
    for (const locale of STAFF_LOCALES) {
      expect(Object.keys(REASON_STAFF_LABELS[locale]).sort()).toEqual([...REASON_CODES].sort());
      for (const code of REASON_CODES)
        expect(REASON_STAFF_LABELS[locale][code].trim(), `${locale} ${code}`).not.toBe('');
    }
  });

  it('are written in each language, not copied from another one', () => {
    // A text left in Japanese or English where a translation belongs would pass the completeness checks.
    for (const code of REASON_CODES) {
      const texts = LOCALES.map((l) => REASON_MESSAGES[l][code]);
      expect(new Set(texts).size, code).toBe(LOCALES.length);
    }
    for (const l of ['zh-Hans', 'ko', 'vi'] as const) {
      for (const code of REASON_CODES) expect(REASON_MESSAGES[l][code], `${l} ${code}`).not.toMatch(/[ぁ-ゖ]{3}/);
    }
  });

  it('have a sentence and a kind for every alsoNeeded code in every locale', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(ALSO_NEEDED_MESSAGES[locale]).sort()).toEqual([...ALSO_NEEDED_CODES].sort());
      for (const code of ALSO_NEEDED_CODES) expect(ALSO_NEEDED_MESSAGES[locale][code].trim()).not.toBe('');
    }
    expect(Object.keys(ALSO_NEEDED_KIND).sort()).toEqual([...ALSO_NEEDED_CODES].sort());
  });

  it('stay short enough to read at a kiosk (Japanese guidance ≤ 120 characters, staff labels ≤ 40)', () => {
    for (const code of REASON_CODES) {
      expect(REASON_MESSAGES.ja[code].length, code).toBeLessThanOrEqual(120);
      expect(REASON_STAFF_LABELS.ja[code].length, code).toBeLessThanOrEqual(40);
    }
  });

  it('guide an expired old card to what works instead', () => {
    expect(REASON_MESSAGES.ja['old-card-ended']).toBe(
      'この保険証は 2026年8月1日から使えません。マイナ保険証、資格確認書、または資格情報のお知らせとマイナンバーカードをお出しください。受付の者がお手伝いします。',
    );
    expect(REASON_MESSAGES.ja['no-document-self-pay']).toContain('療養費');
    expect(REASON_MESSAGES.ja['smartphone-needs-online']).toContain('マイナンバーカード');
  });
});

import { describe, expect, it } from 'vitest';
import { ALSO_NEEDED_MESSAGES, REASON_MESSAGES, REASON_STAFF_LABELS } from '../../../shared/eligibility/messages';
import { ALSO_NEEDED_CODES, ALSO_NEEDED_KIND, REASON_CODES } from '../../../shared/eligibility/reasons';
import { LOCALES } from '../../../shared/i18n/locales';

describe('eligibility messages', () => {
  it('have guidance and a staff label for every reason code in every locale, and nothing else', () => {
    for (const locale of LOCALES) {
      for (const table of [REASON_MESSAGES, REASON_STAFF_LABELS]) {
        expect(Object.keys(table[locale]).sort()).toEqual([...REASON_CODES].sort());
        for (const code of REASON_CODES) expect(table[locale][code].trim(), `${locale} ${code}`).not.toBe('');
      }
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

import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/i18n/locales';
import { INSURANCE_FIELD_LABELS, VALIDATION_MESSAGES, validationMessage } from '../../../shared/insurance/messages';
import { INSURANCE_FIELDS, VALIDATION_MESSAGE_KEYS } from '../../../shared/insurance/validation';

describe('validation messages', () => {
  it('exist for every field and error code in every locale, and nothing else', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(VALIDATION_MESSAGES[locale]).sort()).toEqual([...VALIDATION_MESSAGE_KEYS].sort());
      for (const key of VALIDATION_MESSAGE_KEYS) expect(VALIDATION_MESSAGES[locale][key].trim()).not.toBe('');
      for (const field of INSURANCE_FIELDS) expect(INSURANCE_FIELD_LABELS[locale][field].trim()).not.toBe('');
    }
  });

  it('name the field they are about', () => {
    for (const key of VALIDATION_MESSAGE_KEYS) {
      const field = key.split('.')[0] as (typeof INSURANCE_FIELDS)[number];
      const ja = VALIDATION_MESSAGES.ja[key];
      // 番号 messages for 後期 say 被保険者番号; both contain 番号.
      expect(ja).toContain(field === 'insurerNumber' ? '保険者番号' : INSURANCE_FIELD_LABELS.ja[field]);
    }
  });

  it('selects the text for an error', () => {
    expect(validationMessage({ field: 'insurerNumber', code: 'check-digit' }, 'ja')).toBe(
      '保険者番号の最後の数字（検証番号）が合いません。もう一度お確かめください。',
    );
    expect(validationMessage({ field: 'branch', code: 'two-digits' }, 'en')).toContain('2 digits');
  });
});

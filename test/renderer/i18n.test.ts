import { describe, expect, it } from 'vitest';
import { REASON_CODES, ALSO_NEEDED_CODES } from '../../shared/eligibility/index';
import { LOCALES } from '../../shared/i18n/locales';
import { VALIDATION_MESSAGE_KEYS } from '../../shared/insurance/validation';
import { SESSION_STATES } from '../../shared/flow/session';
import { CODE_TABLES, format, translateCode, translateDynamic, UI_CATALOGUES } from '../../renderer/src/i18n';
import { DOCUMENT_CHOICES } from '../../renderer/src/components/documents';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  const jaKeys = Object.keys(UI_CATALOGUES.ja).sort();

  it.each(LOCALES)('%s has every UI key, each non-empty, with the same placeholders as ja', (locale) => {
    const table = UI_CATALOGUES[locale];
    expect(Object.keys(table).sort()).toEqual(jaKeys);
    for (const key of jaKeys) {
      const text = (table as Record<string, string>)[key]!;
      expect(text.trim(), `${locale}:${key}`).not.toBe('');
      // Dates and the co-payment are worded per language (月 names, 割 vs %): their variables differ on purpose.
      if (!key.startsWith('date.format.') && key !== 'staff.copay.value') {
        expect(placeholders(text), `${locale}:${key}`).toEqual(
          placeholders((UI_CATALOGUES.ja as Record<string, string>)[key]!),
        );
      }
    }
  });

  it.each(Object.keys(CODE_TABLES))('domain table %s is complete in every locale', (name) => {
    const table = CODE_TABLES[name as keyof typeof CODE_TABLES];
    const keys = Object.keys(table.ja).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(table[locale]).sort()).toEqual(keys);
      for (const k of keys) expect(table[locale][k]!.trim(), `${name}:${locale}:${k}`).not.toBe('');
    }
  });

  it('has guidance for every eligibility reason, extra document and field error', () => {
    for (const locale of LOCALES) {
      for (const code of REASON_CODES) expect(CODE_TABLES.reason[locale][code]).toBeTruthy();
      for (const code of ALSO_NEEDED_CODES) expect(CODE_TABLES.alsoNeeded[locale][code]).toBeTruthy();
      for (const key of VALIDATION_MESSAGE_KEYS) expect(CODE_TABLES.field[locale][key]).toBeTruthy();
    }
  });

  it('names every session state and every document', () => {
    for (const locale of LOCALES) {
      for (const state of SESSION_STATES)
        expect(translateDynamic(locale, `state.${state}`, 'common.none')).not.toBe('—');
      for (const c of DOCUMENT_CHOICES) expect(UI_CATALOGUES[locale][c.name]).toBeTruthy();
    }
  });

  it('falls back to a generic text for an unknown code, and fills placeholders', () => {
    expect(translateCode('ja', 'reason', 'no-such-code', 'reason.generic')).toBe('くわしくは受付の者がご案内します');
    expect(translateCode('en', 'reason', 'no-such-code', 'reason.generic')).toBe('Our staff will explain.');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

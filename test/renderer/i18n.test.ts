import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON_CODES, ALSO_NEEDED_CODES } from '../../shared/eligibility/index';
import {
  LOCALE_NAMES,
  LOCALE_TAGS,
  LOCALES,
  STAFF_LOCALES,
  isLocale,
  normalizeLanguages,
  staffLocaleOf,
} from '../../shared/i18n/locales';
import { VALIDATION_MESSAGE_KEYS } from '../../shared/insurance/validation';
import { SESSION_STATES } from '../../shared/flow/session';
import {
  CODE_TABLES,
  format,
  translate,
  translateCode,
  translateDynamic,
  UI_CATALOGUES,
  type CodeTable,
} from '../../renderer/src/i18n';
import { isStaffKey } from '../../renderer/src/i18n/keys';
import { DOCUMENT_CHOICES } from '../../renderer/src/components/documents';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const jaTable: Readonly<Record<string, string>> = UI_CATALOGUES.ja;
const allKeys = Object.keys(jaTable).sort();
const patientKeys = allKeys.filter((k) => !isStaffKey(k));
const PATIENT_ONLY = LOCALES.filter((l) => !(STAFF_LOCALES as readonly string[]).includes(l));

describe('catalogues', () => {
  it('ship the six languages, each named in its own script', () => {
    expect(LOCALES).toEqual(['ja', 'ja-easy', 'en', 'zh-Hans', 'ko', 'vi']);
    expect(Object.values(LOCALE_NAMES)).toEqual([
      '日本語',
      'やさしい にほんご',
      'English',
      '中文',
      '한국어',
      'Tiếng Việt',
    ]);
    expect(LOCALE_TAGS['ja-easy']).toBe('ja');
    expect(patientKeys.length).toBeGreaterThan(100);
  });

  it.each(STAFF_LOCALES)('%s has every UI key, each non-empty, with the same placeholders as ja', (locale) => {
    const table: Readonly<Record<string, string>> = UI_CATALOGUES[locale];
    expect(Object.keys(table).sort()).toEqual(allKeys);
    for (const key of allKeys) {
      const text = table[key]!;
      expect(text.trim(), `${locale}:${key}`).not.toBe('');
      // Dates and the co-payment are worded per language (月 names, 割 vs %): their variables differ on purpose.
      if (!key.startsWith('date.format.') && key !== 'staff.copay.value') {
        expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(jaTable[key]!));
      }
    }
  });

  it.each(PATIENT_ONLY)('%s has every patient key and no staff key, each non-empty, same placeholders', (locale) => {
    const table: Readonly<Record<string, string>> = UI_CATALOGUES[locale];
    expect(Object.keys(table).sort()).toEqual(patientKeys);
    for (const key of patientKeys) {
      expect(table[key]!.trim(), `${locale}:${key}`).not.toBe('');
      if (!key.startsWith('date.format.')) {
        expect(placeholders(table[key]!), `${locale}:${key}`).toEqual(placeholders(jaTable[key]!));
      }
    }
    // The date formats carry the same facts in every language.
    expect(placeholders(table['date.format.western']!)).toEqual(['day', 'month', 'year']);
    expect(placeholders(table['date.format.era']!)).toEqual(['day', 'era', 'eraYear', 'month', 'year']);
  });

  it('translates rather than copies: a patient text equals the ja or en one only where that is the right text', () => {
    const en: Readonly<Record<string, string>> = UI_CATALOGUES.en;
    const same = (l: (typeof PATIENT_ONLY)[number]) =>
      patientKeys.filter((k) => {
        const text = (UI_CATALOGUES[l] as Readonly<Record<string, string>>)[k]!;
        return /\p{L}/u.test(text.replace(/\{\w+\}/g, '')) && (text === jaTable[k] || text === en[k]);
      });
    // Already plain Japanese in the standard catalogue: kept as they are in やさしい日本語.
    expect(same('ja-easy')).toEqual([
      'alsoNeeded.my-number-card',
      'common.cancel',
      'common.skip',
      'date.day',
      'date.era.heisei',
      'date.era.reiwa',
      'date.era.showa',
      'date.era.taisho',
      'date.era.western',
      'date.format.era',
      'date.format.western',
      'date.month',
      'date.year',
      'declare.insurerNumber.label',
      'declare.keyboard.kana',
      'demo.badge',
      'helper.button',
      'helper.no',
      'helper.which.certificate',
      'helper.which.insuranceCard',
      'helper.which.notice',
      'helper.yes',
      'kana.longVowel',
      'keypad.hyphen',
      'latin.apostrophe',
      'numbers.review.edit',
      'selfPay.accept',
    ]);
    // Era names as printed on Japanese cards, the 年/月/日 units, the long-vowel key ー and the DEMO badge.
    expect(same('zh-Hans')).toEqual([
      'date.day',
      'date.era.heisei',
      'date.era.reiwa',
      'date.era.showa',
      'date.era.taisho',
      'date.format.western',
      'date.month',
      'date.year',
      'demo.badge',
      'kana.longVowel',
    ]);
    expect(same('ko')).toEqual(['demo.badge', 'kana.longVowel']);
    expect(same('vi')).toEqual([
      'date.era.heisei',
      'date.era.reiwa',
      'date.era.showa',
      'date.era.taisho',
      'declare.keyboard.kana',
      'declare.keyboard.latin',
      'demo.badge',
      // The kana marks shown by what they do to a romanised syllable (ka→ga, ha→pa), as in English.
      'kana.dakuten',
      'kana.handakuten',
      'kana.longVowel',
    ]);
  });

  it.each(Object.keys(CODE_TABLES))('domain table %s is complete in every language it is shown in', (name) => {
    const table: CodeTable = CODE_TABLES[name as keyof typeof CODE_TABLES];
    const keys = Object.keys(table.ja!).sort();
    const locales = name === 'reasonStaff' ? STAFF_LOCALES : LOCALES;
    for (const locale of locales) {
      expect(Object.keys(table[locale]!).sort(), `${name}:${locale}`).toEqual(keys);
      for (const k of keys) expect(table[locale]![k]!.trim(), `${name}:${locale}:${k}`).not.toBe('');
    }
  });

  it('has guidance for every eligibility reason, extra document and field error in all six languages', () => {
    for (const locale of LOCALES) {
      for (const code of REASON_CODES) expect(CODE_TABLES.reason[locale][code], `${locale} ${code}`).toBeTruthy();
      for (const code of ALSO_NEEDED_CODES) expect(CODE_TABLES.alsoNeeded[locale][code]).toBeTruthy();
      for (const key of VALIDATION_MESSAGE_KEYS) expect(CODE_TABLES.field[locale][key]).toBeTruthy();
    }
  });

  it('names every session state and every document; staff texts fall back to ja (やさしい日本語) or en', () => {
    for (const locale of LOCALES) {
      for (const state of SESSION_STATES)
        expect(translateDynamic(locale, `state.${state}`, 'common.none')).not.toBe('—');
      for (const c of DOCUMENT_CHOICES) expect((UI_CATALOGUES[locale] as Record<string, string>)[c.name]).toBeTruthy();
    }
    expect(translate('ko', 'staff.title')).toBe(translate('en', 'staff.title'));
    expect(translate('ja-easy', 'staff.title')).toBe(translate('ja', 'staff.title'));
    expect(translateCode('vi', 'reasonStaff', 'old-card-ended', 'reason.generic')).toBe(
      translateCode('en', 'reasonStaff', 'old-card-ended', 'reason.generic'),
    );
    expect(staffLocaleOf('zh-Hans')).toBe('en');
  });

  it('falls back to a generic text for an unknown code, and fills placeholders', () => {
    expect(translateCode('ja', 'reason', 'no-such-code', 'reason.generic')).toBe('くわしくは受付の者がご案内します');
    expect(translateCode('en', 'reason', 'no-such-code', 'reason.generic')).toBe('Our staff will explain.');
    expect(translateCode('ko', 'reason', 'no-such-code', 'reason.generic')).toBe(
      '자세한 내용은 직원이 안내해 드립니다',
    );
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('English terms', () => {
  const english = [
    ...Object.values(UI_CATALOGUES.en),
    ...Object.values(CODE_TABLES.reason.en),
    ...Object.values(CODE_TABLES.alsoNeeded.en),
    ...Object.values(CODE_TABLES.field.en),
  ].join('\n');
  it('use one term per concept', () => {
    // 資格情報のお知らせ = "eligibility notice", マイナ保険証 = "My Number Card health insurance", マイナポータル = "Mynaportal".
    for (const drift of [
      /insurance information notice/i,
      /My Number insurance/i,
      /My Number Portal/i,
      /qualification/i,
    ])
      expect(english).not.toMatch(drift);
    expect(english).toMatch(/eligibility notice/);
    expect(english).toMatch(/My Number Card health insurance/);
  });
});

describe('offered languages', () => {
  it('accepts known codes once each with ja, in catalogue order', () => {
    expect(normalizeLanguages(['vi', 'ja', 'ko'])).toEqual({ ok: true, languages: ['ja', 'ko', 'vi'] });
    expect(normalizeLanguages(['ja', 'fr'])).toEqual({ ok: false, problem: 'unknown-code' });
    expect(normalizeLanguages(['ja', 'en', 'ja'])).toEqual({ ok: false, problem: 'duplicate' });
    expect(normalizeLanguages(['en'])).toEqual({ ok: false, problem: 'ja-missing' });
    expect(isLocale('zh-Hans')).toBe(true);
    expect(isLocale('zh')).toBe(false);
  });
});

/** The patient feature's files and every renderer module they import (followed through relative imports). */
function patientSources(): string[] {
  const root = path.resolve('renderer/src');
  const start = path.join(root, 'features/patient');
  const seen = new Set<string>();
  const queue = fs
    .readdirSync(start, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(start, String(f)))
    .filter((f) => /\.tsx?$/.test(f));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const base = path.resolve(path.dirname(file), m[1]!);
      const hit = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
        (c) => fs.existsSync(c) && fs.statSync(c).isFile() && /\.tsx?$/.test(c),
      );
      // Within the renderer only; not the catalogues themselves (which hold every key), nor the API client,
      // whose request names ('auth.signOut') are not texts.
      const skip = ['i18n', 'api'].some((d) => hit?.startsWith(path.join(root, d)));
      if (hit && hit.startsWith(root) && !skip) queue.push(hit);
    }
  }
  return [...seen];
}

describe('patient screens', () => {
  it('use patient keys only (staff keys exist in ja and en alone)', () => {
    const files = patientSources();
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith('LanguageSwitch.tsx'))).toBe(true);
    const used = new Set<string>();
    for (const f of files) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/['`]([a-zA-Z]+(?:\.[\w-]+)+)['`]/g)) {
        if (Object.hasOwn(jaTable, m[1]!)) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter(isStaffKey)).toEqual([]);
  });
});

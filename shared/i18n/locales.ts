/**
 * The languages the kiosk ships. Every patient-facing text exists in each of them; a message table
 * typed `Messages<K>` fails the typecheck when one language lacks a key, and unit tests check the
 * assembled catalogues at run time too. Staff and admin screens are written in Japanese and English only
 * (`StaffMessages<K>`); a patient language shows them in the nearer of the two (`staffLocaleOf`).
 *
 * `ja-easy` is やさしい日本語 (plain Japanese after the 2020 guideline of 出入国在留管理庁 and 文化庁): short
 * sentences, everyday words, spaces between phrases, no layered honorifics. Its BCP 47 tag is plain `ja`.
 */
export const LOCALES = ['ja', 'ja-easy', 'en', 'zh-Hans', 'ko', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** The languages of the staff console and the admin screen. */
export const STAFF_LOCALES = ['ja', 'en'] as const satisfies readonly Locale[];
export type StaffLocale = (typeof STAFF_LOCALES)[number];

/** A message table for a set of keys, complete in every locale. `{name}` placeholders are filled at render time. */
export type Messages<K extends string> = { readonly [L in Locale]: { readonly [Key in K]: string } };
/** A table for staff and admin screens only. */
export type StaffMessages<K extends string> = { readonly [L in StaffLocale]: { readonly [Key in K]: string } };

/** Each language named in its own script, so that anyone can find theirs. */
export const LOCALE_NAMES: { readonly [L in Locale]: string } = {
  ja: '日本語',
  'ja-easy': 'やさしい にほんご',
  en: 'English',
  'zh-Hans': '中文',
  ko: '한국어',
  vi: 'Tiếng Việt',
};

/** BCP 47 tags for `lang` attributes, `Intl` and speech synthesis. */
export const LOCALE_TAGS: { readonly [L in Locale]: string } = {
  ja: 'ja',
  'ja-easy': 'ja',
  en: 'en',
  'zh-Hans': 'zh-Hans',
  ko: 'ko',
  vi: 'vi',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The staff-screen language nearest to a patient language: Japanese for やさしい日本語, English otherwise. */
export function staffLocaleOf(locale: Locale): StaffLocale {
  return locale === 'ja' || locale === 'ja-easy' ? 'ja' : 'en';
}

/**
 * The languages a clinic offers at the kiosk, as the admin set them: known codes only, each once, in the
 * order of LOCALES, with Japanese always first (the kiosk starts in it and staff read it). Returns the
 * problem instead when the list cannot be used.
 */
export function normalizeLanguages(
  codes: readonly string[],
): { ok: true; languages: Locale[] } | { ok: false; problem: 'unknown-code' | 'duplicate' | 'ja-missing' } {
  if (codes.some((c) => !isLocale(c))) return { ok: false, problem: 'unknown-code' };
  if (new Set(codes).size !== codes.length) return { ok: false, problem: 'duplicate' };
  if (!codes.includes('ja')) return { ok: false, problem: 'ja-missing' };
  return { ok: true, languages: LOCALES.filter((l) => codes.includes(l)) };
}

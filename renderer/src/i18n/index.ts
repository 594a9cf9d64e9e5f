/**
 * The renderer's catalogues, assembled: UI strings (ja.ts and en.ts with every key; ja-easy.ts, zh-Hans.ts,
 * ko.ts and vi.ts with every patient key, see ./keys.ts) plus the domain message tables from
 * shared/ (field errors for printed insurance numbers, eligibility reason guidance). A small typed t():
 * the language lives in the UI store, so switching language is one store update and re-renders exactly
 * the components that read text.
 */
import { useCallback, useMemo } from 'react';
import { LOCALES, staffLocaleOf, type Locale, type StaffLocale } from '../../../shared/i18n/locales';
import { ALSO_NEEDED_MESSAGES, REASON_MESSAGES, REASON_STAFF_LABELS } from '../../../shared/eligibility/messages';
import { VALIDATION_MESSAGES } from '../../../shared/insurance/messages';
import { useLanguage } from '../stores/ui';
import { en } from './en';
import { ja, type UiCatalogue, type UiKey } from './ja';
import { jaEasy } from './ja-easy';
import type { PatientCatalogue } from './keys';
import { ko } from './ko';
import { vi } from './vi';
import { zhHans } from './zh-Hans';

export type { UiKey } from './ja';
export type { PatientKey, StaffKey } from './keys';
export { LOCALES, type Locale };

/** ja and en carry every key; the patient languages carry every patient key (staff keys fall back). */
export const UI_CATALOGUES: { readonly [L in Locale]: L extends StaffLocale ? UiCatalogue : PatientCatalogue } = {
  ja,
  'ja-easy': jaEasy,
  en,
  'zh-Hans': zhHans,
  ko,
  vi,
};

/** Code-keyed tables: a code arrives at run time (from a snapshot), so lookups fall back to a generic text. */
export type CodeTable = { readonly [L in Locale]?: Readonly<Record<string, string>> };
export const CODE_TABLES = {
  /** shared/insurance: `${field}.${code}` -> what is wrong and what to do. */
  field: VALIDATION_MESSAGES,
  /** shared/eligibility: reason code -> guidance for the patient. */
  reason: REASON_MESSAGES,
  /** shared/eligibility: reason code -> short label for the staff console. */
  reasonStaff: REASON_STAFF_LABELS,
  /** shared/eligibility: extra document -> a sentence asking the patient for it. */
  alsoNeeded: ALSO_NEEDED_MESSAGES,
} as const satisfies Record<string, CodeTable>;
export type CodeTableName = keyof typeof CODE_TABLES;

export type Vars = Readonly<Record<string, string | number>>;

/** Fill `{name}` placeholders; an unknown placeholder stays visible rather than vanishing silently. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** The text of a key in a locale; a staff key asked for in a patient language comes from ja or en. */
function lookup(locale: Locale, key: string): string | undefined {
  const table: Readonly<Record<string, string>> = UI_CATALOGUES[locale];
  if (Object.hasOwn(table, key)) return table[key];
  const staff: Readonly<Record<string, string>> = UI_CATALOGUES[staffLocaleOf(locale)];
  return Object.hasOwn(staff, key) ? staff[key] : undefined;
}

export function translate(locale: Locale, key: UiKey, vars?: Vars): string {
  return format(lookup(locale, key) ?? key, vars);
}

/** Look a UI key up by a code built at run time (e.g. `state.${s.state}`), with a fallback key. */
export function translateDynamic(locale: Locale, key: string, fallback: UiKey, vars?: Vars): string {
  return format(lookup(locale, key) ?? translate(locale, fallback), vars);
}

/** A domain text by code, falling back to a UI key when the table has no entry (yet). */
export function translateCode(
  locale: Locale,
  table: CodeTableName,
  code: string,
  fallback: UiKey,
  vars?: Vars,
): string {
  const tables: CodeTable = CODE_TABLES[table];
  const messages = tables[locale] ?? tables[staffLocaleOf(locale)] ?? {};
  const text = Object.hasOwn(messages, code) ? messages[code] : undefined;
  return text ? format(text, vars) : translate(locale, fallback, vars);
}

export interface Translator {
  locale: Locale;
  /** The language for staff-only texts (ja or en) nearest to `locale`. */
  staffLocale: StaffLocale;
  t: (key: UiKey, vars?: Vars) => string;
  /** The same key in a fixed language, e.g. the Japanese document name shown beside the English one. */
  tIn: (locale: Locale, key: UiKey, vars?: Vars) => string;
  tDynamic: (key: string, fallback: UiKey, vars?: Vars) => string;
  tCode: (table: CodeTableName, code: string, fallback: UiKey, vars?: Vars) => string;
}

export function useT(): Translator {
  const locale = useLanguage();
  const t = useCallback((key: UiKey, vars?: Vars) => translate(locale, key, vars), [locale]);
  const tDynamic = useCallback(
    (key: string, fallback: UiKey, vars?: Vars) => translateDynamic(locale, key, fallback, vars),
    [locale],
  );
  const tCode = useCallback(
    (table: CodeTableName, code: string, fallback: UiKey, vars?: Vars) =>
      translateCode(locale, table, code, fallback, vars),
    [locale],
  );
  return useMemo(
    () => ({ locale, staffLocale: staffLocaleOf(locale), t, tIn: translate, tDynamic, tCode }),
    [locale, t, tDynamic, tCode],
  );
}

/**
 * The renderer's catalogues, assembled: UI strings (ja.ts, en.ts) plus the domain message tables from
 * shared/ (field errors for printed insurance numbers, eligibility reason guidance). A small typed t():
 * the language lives in the UI store, so switching language is one store update and re-renders exactly
 * the components that read text.
 */
import { useCallback, useMemo } from 'react';
import { LOCALES, type Locale } from '../../../shared/i18n/locales';
import { ALSO_NEEDED_MESSAGES, REASON_MESSAGES, REASON_STAFF_LABELS } from '../../../shared/eligibility/messages';
import { VALIDATION_MESSAGES } from '../../../shared/insurance/messages';
import { useLanguage } from '../stores/ui';
import { en } from './en';
import { ja, type UiCatalogue, type UiKey } from './ja';

export type { UiKey } from './ja';
export { LOCALES, type Locale };

export const UI_CATALOGUES: { readonly [L in Locale]: UiCatalogue } = { ja, en };

/** Code-keyed tables: a code arrives at run time (from a snapshot), so lookups fall back to a generic text. */
export type CodeTable = { readonly [L in Locale]: Readonly<Record<string, string>> };
export const CODE_TABLES = {
  /** shared/insurance: `${field}.${code}` -> what is wrong and what to do. */
  field: VALIDATION_MESSAGES as CodeTable,
  /** shared/eligibility: reason code -> guidance for the patient. */
  reason: REASON_MESSAGES as CodeTable,
  /** shared/eligibility: reason code -> short label for the staff console. */
  reasonStaff: REASON_STAFF_LABELS as CodeTable,
  /** shared/eligibility: extra document -> a sentence asking the patient for it. */
  alsoNeeded: ALSO_NEEDED_MESSAGES as CodeTable,
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

export function translate(locale: Locale, key: UiKey, vars?: Vars): string {
  return format(UI_CATALOGUES[locale][key], vars);
}

/** Look a UI key up by a code built at run time (e.g. `state.${s.state}`), with a fallback key. */
export function translateDynamic(locale: Locale, key: string, fallback: UiKey, vars?: Vars): string {
  const table: Readonly<Record<string, string>> = UI_CATALOGUES[locale];
  return format(Object.hasOwn(table, key) ? (table[key] as string) : table[fallback]!, vars);
}

/** A domain text by code, falling back to a UI key when the table has no entry (yet). */
export function translateCode(
  locale: Locale,
  table: CodeTableName,
  code: string,
  fallback: UiKey,
  vars?: Vars,
): string {
  const messages = CODE_TABLES[table][locale];
  const text = Object.hasOwn(messages, code) ? messages[code] : undefined;
  return text ? format(text, vars) : translate(locale, fallback, vars);
}

export interface Translator {
  locale: Locale;
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
  return useMemo(() => ({ locale, t, tIn: translate, tDynamic, tCode }), [locale, t, tDynamic, tCode]);
}

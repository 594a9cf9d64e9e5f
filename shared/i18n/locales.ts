/**
 * The languages the kiosk ships. Every patient-facing text exists in each of them; a message table
 * typed `Messages<K>` fails the typecheck when one language lacks a key, and a unit test checks the
 * assembled catalogues at run time too.
 */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A message table for a set of keys, complete in every locale. `{name}` placeholders are filled at render time. */
export type Messages<K extends string> = { readonly [L in Locale]: { readonly [Key in K]: string } };

export const LOCALE_NAMES: { readonly [L in Locale]: string } = { ja: '日本語', en: 'English' };

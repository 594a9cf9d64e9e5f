/**
 * Validation results for the printed insurance numbers. Validators return values, never throw: the
 * kiosk shows the message for `field` + `code` next to that field (messages.ts has every pair in every
 * language).
 */

/** A validation outcome: the parsed value, or which field is wrong and how. */
export type Validation<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** 保険者番号 */
export const INSURER_NUMBER_ERROR_CODES = [
  'required',
  'not-digits', // something other than digits and surrounding spaces
  'wrong-length', // neither 8 digits nor 6 (国保)
  'unknown-law-code', // the first two of 8 digits (法別番号) are not a health-insurance 法別
  'invalid-prefecture', // the 都道府県 digits are not 01–47
  'check-digit', // the last digit (検証番号) does not match the others
] as const;
export type InsurerNumberErrorCode = (typeof INSURER_NUMBER_ERROR_CODES)[number];

/** 記号 */
export const SYMBOL_ERROR_CODES = [
  'too-long', // over 20 characters
  'invalid-characters', // control characters
  'not-expected', // 後期高齢者医療 has no 記号
  'digits-expected', // 協会けんぽ: 7–8 digits; 組合 (06/63): digits only
] as const;
export type SymbolErrorCode = (typeof SYMBOL_ERROR_CODES)[number];

/** 番号 */
export const NUMBER_ERROR_CODES = [
  'required',
  'too-long',
  'invalid-characters',
  'kouki-eight-digits', // 後期高齢者医療: the 被保険者番号 is 8 digits
  'check-digit', // 後期高齢者医療: its last digit is a 検証番号
] as const;
export type NumberErrorCode = (typeof NUMBER_ERROR_CODES)[number];

/** 枝番 */
export const BRANCH_ERROR_CODES = ['two-digits'] as const;
export type BranchErrorCode = (typeof BRANCH_ERROR_CODES)[number];

export type InsuranceValidationError =
  | { readonly field: 'insurerNumber'; readonly code: InsurerNumberErrorCode }
  | { readonly field: 'symbol'; readonly code: SymbolErrorCode }
  | { readonly field: 'number'; readonly code: NumberErrorCode }
  | { readonly field: 'branch'; readonly code: BranchErrorCode };

export type InsuranceField = InsuranceValidationError['field'];
export const INSURANCE_FIELDS = [
  'insurerNumber',
  'symbol',
  'number',
  'branch',
] as const satisfies readonly InsuranceField[];

/** The message key of an error: `${field}.${code}`, e.g. 'insurerNumber.check-digit'. */
export type ValidationMessageKey = {
  [E in InsuranceValidationError as E['field']]: `${E['field']}.${E['code']}`;
}[InsuranceField];

export function validationMessageKey(error: InsuranceValidationError): ValidationMessageKey {
  return `${error.field}.${error.code}` as ValidationMessageKey;
}

/** Every message key, for the completeness test and for tooling. */
export const VALIDATION_MESSAGE_KEYS: readonly ValidationMessageKey[] = [
  ...INSURER_NUMBER_ERROR_CODES.map((c) => `insurerNumber.${c}` as const),
  ...SYMBOL_ERROR_CODES.map((c) => `symbol.${c}` as const),
  ...NUMBER_ERROR_CODES.map((c) => `number.${c}` as const),
  ...BRANCH_ERROR_CODES.map((c) => `branch.${c}` as const),
];

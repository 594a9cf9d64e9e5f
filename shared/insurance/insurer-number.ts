/**
 * 保険者番号 (insurer number): parse, check and classify.
 *
 * Shape (onshi.md §4): 8 digits = 法別番号 (law code, 2) + 都道府県 (prefecture, 2, 01–47) + 保険者別番号
 * (3) + 検証番号 (check digit, 1). 市町村国保 and 国保組合 use 6 digits, without the 法別. The 資格確認端末
 * writes 6-digit numbers left-padded with spaces to 8 ("␣␣123456"), some systems pad with zeros
 * ("00123456"); both are accepted and reduced to the 6 digits.
 */
import type { InsurerNumberErrorCode, Validation } from './validation';

/** Which kind of insurer a number belongs to, as far as the number itself tells. */
export const INSURER_KINDS = [
  'kyokai', // 協会けんぽ (全国健康保険協会), 法別 01
  'seamen', // 船員保険, 02
  'day-laborer', // 日雇特例被保険者, 03 / 04
  'society', // 健康保険組合 (組合管掌), 06
  'self-defense', // 自衛官等, 07
  'mutual-aid', // 共済組合 (国家公務員 31, 地方公務員 32, 警察 33, 公立学校・私学 34)
  'kouki', // 後期高齢者医療広域連合, 39
  'retiree-special', // 特例退職被保険者 (組合 63, 共済 72–75)
  'retiree-kokuho', // 国保の退職者医療, 67
  'kokuho', // 市町村国保, 6 digits
  'kokuho-society', // 国民健康保険組合, 6 digits with 保険者別 300–399
] as const;
export type InsurerKind = (typeof INSURER_KINDS)[number];

/**
 * 法別番号 that name a health insurer (HT hoken-rep.ts; the receipt coding rules). Anything else in the
 * first two of eight digits is most often a 公費負担者番号 (e.g. 12 生活保護, 54 難病) typed into the
 * wrong field, so it is reported rather than guessed.
 */
export const LAW_CODE_KINDS: { readonly [lawCode: string]: InsurerKind } = {
  '01': 'kyokai',
  '02': 'seamen',
  '03': 'day-laborer',
  '04': 'day-laborer',
  '06': 'society',
  '07': 'self-defense',
  '31': 'mutual-aid',
  '32': 'mutual-aid',
  '33': 'mutual-aid',
  '34': 'mutual-aid',
  '39': 'kouki',
  '63': 'retiree-special',
  '67': 'retiree-kokuho',
  '72': 'retiree-special',
  '73': 'retiree-special',
  '74': 'retiree-special',
  '75': 'retiree-special',
};

export interface InsurerNumber {
  /** Exactly what was given, for display and audit. */
  readonly raw: string;
  /** 6 digits (国保) or 8 digits, padding removed. */
  readonly digits: string;
  /** 8 characters as the 資格確認端末 expects in a request: 6-digit numbers left-padded with spaces. */
  readonly forRequest: string;
  /** 法別番号, or null for 6-digit 国保 numbers. */
  readonly lawCode: string | null;
  /** 都道府県番号 '01'–'47'. */
  readonly prefecture: string;
  readonly kind: InsurerKind;
}

/**
 * The 検証番号 for a string of digits (the number without its last digit): from the rightmost digit,
 * weights 2, 1, 2, 1, …; add the digits of each product; check = (10 − sum mod 10) mod 10. The same rule
 * serves 6- and 8-digit insurer numbers and the 8-digit 後期高齢者 被保険者番号. `undefined` for a body
 * that is empty or not all ASCII digits.
 */
export function checkDigitOf(body: string): number | undefined {
  if (!/^[0-9]+$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    const product = digit * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `digits` (at least two ASCII digits) ends with the right 検証番号. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^[0-9]{2,}$/.test(digits)) return false;
  return checkDigitOf(digits.slice(0, -1)) === Number(digits.slice(-1));
}

const PREFECTURE_MIN = 1;
const PREFECTURE_MAX = 47;

function isPrefecture(twoDigits: string): boolean {
  const n = Number(twoDigits);
  return n >= PREFECTURE_MIN && n <= PREFECTURE_MAX;
}

/** Padding and keypad variants reduced to plain ASCII: NFKC turns full-width digits and the ideographic space into ASCII. */
function cleanInsurerInput(raw: string): string {
  return raw.normalize('NFKC').trim();
}

function fail(
  code: InsurerNumberErrorCode,
): Validation<InsurerNumber, { field: 'insurerNumber'; code: InsurerNumberErrorCode }> {
  return { ok: false, error: { field: 'insurerNumber', code } };
}

/**
 * Parse a 保険者番号 as typed or as read from a result file. Checks, in order: present, digits only,
 * 6 or 8 digits, 法別 known, prefecture 01–47, check digit, so the message names the first thing a person
 * can fix.
 */
export function parseInsurerNumber(
  raw: unknown,
): Validation<InsurerNumber, { field: 'insurerNumber'; code: InsurerNumberErrorCode }> {
  if (typeof raw !== 'string') return fail('required');
  const cleaned = cleanInsurerInput(raw);
  if (cleaned === '') return fail('required');
  if (!/^[0-9]+$/.test(cleaned)) return fail('not-digits');
  // "00" is never a 法別: an 8-digit form starting with it is a zero-padded 6-digit 国保 number.
  const digits = cleaned.length === 8 && cleaned.startsWith('00') ? cleaned.slice(2) : cleaned;
  if (digits.length !== 6 && digits.length !== 8) return fail('wrong-length');

  let lawCode: string | null = null;
  let kind: InsurerKind;
  let prefecture: string;
  if (digits.length === 8) {
    lawCode = digits.slice(0, 2);
    const lawKind = LAW_CODE_KINDS[lawCode];
    if (lawKind === undefined) return fail('unknown-law-code');
    kind = lawKind;
    prefecture = digits.slice(2, 4);
  } else {
    prefecture = digits.slice(0, 2);
    const insurerPart = Number(digits.slice(2, 5));
    // 国保組合 numbers use 保険者別 300–399 (ORCA manual, onshi.md §4).
    kind = insurerPart >= 300 && insurerPart <= 399 ? 'kokuho-society' : 'kokuho';
  }
  if (!isPrefecture(prefecture)) return fail('invalid-prefecture');
  if (!hasValidCheckDigit(digits)) return fail('check-digit');
  return {
    ok: true,
    value: { raw, digits, forRequest: digits.padStart(8, ' '), lawCode, prefecture, kind },
  };
}

/**
 * Whether two insurer numbers name the same insurer: trimmed, full-width folded, then compared as numbers
 * (so "␣␣123455", "00123455" and "123455" agree). False when either is not digits.
 */
export function sameInsurerNumber(a: string, b: string): boolean {
  const ca = cleanInsurerInput(a);
  const cb = cleanInsurerInput(b);
  if (!/^[0-9]+$/.test(ca) || !/^[0-9]+$/.test(cb)) return false;
  return ca.replace(/^0+/, '') === cb.replace(/^0+/, '');
}

/**
 * 記号 (symbol) and 番号 (number) of an insured person: free text on the card, compared loosely, kept raw.
 *
 * Cards print digits, kanji (医国…), full-width digits and several kinds of hyphen ("０２８２‐００１" with
 * U+2010). Two readings of the same card must compare equal, so comparison uses a normalised form; the
 * raw string is kept unchanged for display and for the request to the 資格確認端末, which wants what is
 * printed.
 */
import type { InsurerKind } from './insurer-number';
import { hasValidCheckDigit } from './insurer-number';
import type { NumberErrorCode, SymbolErrorCode, Validation } from './validation';

/** The 資格確認端末 request fields hold at most 20 characters (MR ReferenceNumberRequestBuilder). */
export const SYMBOL_NUMBER_MAX_LENGTH = 20;

/**
 * Characters that look like a hyphen on a card or keyboard. NFKC folds the full-width hyphen-minus
 * (U+FF0D) and the small hyphen-minus (U+FE63) already, but leaves U+2010–U+2015 and the minus sign
 * U+2212, and maps the half-width prolonged sound mark ｰ to ー (U+30FC), which is how 番号 hyphens come
 * out of kana input methods.
 */
const HYPHEN_LOOKALIKES = /[\u2010-\u2015\u2212\u30FC\uFF70]/g;

/** The comparison form: NFKC (full-width → half-width), hyphen look-alikes → "-", trimmed. */
export function normalizeSymbolOrNumber(raw: string): string {
  return raw.normalize('NFKC').replace(HYPHEN_LOOKALIKES, '-').trim();
}

/** A printed text field, as given and as compared. */
export interface PrintedText {
  readonly raw: string;
  readonly normalized: string;
}

/** Same 記号 or 番号 as far as a person reading the card is concerned. */
export function samePrintedText(a: string, b: string): boolean {
  return normalizeSymbolOrNumber(a) === normalizeSymbolOrNumber(b);
}

// C0/C1 controls, line and paragraph separators: never on a card, and unsafe in a request file.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * The characters each field is printed with, after normalisation. 記号 carries digits, kanji and kana
 * (医国340, 東 12), sometimes Latin letters, hyphens and a space; 番号 is digits, sometimes grouped by
 * hyphens (0282-001). Anything else (letters in a 番号, punctuation, emoji) is a typing slip.
 */
const SYMBOL_CHARACTER = /^[0-9A-Za-z\-\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FB ]$/u;
const NUMBER_CHARACTER = /^[0-9-]$/;

export const isSymbolCharacter = (ch: string): boolean => SYMBOL_CHARACTER.test(ch);
export const isNumberCharacter = (ch: string): boolean => NUMBER_CHARACTER.test(ch);

/**
 * What a typing field keeps of its input: normalised character by character (full-width digits and hyphen
 * look-alikes fold) and only the characters the field allows, at most 20. Used while the patient types so
 * the field never shows what would be refused.
 */
export function keepAllowed(raw: string, field: 'symbol' | 'number'): string {
  const allowed = field === 'symbol' ? isSymbolCharacter : isNumberCharacter;
  const kept = [...raw]
    .map((ch) => ch.normalize('NFKC').replace(HYPHEN_LOOKALIKES, '-'))
    .filter((ch) => ch.length === 1 && allowed(ch));
  return kept.slice(0, SYMBOL_NUMBER_MAX_LENGTH).join('');
}

type SymbolResult = Validation<PrintedText | undefined, { field: 'symbol'; code: SymbolErrorCode }>;
type NumberResult = Validation<PrintedText, { field: 'number'; code: NumberErrorCode }>;

/**
 * 記号: optional in general (国保 cards often have one, 後期 never). With the insurer's kind known, the
 * receipt rules add: 後期 has none; 協会けんぽ (法別 01) uses 7–8 digits; 組合 (06) and 特例退職 組合
 * (63) digits only. Empty or whitespace means absent: `value` is undefined.
 */
export function parseSymbol(raw: unknown, insurer?: { kind: InsurerKind; lawCode: string | null }): SymbolResult {
  const fail = (code: SymbolErrorCode): SymbolResult => ({ ok: false, error: { field: 'symbol', code } });
  if (typeof raw !== 'string') return { ok: true, value: undefined };
  const normalized = normalizeSymbolOrNumber(raw);
  if (normalized === '') return { ok: true, value: undefined };
  if (CONTROL_CHARACTERS.test(normalized) || ![...normalized].every(isSymbolCharacter)) return fail('invalid-characters');
  if (normalized.length > SYMBOL_NUMBER_MAX_LENGTH) return fail('too-long');
  if (insurer?.kind === 'kouki') return fail('not-expected');
  if (insurer?.lawCode === '01' && !/^[0-9]{7,8}$/.test(normalized)) return fail('digits-expected');
  if ((insurer?.lawCode === '06' || insurer?.lawCode === '63') && !/^[0-9]+$/.test(normalized))
    return fail('digits-expected');
  return { ok: true, value: { raw, normalized } };
}

/**
 * 番号: required. For 後期高齢者医療 it is the 8-digit 被保険者番号 with a 検証番号 (same rule as the
 * insurer number), which catches most typing slips before any request is sent.
 */
export function parseNumber(raw: unknown, insurer?: { kind: InsurerKind }): NumberResult {
  const fail = (code: NumberErrorCode): NumberResult => ({ ok: false, error: { field: 'number', code } });
  if (typeof raw !== 'string') return fail('required');
  const normalized = normalizeSymbolOrNumber(raw);
  if (normalized === '') return fail('required');
  if (CONTROL_CHARACTERS.test(normalized) || ![...normalized].every(isNumberCharacter)) return fail('invalid-characters');
  if (normalized.length > SYMBOL_NUMBER_MAX_LENGTH) return fail('too-long');
  if (insurer?.kind === 'kouki') {
    if (!/^[0-9]{8}$/.test(normalized)) return fail('kouki-eight-digits');
    if (!hasValidCheckDigit(normalized)) return fail('check-digit');
  }
  return { ok: true, value: { raw, normalized } };
}

/**
 * What the kiosk says when a printed number is wrong: which field, what is wrong, what to do. One short
 * sentence or two, in every locale (the `Messages` type fails the typecheck when one is missing).
 */
import type { Locale, Messages } from '../i18n/locales';
import type { InsuranceField, InsuranceValidationError, ValidationMessageKey } from './validation';
import { validationMessageKey } from './validation';

/** Field labels as printed on cards, for headings and screen readers. */
export const INSURANCE_FIELD_LABELS: Messages<InsuranceField> = {
  ja: {
    insurerNumber: '保険者番号',
    symbol: '記号',
    number: '番号',
    branch: '枝番',
  },
  en: {
    insurerNumber: 'Insurer number (保険者番号)',
    symbol: 'Symbol (記号)',
    number: 'Number (番号)',
    branch: 'Branch number (枝番)',
  },
};

export const VALIDATION_MESSAGES: Messages<ValidationMessageKey> = {
  ja: {
    'insurerNumber.required': '保険者番号を入れてください。カードの右下などに書いてある、6けたか8けたの数字です。',
    'insurerNumber.not-digits': '保険者番号は数字だけです。文字や記号を消して、もう一度入れてください。',
    'insurerNumber.wrong-length': '保険者番号は8けた（国民健康保険は6けた）の数字です。けた数をお確かめください。',
    'insurerNumber.unknown-law-code':
      '保険者番号のはじめの2けたが、健康保険の番号と合いません。公費の受給者番号ではないか、お確かめください。',
    'insurerNumber.invalid-prefecture':
      '保険者番号の都道府県の部分（6けたならはじめの2けた、8けたなら3けためと4けため）が合いません。もう一度お確かめください。',
    'insurerNumber.check-digit': '保険者番号の最後の数字（検証番号）が合いません。もう一度お確かめください。',
    'symbol.too-long': '記号が長すぎます（20文字まで）。カードに書いてあるとおりに入れてください。',
    'symbol.invalid-characters': '記号に使えない文字が入っています。カードに書いてあるとおりに入れてください。',
    'symbol.not-expected': '後期高齢者医療の番号には記号がありません。記号の欄は空けてください。',
    'symbol.digits-expected': 'この保険の記号は数字だけです（協会けんぽは7けたか8けた）。もう一度お確かめください。',
    'number.required': '番号を入れてください。カードの「番号」の欄に書いてあります。',
    'number.too-long': '番号が長すぎます（20文字まで）。カードに書いてあるとおりに入れてください。',
    'number.invalid-characters': '番号に使えない文字が入っています。カードに書いてあるとおりに入れてください。',
    'number.kouki-eight-digits': '後期高齢者医療の被保険者番号は8けたの数字です。もう一度お確かめください。',
    'number.check-digit': '被保険者番号の最後の数字（検証番号）が合いません。もう一度お確かめください。',
    'branch.two-digits': '枝番は2けたの数字です（たとえば 00 や 01）。カードに書いてあるとおりに入れてください。',
  },
  en: {
    'insurerNumber.required': 'Please enter the insurer number: the 6- or 8-digit number on your card.',
    'insurerNumber.not-digits': 'The insurer number has digits only. Please remove any letters or signs and try again.',
    'insurerNumber.wrong-length':
      'The insurer number has 8 digits (6 for National Health Insurance). Please check how many digits you entered.',
    'insurerNumber.unknown-law-code':
      'The first two digits of the insurer number do not match a health insurer. Please check it is not a public-assistance number.',
    'insurerNumber.invalid-prefecture':
      'The prefecture part of the insurer number (digits 1–2 of 6, or 3–4 of 8) is not valid. Please check it again.',
    'insurerNumber.check-digit':
      'The last digit of the insurer number (the check digit) does not match. Please check it again.',
    'symbol.too-long': 'The symbol is too long (20 characters at most). Please enter it as printed on the card.',
    'symbol.invalid-characters':
      'The symbol contains a character that cannot be used. Please enter it as printed on the card.',
    'symbol.not-expected':
      'Late-stage elderly insurance (後期高齢者医療) has no symbol. Please leave the symbol empty.',
    'symbol.digits-expected':
      'The symbol of this insurer has digits only (7 or 8 for 協会けんぽ). Please check it again.',
    'number.required': 'Please enter the number: it is in the 番号 field of the card.',
    'number.too-long': 'The number is too long (20 characters at most). Please enter it as printed on the card.',
    'number.invalid-characters':
      'The number contains a character that cannot be used. Please enter it as printed on the card.',
    'number.kouki-eight-digits':
      'The insured number for late-stage elderly insurance has 8 digits. Please check it again.',
    'number.check-digit':
      'The last digit of the insured number (the check digit) does not match. Please check it again.',
    'branch.two-digits':
      'The branch number has exactly 2 digits (for example 00 or 01). Please enter it as printed on the card.',
  },
};

/** The message for one error in one locale. */
export function validationMessage(error: InsuranceValidationError, locale: Locale): string {
  return VALIDATION_MESSAGES[locale][validationMessageKey(error)];
}

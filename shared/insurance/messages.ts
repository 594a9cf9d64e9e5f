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
  'ja-easy': {
    insurerNumber: '保険者番号（ほけんしゃ ばんごう）',
    symbol: '記号（きごう）',
    number: '番号（ばんごう）',
    branch: '枝番（えだばん）',
  },
  'zh-Hans': {
    insurerNumber: '保险人编号（保険者番号）',
    symbol: '记号（記号）',
    number: '号码（番号）',
    branch: '分号（枝番）',
  },
  ko: {
    insurerNumber: '보험자 번호(保険者番号)',
    symbol: '기호(記号)',
    number: '번호(番号)',
    branch: '가지번호(枝番)',
  },
  vi: {
    insurerNumber: 'Số cơ quan bảo hiểm (保険者番号)',
    symbol: 'Ký hiệu (記号)',
    number: 'Số (番号)',
    branch: 'Số nhánh (枝番)',
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
  'ja-easy': {
    'insurerNumber.required': '保険者番号を いれて ください。カードの 右下などに ある 6けたか 8けたの すうじです。',
    'insurerNumber.not-digits': '保険者番号は すうじ だけです。もじを けして、もう一度 いれて ください。',
    'insurerNumber.wrong-length':
      '保険者番号は 8けたの すうじです（国民健康保険は 6けた）。けたの かずを 見て ください。',
    'insurerNumber.unknown-law-code':
      '保険者番号の はじめの 2けたが 保険の ばんごうと あいません。ほかの ばんごうでは ないか、見て ください。',
    'insurerNumber.invalid-prefecture': '保険者番号の すうじが あいません。もう一度 カードを 見て ください。',
    'insurerNumber.check-digit': '保険者番号の さいごの すうじが あいません。もう一度 カードを 見て ください。',
    'symbol.too-long': '記号が ながすぎます（20もじまで）。カードの とおりに いれて ください。',
    'symbol.invalid-characters': '記号に つかえない もじが あります。カードの とおりに いれて ください。',
    'symbol.not-expected': '後期高齢者医療の 保険には 記号が ありません。記号は いれないで ください。',
    'symbol.digits-expected':
      'この 保険の 記号は すうじ だけです（協会けんぽは 7けたか 8けた）。もう一度 見て ください。',
    'number.required': '番号を いれて ください。カードの「番号」の ところに あります。',
    'number.too-long': '番号が ながすぎます（20もじまで）。カードの とおりに いれて ください。',
    'number.invalid-characters': '番号に つかえない もじが あります。カードの とおりに いれて ください。',
    'number.kouki-eight-digits': '後期高齢者医療の 番号は 8けたの すうじです。もう一度 見て ください。',
    'number.check-digit': '番号の さいごの すうじが あいません。もう一度 カードを 見て ください。',
    'branch.two-digits': '枝番は 2けたの すうじです（れい: 00、01）。カードの とおりに いれて ください。',
  },
  'zh-Hans': {
    'insurerNumber.required': '请输入保险人编号：卡片右下方等处印有的6位或8位数字。',
    'insurerNumber.not-digits': '保险人编号只有数字。请删除字母或符号后重新输入。',
    'insurerNumber.wrong-length': '保险人编号是8位数字（国民健康保险为6位）。请确认位数。',
    'insurerNumber.unknown-law-code': '保险人编号的前两位与健康保险的编号不符。请确认这不是公费医疗的受给者号码。',
    'insurerNumber.invalid-prefecture':
      '保险人编号中表示都道府县的部分（6位时为前2位，8位时为第3、4位）不正确。请再确认一下。',
    'insurerNumber.check-digit': '保险人编号的最后一位（校验码）不符。请再确认一下。',
    'symbol.too-long': '记号太长（最多20个字符）。请按卡片上印的内容输入。',
    'symbol.invalid-characters': '记号中有不能使用的字符。请按卡片上印的内容输入。',
    'symbol.not-expected': '后期高龄者医疗的号码没有记号。请不要填写记号。',
    'symbol.digits-expected': '这种保险的记号只有数字（協会けんぽ为7位或8位）。请再确认一下。',
    'number.required': '请输入号码：印在卡片的“番号”一栏。',
    'number.too-long': '号码太长（最多20个字符）。请按卡片上印的内容输入。',
    'number.invalid-characters': '号码中有不能使用的字符。请按卡片上印的内容输入。',
    'number.kouki-eight-digits': '后期高龄者医疗的被保险人号码是8位数字。请再确认一下。',
    'number.check-digit': '被保险人号码的最后一位（校验码）不符。请再确认一下。',
    'branch.two-digits': '分号（枝番）是2位数字（例如00或01）。请按卡片上印的内容输入。',
  },
  ko: {
    'insurerNumber.required': '보험자 번호를 입력해 주세요. 카드 오른쪽 아래 등에 있는 6자리 또는 8자리 숫자입니다.',
    'insurerNumber.not-digits': '보험자 번호는 숫자뿐입니다. 문자나 기호를 지우고 다시 입력해 주세요.',
    'insurerNumber.wrong-length': '보험자 번호는 8자리(국민건강보험은 6자리) 숫자입니다. 자릿수를 확인해 주세요.',
    'insurerNumber.unknown-law-code':
      '보험자 번호의 앞 2자리가 건강보험 번호와 맞지 않습니다. 공비 수급자 번호가 아닌지 확인해 주세요.',
    'insurerNumber.invalid-prefecture':
      '보험자 번호의 도도부현 부분(6자리면 앞 2자리, 8자리면 3·4번째 자리)이 맞지 않습니다. 다시 확인해 주세요.',
    'insurerNumber.check-digit': '보험자 번호의 마지막 숫자(검증 번호)가 맞지 않습니다. 다시 확인해 주세요.',
    'symbol.too-long': '기호가 너무 깁니다(20자까지). 카드에 적힌 대로 입력해 주세요.',
    'symbol.invalid-characters': '기호에 사용할 수 없는 문자가 있습니다. 카드에 적힌 대로 입력해 주세요.',
    'symbol.not-expected': '후기고령자의료 번호에는 기호가 없습니다. 기호 칸은 비워 두세요.',
    'symbol.digits-expected': '이 보험의 기호는 숫자뿐입니다(協会けんぽ는 7자리 또는 8자리). 다시 확인해 주세요.',
    'number.required': '번호를 입력해 주세요. 카드의 "番号" 칸에 적혀 있습니다.',
    'number.too-long': '번호가 너무 깁니다(20자까지). 카드에 적힌 대로 입력해 주세요.',
    'number.invalid-characters': '번호에 사용할 수 없는 문자가 있습니다. 카드에 적힌 대로 입력해 주세요.',
    'number.kouki-eight-digits': '후기고령자의료의 피보험자 번호는 8자리 숫자입니다. 다시 확인해 주세요.',
    'number.check-digit': '피보험자 번호의 마지막 숫자(검증 번호)가 맞지 않습니다. 다시 확인해 주세요.',
    'branch.two-digits': '가지번호(枝番)는 2자리 숫자입니다(예: 00, 01). 카드에 적힌 대로 입력해 주세요.',
  },
  vi: {
    'insurerNumber.required':
      'Vui lòng nhập số cơ quan bảo hiểm: số có 6 hoặc 8 chữ số, thường in ở góc dưới bên phải của thẻ.',
    'insurerNumber.not-digits': 'Số cơ quan bảo hiểm chỉ gồm chữ số. Vui lòng xóa chữ cái hoặc ký hiệu rồi nhập lại.',
    'insurerNumber.wrong-length':
      'Số cơ quan bảo hiểm có 8 chữ số (Bảo hiểm y tế quốc dân có 6). Vui lòng kiểm tra số chữ số.',
    'insurerNumber.unknown-law-code':
      'Hai chữ số đầu của số cơ quan bảo hiểm không khớp với bảo hiểm y tế. Vui lòng kiểm tra đây không phải là số trợ cấp công.',
    'insurerNumber.invalid-prefecture':
      'Phần tỉnh trong số cơ quan bảo hiểm (chữ số 1–2 nếu có 6 số, hoặc 3–4 nếu có 8 số) không đúng. Vui lòng kiểm tra lại.',
    'insurerNumber.check-digit': 'Chữ số cuối của số cơ quan bảo hiểm (số kiểm tra) không khớp. Vui lòng kiểm tra lại.',
    'symbol.too-long': 'Ký hiệu quá dài (tối đa 20 ký tự). Vui lòng nhập đúng như in trên thẻ.',
    'symbol.invalid-characters': 'Ký hiệu có ký tự không dùng được. Vui lòng nhập đúng như in trên thẻ.',
    'symbol.not-expected':
      'Bảo hiểm y tế người cao tuổi giai đoạn cuối (後期高齢者医療) không có ký hiệu. Vui lòng để trống ô ký hiệu.',
    'symbol.digits-expected':
      'Ký hiệu của bảo hiểm này chỉ gồm chữ số (協会けんぽ: 7 hoặc 8 chữ số). Vui lòng kiểm tra lại.',
    'number.required': 'Vui lòng nhập số: số này ở ô “番号” trên thẻ.',
    'number.too-long': 'Số quá dài (tối đa 20 ký tự). Vui lòng nhập đúng như in trên thẻ.',
    'number.invalid-characters': 'Số có ký tự không dùng được. Vui lòng nhập đúng như in trên thẻ.',
    'number.kouki-eight-digits':
      'Số người được bảo hiểm của bảo hiểm y tế người cao tuổi giai đoạn cuối có 8 chữ số. Vui lòng kiểm tra lại.',
    'number.check-digit': 'Chữ số cuối của số người được bảo hiểm (số kiểm tra) không khớp. Vui lòng kiểm tra lại.',
    'branch.two-digits': 'Số nhánh (枝番) có đúng 2 chữ số (ví dụ 00 hoặc 01). Vui lòng nhập đúng như in trên thẻ.',
  },
};

/** The message for one error in one locale. */
export function validationMessage(error: InsuranceValidationError, locale: Locale): string {
  return VALIDATION_MESSAGES[locale][validationMessageKey(error)];
}

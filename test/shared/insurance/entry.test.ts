import { describe, expect, it } from 'vitest';
import { completeByFormat, parseInsurerNumber, printedFieldsOf } from '../../../shared/insurance/index';

const insurer = (digits: string) => {
  const r = parseInsurerNumber(digits);
  if (!r.ok) throw new Error(digits);
  return r.value;
};
const KYOKAI = insurer('01130012');
const KOUKI = insurer('39139993');
const SOCIETY = insurer('06139992');
const KOKUHO = insurer('138990');

describe('printed fields by insurer', () => {
  it('後期 has neither 記号 nor 枝番; every other insurer (or an unknown one) all four', () => {
    expect(printedFieldsOf(KOUKI)).toEqual(['insurerNumber', 'number']);
    for (const i of [KYOKAI, SOCIETY, KOKUHO, undefined])
      expect(printedFieldsOf(i)).toEqual(['insurerNumber', 'symbol', 'number', 'branch']);
  });
});

describe('a field complete by its format', () => {
  it('枝番 at two digits; a 保険者番号 at eight valid digits (a 6-digit 国保 number could still grow)', () => {
    expect(completeByFormat('branch', '0', undefined)).toBe(false);
    expect(completeByFormat('branch', '00', undefined)).toBe(true);
    expect(completeByFormat('insurerNumber', '01130012', undefined)).toBe(true);
    expect(completeByFormat('insurerNumber', '01130013', undefined)).toBe(false); // check digit
    expect(completeByFormat('insurerNumber', '138990', undefined)).toBe(false);
  });
  it('協会けんぽ’s 記号 at eight digits (7 could still be 8); other insurers’ 記号 never by length', () => {
    expect(completeByFormat('symbol', '1234567', KYOKAI)).toBe(false);
    expect(completeByFormat('symbol', '12345678', KYOKAI)).toBe(true);
    expect(completeByFormat('symbol', '12345678', SOCIETY)).toBe(false);
    expect(completeByFormat('symbol', '12345678', undefined)).toBe(false);
  });
  it('後期’s 番号 at eight digits with its check digit; other 番号 never by length', () => {
    expect(completeByFormat('number', '12345674', KOUKI)).toBe(true);
    expect(completeByFormat('number', '12345675', KOUKI)).toBe(false);
    expect(completeByFormat('number', '1234567', KOUKI)).toBe(false);
    expect(completeByFormat('number', '12345674', KYOKAI)).toBe(false);
  });
});

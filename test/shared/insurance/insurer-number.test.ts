import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from './arbitraries';
import {
  checkDigitOf,
  hasValidCheckDigit,
  LAW_CODE_KINDS,
  parseInsurerNumber,
  sameInsurerNumber,
} from '../../../shared/insurance/insurer-number';

const digitString = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));

describe('check digit (検証番号)', () => {
  it.each([
    ['01130012', true],
    ['123455', true],
    ['273128', true],
    ['39139993', true], // 後期 fixture
    ['06139992', true], // 組合 fixture
    ['133033', true], // 全国土木建築国保組合, from the seed leaflet
    ['12345674', true], // 後期 被保険者番号 fixture
    ['123456', false],
    ['01130013', false],
  ])('%s valid: %s (onshi.md §4 vectors)', (digits, valid) => {
    expect(hasValidCheckDigit(digits)).toBe(valid);
  });

  it('brute force: exactly one of the ten last digits passes, and it is checkDigitOf(body)', () => {
    fc.assert(
      fc.property(digitString(1, 12), (body) => {
        const passing = [...'0123456789'].filter((d) => hasValidCheckDigit(body + d));
        expect(passing).toEqual([String(checkDigitOf(body))]);
      }),
    );
  });

  it('catches every single-digit typing slip', () => {
    fc.assert(
      fc.property(digitString(1, 9), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const valid = body + String(checkDigitOf(body));
        const i = at % valid.length;
        const slipped = valid.slice(0, i) + String((Number(valid[i]) + delta) % 10) + valid.slice(i + 1);
        expect(hasValidCheckDigit(slipped)).toBe(false);
      }),
    );
  });

  it('refuses bodies that are not ASCII digits', () => {
    expect(checkDigitOf('')).toBeUndefined();
    expect(checkDigitOf('12a')).toBeUndefined();
    expect(checkDigitOf('１２３')).toBeUndefined();
    expect(hasValidCheckDigit('5')).toBe(false);
  });
});

describe('parseInsurerNumber', () => {
  it('classifies 8-digit numbers by 法別', () => {
    const cases: [string, string, string][] = [
      ['01130012', 'kyokai', '01'],
      ['06139992', 'society', '06'],
      ['39139993', 'kouki', '39'],
    ];
    for (const [raw, kind, lawCode] of cases) {
      const result = parseInsurerNumber(raw);
      expect(result).toMatchObject({
        ok: true,
        value: { raw, digits: raw, forRequest: raw, kind, lawCode, prefecture: '13' },
      });
    }
  });

  it('classifies 6-digit 国保 numbers; 保険者別 300–399 is a 国保組合', () => {
    expect(parseInsurerNumber('133033')).toMatchObject({
      ok: true,
      value: { kind: 'kokuho-society', lawCode: null, prefecture: '13' },
    });
    expect(parseInsurerNumber('138990')).toMatchObject({ ok: true, value: { kind: 'kokuho', prefecture: '13' } });
  });

  it('recognises every listed 法別 once the rest of the number is right', () => {
    for (const [lawCode, kind] of Object.entries(LAW_CODE_KINDS)) {
      const body = `${lawCode}13001`;
      const digits = body + String(checkDigitOf(body));
      expect(parseInsurerNumber(digits)).toMatchObject({ ok: true, value: { kind, lawCode } });
    }
  });

  it('accepts terminal padding: spaces or zeros before a 6-digit number, full-width digits', () => {
    for (const raw of ['  138990', '138990  ', '00138990', '１３８９９０', '\u3000138990']) {
      const result = parseInsurerNumber(raw);
      expect(result).toMatchObject({
        ok: true,
        value: { raw, digits: '138990', forRequest: '  138990', kind: 'kokuho' },
      });
    }
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    [undefined, 'required'],
    [12345, 'required'],
    ['0113-0012', 'not-digits'],
    ['0113 0012', 'not-digits'],
    ['abc', 'not-digits'],
    ['1234567', 'wrong-length'],
    ['12345', 'wrong-length'],
    ['011300120', 'wrong-length'],
    ['12130014', 'unknown-law-code'], // 12 = 生活保護 (公費), not an insurer
    ['01480016', 'invalid-prefecture'],
    ['01000019', 'invalid-prefecture'],
    ['480006', 'invalid-prefecture'],
    ['123456', 'check-digit'],
    ['01130013', 'check-digit'],
  ])('%j → %s', (raw, code) => {
    expect(parseInsurerNumber(raw)).toEqual({ ok: false, error: { field: 'insurerNumber', code } });
  });

  it('never throws and always names the insurerNumber field', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyText, digitString(0, 10), fc.anything()), (raw) => {
        const result = parseInsurerNumber(raw);
        if (!result.ok) expect(result.error.field).toBe('insurerNumber');
        else expect(hasValidCheckDigit(result.value.digits)).toBe(true);
      }),
    );
  });
});

describe('sameInsurerNumber', () => {
  it('compares numerically after trimming', () => {
    expect(sameInsurerNumber('  123455', '123455')).toBe(true);
    expect(sameInsurerNumber('00123455', '123455')).toBe(true);
    expect(sameInsurerNumber('１２３４５５', '123455')).toBe(true);
    expect(sameInsurerNumber('01130012', '1130012')).toBe(true);
    expect(sameInsurerNumber('123455', '123456')).toBe(false);
    expect(sameInsurerNumber('', '')).toBe(false);
    expect(sameInsurerNumber('12a', '12a')).toBe(false);
  });
});

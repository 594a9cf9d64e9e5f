import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from './arbitraries';
import { parseBranch } from '../../../shared/insurance/branch';
import { validateInsuranceNumbers } from '../../../shared/insurance/numbers';
import {
  normalizeSymbolOrNumber,
  parseNumber,
  parseSymbol,
  samePrintedText,
} from '../../../shared/insurance/symbol-number';

describe('記号・番号 normalisation', () => {
  it('folds full-width characters and every hyphen look-alike, and trims', () => {
    expect(normalizeSymbolOrNumber('０２８２‐００１')).toBe('0282-001'); // U+2010, kokuho-sjis fixture
    expect(normalizeSymbolOrNumber(' 医国３４０ ')).toBe('医国340');
    for (const hyphen of [
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2212',
      'ー',
      'ｰ',
      '－',
      '-',
      '\uFE63',
    ]) {
      expect(normalizeSymbolOrNumber(`12${hyphen}34`)).toBe('12-34');
    }
    expect(normalizeSymbolOrNumber('\u3000１２\u3000')).toBe('12');
  });

  it('compares printed texts by their normalised form', () => {
    expect(samePrintedText('71‐0000', '71-0000')).toBe(true);
    expect(samePrintedText('７１－００００', '71-0000')).toBe(true);
    expect(samePrintedText('0012', '12')).toBe(false); // no zero stripping: a different number
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeSymbolOrNumber(s);
        expect(normalizeSymbolOrNumber(once)).toBe(once);
      }),
    );
  });
});

describe('parseSymbol (記号)', () => {
  it('keeps the raw form beside the normalised one', () => {
    expect(parseSymbol(' 医国３４０')).toEqual({ ok: true, value: { raw: ' 医国３４０', normalized: '医国340' } });
  });

  it('treats empty as absent', () => {
    expect(parseSymbol('')).toEqual({ ok: true, value: undefined });
    expect(parseSymbol('  ')).toEqual({ ok: true, value: undefined });
    expect(parseSymbol(undefined)).toEqual({ ok: true, value: undefined });
  });

  it('caps at 20 characters and refuses control characters', () => {
    expect(parseSymbol('1'.repeat(20)).ok).toBe(true);
    expect(parseSymbol('1'.repeat(21))).toEqual({ ok: false, error: { field: 'symbol', code: 'too-long' } });
    expect(parseSymbol('12\n34')).toEqual({ ok: false, error: { field: 'symbol', code: 'invalid-characters' } });
  });

  it('applies the insurer-specific rules', () => {
    const kouki = { kind: 'kouki' as const, lawCode: '39' };
    const kyokai = { kind: 'kyokai' as const, lawCode: '01' };
    const society = { kind: 'society' as const, lawCode: '06' };
    expect(parseSymbol('123', kouki)).toEqual({ ok: false, error: { field: 'symbol', code: 'not-expected' } });
    expect(parseSymbol('', kouki)).toEqual({ ok: true, value: undefined });
    expect(parseSymbol('12345678', kyokai).ok).toBe(true);
    expect(parseSymbol('1234567', kyokai).ok).toBe(true);
    expect(parseSymbol('123456', kyokai)).toEqual({ ok: false, error: { field: 'symbol', code: 'digits-expected' } });
    expect(parseSymbol('1234-5678', kyokai)).toEqual({
      ok: false,
      error: { field: 'symbol', code: 'digits-expected' },
    });
    expect(parseSymbol('５', society).ok).toBe(true);
    expect(parseSymbol('A5', society)).toEqual({ ok: false, error: { field: 'symbol', code: 'digits-expected' } });
  });
});

describe('parseNumber (番号)', () => {
  it('requires a value and keeps the raw form', () => {
    expect(parseNumber('０２８２‐００１')).toEqual({
      ok: true,
      value: { raw: '０２８２‐００１', normalized: '0282-001' },
    });
    expect(parseNumber('')).toEqual({ ok: false, error: { field: 'number', code: 'required' } });
    expect(parseNumber(undefined)).toEqual({ ok: false, error: { field: 'number', code: 'required' } });
    expect(parseNumber('1'.repeat(21))).toEqual({ ok: false, error: { field: 'number', code: 'too-long' } });
    expect(parseNumber('1\u000012')).toEqual({ ok: false, error: { field: 'number', code: 'invalid-characters' } });
  });

  it('checks the 8-digit 後期 被保険者番号 and its check digit', () => {
    const kouki = { kind: 'kouki' as const };
    expect(parseNumber('12345674', kouki).ok).toBe(true);
    expect(parseNumber('１２３４５６７４', kouki).ok).toBe(true);
    expect(parseNumber('12345675', kouki)).toEqual({ ok: false, error: { field: 'number', code: 'check-digit' } });
    expect(parseNumber('1234567', kouki)).toEqual({
      ok: false,
      error: { field: 'number', code: 'kouki-eight-digits' },
    });
    expect(parseNumber('1234-5674', kouki)).toEqual({
      ok: false,
      error: { field: 'number', code: 'kouki-eight-digits' },
    });
    expect(parseNumber('12345675', { kind: 'kyokai' }).ok).toBe(true); // only 後期 numbers carry a check digit
  });
});

describe('parseBranch (枝番)', () => {
  it('takes exactly two digits; "00" is real and an absent 枝番 stays absent', () => {
    expect(parseBranch('00')).toEqual({ ok: true, value: '00' });
    expect(parseBranch('０１')).toEqual({ ok: true, value: '01' });
    expect(parseBranch(' 02 ')).toEqual({ ok: true, value: '02' });
    expect(parseBranch('')).toEqual({ ok: true, value: undefined });
    expect(parseBranch(undefined)).toEqual({ ok: true, value: undefined });
    for (const bad of ['1', '001', 'a1', '1-', '１']) {
      expect(parseBranch(bad)).toEqual({ ok: false, error: { field: 'branch', code: 'two-digits' } });
    }
  });
});

describe('validateInsuranceNumbers', () => {
  it('returns the parsed fields for a valid 協会けんぽ card (main-face fixture)', () => {
    const result = validateInsuranceNumbers({
      insurerNumber: '01130012',
      symbol: '12345678',
      number: '1234',
      branch: '00',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        insurer: {
          raw: '01130012',
          digits: '01130012',
          forRequest: '01130012',
          lawCode: '01',
          prefecture: '13',
          kind: 'kyokai',
        },
        symbol: { raw: '12345678', normalized: '12345678' },
        number: { raw: '1234', normalized: '1234' },
        branch: '00',
      },
    });
  });

  it('accepts a 後期 card without 記号 or 枝番 (kouki-2wari fixture)', () => {
    const result = validateInsuranceNumbers({ insurerNumber: '39139993', number: '12345674' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.symbol).toBeUndefined();
      expect(result.value.branch).toBeUndefined();
    }
  });

  it('lists one error per wrong field, in field order', () => {
    expect(
      validateInsuranceNumbers({ insurerNumber: '123456', symbol: 'x'.repeat(30), number: '', branch: '1' }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'insurerNumber', code: 'check-digit' },
        { field: 'symbol', code: 'too-long' },
        { field: 'number', code: 'required' },
        { field: 'branch', code: 'two-digits' },
      ],
    });
  });

  it('applies 後期 rules only once the insurer number is valid', () => {
    expect(validateInsuranceNumbers({ insurerNumber: '39139993', symbol: '1', number: '1' })).toEqual({
      ok: false,
      errors: [
        { field: 'symbol', code: 'not-expected' },
        { field: 'number', code: 'kouki-eight-digits' },
      ],
    });
    expect(validateInsuranceNumbers({ insurerNumber: '39139994', symbol: '1', number: '1' })).toEqual({
      ok: false,
      errors: [{ field: 'insurerNumber', code: 'check-digit' }],
    });
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(
        fc.record({
          insurerNumber: fc.anything(),
          symbol: fc.anything(),
          number: fc.anything(),
          branch: fc.anything(),
        }),
        (input) => {
          const result = validateInsuranceNumbers(input);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  checkDateEntry,
  checkDraft,
  commonExpiryDates,
  draftFromIso,
  eraOf,
  isYearComplete,
  plausibleBounds,
  yearRange,
} from '../../../shared/insurance/wareki';
import { keepAllowed, parseNumber, parseSymbol } from '../../../shared/insurance/symbol-number';

const TODAY = '2026-11-25';

describe('和暦 entry', () => {
  it('converts each era to ISO and rejects days outside it', () => {
    expect(checkDraft({ era: 'showa', year: '21', month: '5', day: '3' })).toEqual({ ok: true, iso: '1946-05-03' });
    expect(checkDraft({ era: 'reiwa', year: '9', month: '07', day: '31' })).toEqual({ ok: true, iso: '2027-07-31' });
    expect(checkDraft({ era: 'heisei', year: '31', month: '4', day: '30' })).toEqual({ ok: true, iso: '2019-04-30' });
    expect(checkDraft({ era: 'heisei', year: '31', month: '5', day: '1' })).toEqual({ ok: false, error: 'era-range' });
    expect(checkDraft({ era: 'showa', year: '0', month: '5', day: '1' })).toEqual({ ok: false, error: 'era-range' });
    expect(checkDraft({ era: 'western', year: '1990', month: '2', day: '30' })).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(checkDraft({ era: 'western', year: '199', month: '2', day: '3' })).toEqual({ ok: false, error: 'invalid' });
    expect(checkDraft({ era: 'reiwa', year: '', month: '2', day: '3' })).toEqual({ ok: false, error: 'incomplete' });
  });

  it('reads a day back in its era and builds a draft from a day', () => {
    expect(eraOf('1989-01-07')).toEqual({ era: 'showa', eraYear: 64 });
    expect(eraOf('1989-01-08')).toEqual({ era: 'heisei', eraYear: 1 });
    expect(eraOf('1900-01-01')).toBeNull();
    expect(draftFromIso('1970-06-15', 'showa')).toEqual({ era: 'showa', year: '45', month: '6', day: '15' });
    expect(draftFromIso('1970-06-15', 'western')).toEqual({ era: 'western', year: '1970', month: '6', day: '15' });
  });
});

describe('plausibility (issue 10: dates that make no sense are refused)', () => {
  it('refuses a 資格確認書 有効期限 more than 5 years ahead: 令和97年, 令和99年', () => {
    expect(checkDateEntry({ era: 'reiwa', year: '97', month: '3', day: '1' }, 'valid-until', TODAY)).toEqual({
      ok: false,
      error: 'too-far-ahead',
    });
    expect(checkDateEntry({ era: 'reiwa', year: '99', month: '7', day: '31' }, 'valid-until', TODAY).ok).toBe(false);
    expect(checkDateEntry({ era: 'reiwa', year: '13', month: '11', day: '25' }, 'valid-until', TODAY)).toEqual({
      ok: true,
      iso: '2031-11-25',
    });
    expect(checkDateEntry({ era: 'reiwa', year: '13', month: '11', day: '26' }, 'valid-until', TODAY).ok).toBe(false);
    // An expired one is a plausible entry (the rules then refuse it), a century-old one is a slip.
    expect(checkDateEntry({ era: 'reiwa', year: '7', month: '7', day: '31' }, 'valid-until', TODAY).ok).toBe(true);
    expect(checkDateEntry({ era: 'showa', year: '60', month: '7', day: '31' }, 'valid-until', TODAY)).toEqual({
      ok: false,
      error: 'too-long-ago',
    });
  });

  it('refuses a birth date in the future or more than 120 years ago', () => {
    expect(checkDateEntry({ era: 'western', year: '2030', month: '1', day: '1' }, 'birth-date', TODAY)).toEqual({
      ok: false,
      error: 'future',
    });
    expect(checkDateEntry({ era: 'reiwa', year: '99', month: '1', day: '1' }, 'birth-date', TODAY).ok).toBe(false);
    expect(checkDateEntry({ era: 'reiwa', year: '8', month: '11', day: '25' }, 'birth-date', TODAY).ok).toBe(true);
    expect(checkDateEntry({ era: 'reiwa', year: '8', month: '11', day: '26' }, 'birth-date', TODAY).ok).toBe(false);
    expect(checkDateEntry({ era: 'western', year: '1906', month: '11', day: '25' }, 'birth-date', TODAY).ok).toBe(true);
    expect(checkDateEntry({ era: 'western', year: '1906', month: '11', day: '24' }, 'birth-date', TODAY)).toEqual({
      ok: false,
      error: 'too-old',
    });
    expect(checkDateEntry({ era: 'taisho', year: '5', month: '1', day: '1' }, 'birth-date', TODAY).ok).toBe(true);
  });

  it('handles 2月29日 when shifting years', () => {
    expect(plausibleBounds('birth-date', '2028-02-29')).toEqual({ min: '1908-02-29', max: '2028-02-29' });
    expect(plausibleBounds('valid-until', '2028-02-29')).toEqual({ min: '2018-02-28', max: '2033-02-28' });
  });
});

describe('auto-advance of the year (issue 10: "9 7 3 1" read as 令和97年3月1日)', () => {
  const expiry = plausibleBounds('valid-until', TODAY);
  const birth = plausibleBounds('birth-date', TODAY);

  it('knows which era years are possible', () => {
    expect(yearRange('reiwa', expiry)).toEqual({ min: 1, max: 13 });
    expect(yearRange('heisei', expiry)).toEqual({ min: 28, max: 31 });
    expect(yearRange('taisho', expiry)).toBeNull();
    expect(yearRange('showa', birth)).toEqual({ min: 1, max: 64 });
  });

  it('moves on after one digit when no second digit could fit', () => {
    expect(isYearComplete('reiwa', '9', expiry)).toBe(true); // 令和9年: 90–99 are out of range
    expect(isYearComplete('reiwa', '1', expiry)).toBe(false); // 令和1年 or 10–13
    expect(isYearComplete('reiwa', '0', expiry)).toBe(false);
    expect(isYearComplete('showa', '7', birth)).toBe(true); // 昭和7年: 70+ is not 昭和
    expect(isYearComplete('showa', '6', birth)).toBe(false); // 60–64
    expect(isYearComplete('showa', '45', birth)).toBe(true);
    expect(isYearComplete('western', '197', birth)).toBe(false);
    expect(isYearComplete('western', '1970', birth)).toBe(true);
  });
});

describe('common expiry dates', () => {
  it('offers the next two 7月31日', () => {
    expect(commonExpiryDates('2026-11-25')).toEqual(['2027-07-31', '2028-07-31']);
    expect(commonExpiryDates('2026-07-31')).toEqual(['2026-07-31', '2027-07-31']);
    expect(commonExpiryDates('2026-03-01')).toEqual(['2026-07-31', '2027-07-31']);
  });
});

describe('記号・番号 accept exactly their characters', () => {
  it('番号 is digits and hyphens: "abc" is refused', () => {
    expect(parseNumber('abc')).toEqual({ ok: false, error: { field: 'number', code: 'invalid-characters' } });
    expect(parseNumber('12a4')).toEqual({ ok: false, error: { field: 'number', code: 'invalid-characters' } });
    expect(parseNumber('０２８２‐００１').ok).toBe(true);
    expect(keepAllowed('1a2ｂ３‐4!', 'number')).toBe('123-4');
  });

  it('記号 takes digits, kanji, kana, Latin letters and hyphens, nothing else', () => {
    expect(parseSymbol('医国３４０').ok).toBe(true);
    expect(parseSymbol('AB-12').ok).toBe(true);
    expect(parseSymbol('12#4')).toEqual({ ok: false, error: { field: 'symbol', code: 'invalid-characters' } });
    expect(parseSymbol('😀')).toEqual({ ok: false, error: { field: 'symbol', code: 'invalid-characters' } });
    expect(keepAllowed('医国３４０!', 'symbol')).toBe('医国340');
    expect(keepAllowed('1'.repeat(30), 'symbol')).toHaveLength(20);
  });
});

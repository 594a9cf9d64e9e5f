import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBracketOn,
  ageOn,
  birthdayOfAge,
  defaultCopayPercent,
  elderlyRecipientStartDate,
  is75OrOlder,
  isElderly70To74,
  isPreschool,
  koukiStartDate,
  legalAgeReachedOn,
  schoolEntryDate,
} from '../../../shared/insurance/age';

describe('ageOn (completed years)', () => {
  it('counts a year on the birthday, not the day before', () => {
    expect(ageOn('1956-11-25', '2026-11-24')).toBe(69);
    expect(ageOn('1956-11-25', '2026-11-25')).toBe(70);
    expect(ageOn('2026-11-25', '2026-11-25')).toBe(0);
  });

  it('handles a 29 February birth: the year completes on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
    expect(ageOn('1952-02-29', '2026-02-28')).toBe(73);
    expect(ageOn('1952-02-29', '2026-03-01')).toBe(74);
    expect(legalAgeReachedOn('2000-02-29', 1)).toBe('2001-02-28');
    expect(legalAgeReachedOn('2000-02-29', 4)).toBe('2004-02-28');
  });

  it('gives undefined for an unreadable date or a date before the birth', () => {
    expect(ageOn('1956-02-30', '2026-11-25')).toBeUndefined();
    expect(ageOn('1956-11-25', 'today')).toBeUndefined();
    expect(ageOn('2026-11-26', '2026-11-25')).toBeUndefined();
    expect(birthdayOfAge('1956-11-25', -1)).toBeUndefined();
    expect(birthdayOfAge('9990-01-01', 20)).toBeUndefined();
  });

  it('agrees with a naive count on every non-leap-day birth, and grows by one exactly on birthdays', () => {
    const day = fc
      .integer({ min: -25_000, max: 25_000 })
      .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        if (birth.endsWith('02-29')) return;
        const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
        const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
        const naive = oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
        expect(ageOn(birth, on)).toBe(naive);
      }),
    );
  });
});

describe('brackets', () => {
  it('puts 70–74 and 75+ on the birthdays', () => {
    expect(ageBracketOn('1956-11-25', '2026-11-24')).toBe('under-70');
    expect(ageBracketOn('1956-11-25', '2026-11-25')).toBe('70-74');
    expect(ageBracketOn('1951-11-25', '2026-11-24')).toBe('70-74');
    expect(ageBracketOn('1951-11-25', '2026-11-25')).toBe('75-plus');
    expect(ageBracketOn(undefined, '2026-11-25')).toBe('unknown');
    expect(ageBracketOn('garbage', '2026-11-25')).toBe('unknown');
    expect(isElderly70To74('1956-11-25', '2026-11-25')).toBe(true);
    expect(is75OrOlder('1951-11-25', '2026-11-25')).toBe(true);
    expect(is75OrOlder('x', '2026-11-25')).toBeUndefined();
  });

  it('starts 後期 on the 75th birthday and 高齢受給者 on the 1st after the legal 70th', () => {
    expect(koukiStartDate('1951-11-25')).toBe('2026-11-25');
    expect(elderlyRecipientStartDate('1956-11-25')).toBe('2026-12-01');
    // Born on the 1st: legally 70 on the last day of the previous month, so the birthday month counts.
    expect(elderlyRecipientStartDate('1956-12-01')).toBe('2026-12-01');
    expect(elderlyRecipientStartDate('1956-02-29')).toBe('2026-03-01');
  });
});

describe('未就学 (preschool)', () => {
  it('ends at the first 1 April on or after the 6th birthday', () => {
    expect(schoolEntryDate('2020-04-01')).toBe('2026-04-01'); // 早生まれ: starts with the year above
    expect(schoolEntryDate('2020-04-02')).toBe('2027-04-01');
    expect(schoolEntryDate('2020-03-31')).toBe('2026-04-01');
    expect(schoolEntryDate('2020-02-29')).toBe('2026-04-01');
    expect(isPreschool('2020-04-01', '2026-03-31')).toBe(true);
    expect(isPreschool('2020-04-01', '2026-04-01')).toBe(false);
    expect(isPreschool('2020-04-02', '2026-11-25')).toBe(true);
    expect(isPreschool('2020-04-02', '2027-04-01')).toBe(false);
    expect(isPreschool('2026-11-26', '2026-11-25')).toBeUndefined();
  });
});

describe('defaultCopayPercent', () => {
  it('follows age when nothing better is known', () => {
    expect(defaultCopayPercent('2022-05-05', '2026-11-25')).toBe(20); // 未就学
    expect(defaultCopayPercent('2019-05-05', '2026-11-25')).toBe(30);
    expect(defaultCopayPercent('1956-11-25', '2026-11-25')).toBe(30); // 70 today, 2割 from 12-01
    expect(defaultCopayPercent('1956-11-25', '2026-12-01')).toBe(20);
    expect(defaultCopayPercent('1951-11-25', '2026-11-24')).toBe(20);
    expect(defaultCopayPercent('1951-11-25', '2026-11-25')).toBe(10); // 後期 from the 75th birthday
    expect(defaultCopayPercent('x', '2026-11-25')).toBeUndefined();
  });
});

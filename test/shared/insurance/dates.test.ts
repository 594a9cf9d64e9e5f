import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  anniversaryIn,
  compareIsoDates,
  daysBetween,
  formatIsoDate,
  fromDayNumber,
  isWithin,
  parseIsoDate,
  toDayNumber,
} from '../../../shared/insurance/dates';

describe('parseIsoDate', () => {
  it('accepts real days written YYYY-MM-DD', () => {
    expect(parseIsoDate('2026-11-25')).toEqual({ year: 2026, month: 11, day: 25 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each([
    '2026-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-05',
    '26-01-05',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    '2026/01/05',
    '２０２６-01-05',
    '0000-01-01',
    '',
  ])('refuses %j', (value) => {
    expect(parseIsoDate(value)).toBeUndefined();
  });

  it('refuses non-strings without throwing', () => {
    for (const value of [undefined, null, 20260105, {}, [], true]) expect(parseIsoDate(value)).toBeUndefined();
  });
});

describe('day arithmetic', () => {
  it('agrees with UTC milliseconds for every day of 1900-2200 (oracle: Date.UTC, tests only)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const parts = parseIsoDate(iso);
          const utc = new Date(Date.UTC(y, m - 1, d));
          const real = utc.getUTCDate() === d && utc.getUTCMonth() === m - 1;
          expect(parts !== undefined).toBe(real);
          if (parts) expect(toDayNumber(parts)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
        },
      ),
    );
  });

  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-01', 1)).toBe('2025-12-02');
    expect(addDays('2026-07-31', 1)).toBe('2026-08-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-02-30', 1)).toBeUndefined();
    expect(addDays('9999-12-31', 1)).toBeUndefined();
    expect(addDays('2026-01-01', 0.5)).toBeUndefined();
    expect(daysBetween('2025-12-02', '2026-07-31')).toBe(241);
    expect(daysBetween('x', '2026-07-31')).toBeUndefined();
  });

  it('orders and bounds dates inclusively', () => {
    expect(compareIsoDates('2025-12-01', '2025-12-02')).toBeLessThan(0);
    expect(compareIsoDates('2026-08-01', '2026-07-31')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-08-01', '2026-08-01')).toBe(0);
    expect(isWithin('2026-07-31', '2025-12-02', '2026-07-31')).toBe(true);
    expect(isWithin('2025-12-02', '2025-12-02', '2026-07-31')).toBe(true);
    expect(isWithin('2026-08-01', '2025-12-02', '2026-07-31')).toBe(false);
    expect(isWithin('1900-01-01', null, '2026-07-31')).toBe(true);
    expect(isWithin('9999-12-31', '2026-08-01', null)).toBe(true);
  });

  it('puts a 29 February anniversary on 1 March in common years', () => {
    const leapDay = { year: 2000, month: 2, day: 29 };
    expect(formatIsoDate(anniversaryIn(leapDay, 2001))).toBe('2001-03-01');
    expect(formatIsoDate(anniversaryIn(leapDay, 2004))).toBe('2004-02-29');
    expect(formatIsoDate(anniversaryIn({ year: 2000, month: 3, day: 1 }, 2001))).toBe('2001-03-01');
  });
});

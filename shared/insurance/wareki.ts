/**
 * Dates as people read them off Japanese documents: 和暦 (令和8年7月31日) or 西暦, typed as an era button and
 * three numbers. This module turns such an entry into a calendar day ('YYYY-MM-DD') and says whether that
 * day is plausible for what it is (a birth date, a printed 有効期限) on the clinic's `today`.
 *
 * Pure: no `Date`, no clock. `today` is always passed in. The renderer uses it while the patient types
 * (auto-advance, messages); the core may apply the same bounds to what it receives.
 */
import { formatIsoDate, parseIsoDate, type IsoDate } from './dates';

export const ERAS = ['reiwa', 'heisei', 'showa', 'taisho', 'western'] as const;
export type Era = (typeof ERAS)[number];
export type JapaneseEra = Exclude<Era, 'western'>;

/** First and last day of each era (inclusive) and the Western year of its year 1 minus one. */
const ERA_SPANS: { readonly [E in JapaneseEra]: { first: IsoDate; last: IsoDate | null; offset: number } } = {
  taisho: { first: '1912-07-30', last: '1926-12-24', offset: 1911 },
  showa: { first: '1926-12-25', last: '1989-01-07', offset: 1925 },
  heisei: { first: '1989-01-08', last: '2019-04-30', offset: 1988 },
  reiwa: { first: '2019-05-01', last: null, offset: 2018 },
};

/** What the patient has typed so far: digits as text, so "0" and "" differ. */
export interface DateDraft {
  era: Era;
  year: string;
  month: string;
  day: string;
}

export type DateEntryError =
  | 'incomplete' // a part is empty
  | 'invalid' // no such day (2月30日), or a Western year that is not 4 digits
  | 'era-range' // 平成35年, 昭和0年: the era has no such year
  | 'future' // a birth date after today
  | 'too-old' // a birth date more than 120 years ago
  | 'too-far-ahead' // an expiry more than 5 years after today (令和99年)
  | 'too-long-ago'; // an expiry that ended more than 10 years ago: a typing slip, not a document

export type DateCheck = { ok: true; iso: IsoDate } | { ok: false; error: DateEntryError };

/** What the date is: each has its own plausible range around today. */
export type DatePurpose = 'birth-date' | 'valid-until';

/** Oldest plausible patient, and the longest a 資格確認書 is issued for (≤ 5 years, set by the insurer). */
export const MAX_AGE_YEARS = 120;
export const MAX_VALIDITY_YEARS = 5;
/** Expiries further back than this are typing slips (an old card is refused whatever its exact date). */
export const MAX_EXPIRED_YEARS = 10;

export function emptyDraft(era: Era): DateDraft {
  return { era, year: '', month: '', day: '' };
}

export function yearDigits(era: Era): number {
  return era === 'western' ? 4 : 2;
}

/** The calendar day of a complete draft, without plausibility bounds. */
export function checkDraft(d: DateDraft): DateCheck {
  if (!d.year || !d.month || !d.day) return { ok: false, error: 'incomplete' };
  if (!/^\d+$/.test(d.year + d.month + d.day)) return { ok: false, error: 'invalid' };
  const y = Number(d.year);
  if (d.era === 'western' && d.year.length !== 4) return { ok: false, error: 'invalid' };
  if (d.era !== 'western' && y < 1) return { ok: false, error: 'era-range' };
  const year = d.era === 'western' ? y : y + ERA_SPANS[d.era].offset;
  const iso = formatIsoDate({ year, month: Number(d.month), day: Number(d.day) });
  if (!parseIsoDate(iso) || year < 1868) return { ok: false, error: 'invalid' };
  if (d.era !== 'western') {
    const span = ERA_SPANS[d.era];
    if (iso < span.first || (span.last !== null && iso > span.last)) return { ok: false, error: 'era-range' };
  }
  return { ok: true, iso };
}

function shiftYears(today: IsoDate, years: number): IsoDate {
  const t = parseIsoDate(today);
  if (!t) return today;
  const year = t.year + years;
  // 2月29日 in a year without one becomes 2月28日.
  const day = t.month === 2 && t.day === 29 && !parseIsoDate(formatIsoDate({ year, month: 2, day: 29 })) ? 28 : t.day;
  return formatIsoDate({ year, month: t.month, day });
}

export interface DateBounds {
  min: IsoDate;
  max: IsoDate;
}

/** The days a date for `purpose` may fall on, inclusive, seen from the clinic's `today`. */
export function plausibleBounds(purpose: DatePurpose, today: IsoDate): DateBounds {
  if (purpose === 'birth-date') return { min: shiftYears(today, -MAX_AGE_YEARS), max: today };
  return { min: shiftYears(today, -MAX_EXPIRED_YEARS), max: shiftYears(today, MAX_VALIDITY_YEARS) };
}

/** A complete day checked against the bounds of its purpose. */
export function checkPlausible(iso: IsoDate, purpose: DatePurpose, today: IsoDate): DateCheck {
  const b = plausibleBounds(purpose, today);
  if (iso > b.max) return { ok: false, error: purpose === 'birth-date' ? 'future' : 'too-far-ahead' };
  if (iso < b.min) return { ok: false, error: purpose === 'birth-date' ? 'too-old' : 'too-long-ago' };
  return { ok: true, iso };
}

/** A draft as the patient typed it, checked as a day and for plausibility. */
export function checkDateEntry(d: DateDraft, purpose: DatePurpose, today: IsoDate): DateCheck {
  const c = checkDraft(d);
  return c.ok ? checkPlausible(c.iso, purpose, today) : c;
}

/** The era a date falls in, for reading a date back the way it is printed. */
export function eraOf(iso: IsoDate): { era: JapaneseEra; eraYear: number } | null {
  const parts = parseIsoDate(iso);
  if (!parts) return null;
  for (const era of ['reiwa', 'heisei', 'showa', 'taisho'] as const) {
    const span = ERA_SPANS[era];
    if (iso >= span.first && (span.last === null || iso <= span.last))
      return { era, eraYear: parts.year - span.offset };
  }
  return null;
}

/** A draft showing `iso` in the given era (for a pre-filled or restored step). */
export function draftFromIso(iso: IsoDate, era: Era): DateDraft {
  const parts = parseIsoDate(iso);
  if (!parts) return emptyDraft(era);
  const found = eraOf(iso);
  const useEra: Era = era === 'western' || !found ? 'western' : found.era;
  const year = useEra === 'western' ? String(parts.year) : String(parts.year - ERA_SPANS[useEra].offset);
  return { era: useEra, year, month: String(parts.month), day: String(parts.day) };
}

/**
 * The years of `era` (as typed: era years, or Western years) that hold at least one day within `bounds`.
 * `null` when the era and the bounds do not meet (e.g. 大正 for an expiry date).
 */
export function yearRange(era: Era, bounds: DateBounds): { min: number; max: number } | null {
  const minYear = Number(bounds.min.slice(0, 4));
  const maxYear = Number(bounds.max.slice(0, 4));
  if (era === 'western') return { min: minYear, max: maxYear };
  const span = ERA_SPANS[era];
  const from = bounds.min > span.first ? bounds.min : span.first;
  const to = span.last === null || bounds.max < span.last ? bounds.max : span.last;
  if (from > to) return null;
  return { min: Number(from.slice(0, 4)) - span.offset, max: Number(to.slice(0, 4)) - span.offset };
}

/**
 * Whether the year typed so far is finished, so the entry can move on to the month by itself: no further
 * digit could still give a plausible year. With 令和 and an expiry bound of 令和13, "9" is finished (90–99
 * are out of range), so "9 7 3 1" reads 令和9年7月31日 instead of 令和97年3月1日; "1" waits (10–13).
 */
export function isYearComplete(era: Era, typed: string, bounds: DateBounds): boolean {
  if (typed.length >= yearDigits(era)) return true;
  if (typed === '' || era === 'western') return false;
  const range = yearRange(era, bounds);
  if (!range) return typed.length >= 2;
  const value = Number(typed);
  if (value === 0) return false;
  return value * 10 > range.max;
}

/** Common printed expiry dates to offer as one tap: 国保 and 後期 資格確認書 usually run to 7月31日. */
export function commonExpiryDates(today: IsoDate, count = 2): IsoDate[] {
  const t = parseIsoDate(today);
  if (!t) return [];
  const firstYear = t.month < 7 || (t.month === 7 && t.day <= 31) ? t.year : t.year + 1;
  const out: IsoDate[] = [];
  for (let i = 0; i < count; i++) out.push(formatIsoDate({ year: firstYear + i, month: 7, day: 31 }));
  return out;
}

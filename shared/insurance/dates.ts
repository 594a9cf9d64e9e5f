/**
 * Calendar dates as 'YYYY-MM-DD' strings (the clinic's local date), with pure arithmetic.
 *
 * No `Date`, no clock, no time zone: a date here is a day on the clinic's wall calendar, and every rule
 * in the kiosk speaks in such days (「2026年7月31日まで」). Converting through `Date` would bring in the host's
 * time zone and is exactly where off-by-one-day bugs come from.
 */

/** A calendar day written 'YYYY-MM-DD'. Only values returned by `parseIsoDate` are known to be real days. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

/**
 * Strict parse: exactly 'YYYY-MM-DD' naming a day that exists (no 2026-02-30, no '2026-2-3', no time part).
 * Years 0001-9999. Anything else, including non-strings, gives `undefined`; it never throws.
 */
export function parseIsoDate(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatIsoDate(parts: DateParts): IsoDate {
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
 * Integer arithmetic only, so it is exact for every year we accept.
 */
export function toDayNumber(parts: DateParts): number {
  const y = parts.month <= 2 ? parts.year - 1 : parts.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (parts.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + parts.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `toDayNumber` (civil_from_days). */
export function fromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** `date` plus `days` (negative to go back). `undefined` when `date` is not a real day or the result leaves 0001-9999. */
export function addDays(date: IsoDate, days: number): IsoDate | undefined {
  const parts = parseIsoDate(date);
  if (!parts || !Number.isInteger(days)) return undefined;
  const result = fromDayNumber(toDayNumber(parts) + days);
  if (result.year < 1 || result.year > 9999) return undefined;
  return formatIsoDate(result);
}

/** Whole days from `a` to `b` (positive when `b` is later). `undefined` when either is not a real day. */
export function daysBetween(a: IsoDate, b: IsoDate): number | undefined {
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  if (!pa || !pb) return undefined;
  return toDayNumber(pb) - toDayNumber(pa);
}

/**
 * Orders two valid ISO dates: negative, zero or positive. Fixed-width 'YYYY-MM-DD' strings sort
 * lexicographically in calendar order, so no parsing is needed once both are known to be valid.
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `from <= date <= until`; an absent bound is open. All bounds inclusive, as the notices word them (「7月31日まで」). */
export function isWithin(date: IsoDate, from: IsoDate | null, until: IsoDate | null): boolean {
  return (from === null || date >= from) && (until === null || date <= until);
}

/**
 * The anniversary of `parts` in `year`. A 29 February in a year without one falls on 1 March: the
 * period of whole years from 29 Feb ends with 28 Feb (民法 143条 2項, the last day of the month when the
 * month has no corresponding day), so the next year of age is completed on 1 March.
 */
export function anniversaryIn(parts: DateParts, year: number): DateParts {
  if (parts.month === 2 && parts.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: parts.month, day: parts.day };
}

/** The first day of the month after the month containing `parts`. */
export function firstOfNextMonth(parts: DateParts): DateParts {
  return parts.month === 12
    ? { year: parts.year + 1, month: 1, day: 1 }
    : { year: parts.year, month: parts.month + 1, day: 1 };
}

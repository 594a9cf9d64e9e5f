/**
 * Dates as people write them on Japanese documents: 和暦 (令和8年7月31日) or 西暦. The kiosk accepts
 * either and sends 'YYYY-MM-DD'. Calendar arithmetic comes from shared/insurance (no `Date`, no time zone).
 */
import { formatIsoDate, parseIsoDate } from '../../../shared/insurance/dates';

export const ERAS = ['reiwa', 'heisei', 'showa', 'taisho', 'western'] as const;
export type Era = (typeof ERAS)[number];

/** First and last day of each era (inclusive) and the Western year of its year 1. */
const ERA_SPANS: { readonly [E in Exclude<Era, 'western'>]: { first: string; last: string | null; offset: number } } = {
  taisho: { first: '1912-07-30', last: '1926-12-24', offset: 1911 },
  showa: { first: '1926-12-25', last: '1989-01-07', offset: 1925 },
  heisei: { first: '1989-01-08', last: '2019-04-30', offset: 1988 },
  reiwa: { first: '2019-05-01', last: null, offset: 2018 },
};

export interface DateDraft {
  era: Era;
  year: string;
  month: string;
  day: string;
}

export type DateCheck = { ok: true; iso: string } | { ok: false; error: 'incomplete' | 'invalid' | 'era-range' };

export function emptyDraft(era: Era): DateDraft {
  return { era, year: '', month: '', day: '' };
}

export function yearDigits(era: Era): number {
  return era === 'western' ? 4 : 2;
}

export function checkDraft(d: DateDraft): DateCheck {
  if (!d.year || !d.month || !d.day) return { ok: false, error: 'incomplete' };
  const y = Number(d.year);
  const m = Number(d.month);
  const day = Number(d.day);
  if (d.era === 'western' && d.year.length !== 4) return { ok: false, error: 'invalid' };
  if (d.era !== 'western' && y < 1) return { ok: false, error: 'era-range' };
  const year = d.era === 'western' ? y : y + ERA_SPANS[d.era].offset;
  const parts = { year, month: m, day };
  const iso = formatIsoDate(parts);
  if (!parseIsoDate(iso) || year < 1900) return { ok: false, error: 'invalid' };
  if (d.era !== 'western') {
    const span = ERA_SPANS[d.era];
    if (iso < span.first || (span.last !== null && iso > span.last)) return { ok: false, error: 'era-range' };
  }
  return { ok: true, iso };
}

/** The era a date falls in, for reading a date back the way it is printed. */
export function eraOf(iso: string): { era: Exclude<Era, 'western'>; eraYear: number } | null {
  const parts = parseIsoDate(iso);
  if (!parts) return null;
  for (const era of ['reiwa', 'heisei', 'showa', 'taisho'] as const) {
    const span = ERA_SPANS[era];
    if (iso >= span.first && (span.last === null || iso <= span.last))
      return { era, eraYear: parts.year - span.offset };
  }
  return null;
}

/** A draft showing `iso` in the given era (for going back to a filled step). */
export function draftFromIso(iso: string, era: Era): DateDraft {
  const parts = parseIsoDate(iso);
  if (!parts) return emptyDraft(era);
  const found = eraOf(iso);
  const useEra: Era = era === 'western' || !found ? 'western' : found.era;
  const year = useEra === 'western' ? String(parts.year) : String(parts.year - ERA_SPANS[useEra].offset);
  return { era: useEra, year, month: String(parts.month), day: String(parts.day) };
}

/**
 * Wall-clock time in the clinic's time zone, as the 資格確認端末 writes it (no zone in its files).
 */
import type { OnshiTimestampParts } from '../onshi/index';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localParts(at: Date, timeZone: string): OnshiTimestampParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, second: p.second! };
}

/** 'YYYY-MM-DDTHH:mm:ss' in the clinic's zone. */
export function localIso(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  const z = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${z(p.year, 4)}-${z(p.month)}-${z(p.day)}T${z(p.hour)}:${z(p.minute)}:${z(p.second)}`;
}

/** Shifts a 'YYYY-MM-DD' date by years, months and days (day clamped to the month's end). */
export function shiftDate(iso: string, years: number, months: number, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const targetMonth = (y + years) * 12 + (m - 1) + months;
  const ty = Math.floor(targetMonth / 12);
  const tm = targetMonth % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const base = new Date(Date.UTC(ty, tm, Math.min(d, last)));
  base.setUTCDate(base.getUTCDate() + days);
  return base.toISOString().slice(0, 10);
}

/**
 * The clinic clock. Everything that needs "now" or "today" takes a Clock, so tests, demos and training
 * can fix time with KIOSK_NOW, and the rules always see the clinic's local date.
 */
export interface Clock {
  now(): Date;
  nowIso(): string;
  /** The clinic's local date, 'YYYY-MM-DD'. */
  today(): string;
  readonly timeZone: string;
}

export type ClockError = { code: 'invalid-now'; message: string };

/**
 * `fixedStart` (KIOSK_NOW, ISO date-time; give an offset, e.g. 2026-11-25T09:00:00+09:00) sets where the
 * clock starts; it then advances with real time so that timeouts still work.
 */
export function createClock(
  options: { fixedStart?: string; timeZone?: string; realNow?: () => number } = {},
): Clock | ClockError {
  const realNow = options.realNow ?? (() => Date.now());
  const timeZone = options.timeZone ?? 'Asia/Tokyo';
  let offset = 0;
  if (options.fixedStart) {
    const start = Date.parse(options.fixedStart);
    if (Number.isNaN(start))
      return { code: 'invalid-now', message: `KIOSK_NOW is not an ISO date-time: ${options.fixedStart}` };
    offset = start - realNow();
  }
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const now = () => new Date(realNow() + offset);
  return {
    timeZone,
    now,
    nowIso: () => now().toISOString(),
    today: () => fmt.format(now()),
  };
}

export function isClockError(c: Clock | ClockError): c is ClockError {
  return (c as ClockError).code === 'invalid-now';
}

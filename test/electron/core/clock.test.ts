import { describe, expect, it } from 'vitest';
import { createClock, isClockError, type Clock } from '../../../electron/core/clock';

function clockAt(fixedStart: string | undefined, real: { ms: number }, timeZone = 'Asia/Tokyo'): Clock {
  const c = createClock({ ...(fixedStart ? { fixedStart } : {}), timeZone, realNow: () => real.ms });
  if (isClockError(c)) throw new Error(c.message);
  return c;
}

describe('the clinic clock', () => {
  it('KIOSK_NOW fixes where it starts; it then advances with the (injected) real time', () => {
    const real = { ms: Date.parse('2030-01-01T00:00:00Z') };
    const c = clockAt('2026-11-25T09:00:00+09:00', real);
    expect(c.nowIso()).toBe('2026-11-25T00:00:00.000Z');
    real.ms += 90_000;
    expect(c.nowIso()).toBe('2026-11-25T00:01:30.000Z');
  });

  it('today is the clinic’s local date, not UTC: 08:59 JST is already the next day', () => {
    const real = { ms: 0 };
    const c = clockAt('2026-11-24T23:59:00Z', real); // 2026-11-25 08:59 in Tokyo
    expect(c.today()).toBe('2026-11-25');
    expect(clockAt('2026-11-24T14:59:59Z', real).today()).toBe('2026-11-24');
    expect(clockAt('2026-11-24T15:00:00Z', real).today()).toBe('2026-11-25');
  });

  it('follows the configured time zone', () => {
    const real = { ms: 0 };
    expect(clockAt('2026-11-25T03:00:00Z', real, 'America/New_York').today()).toBe('2026-11-24');
    expect(clockAt('2026-11-25T03:00:00Z', real, 'America/New_York').timeZone).toBe('America/New_York');
  });

  it('without KIOSK_NOW it is the real time', () => {
    const real = { ms: Date.parse('2026-11-25T01:02:03.004Z') };
    expect(clockAt(undefined, real).nowIso()).toBe('2026-11-25T01:02:03.004Z');
  });

  it('an unparseable KIOSK_NOW is a typed error, not a clock at 1970', () => {
    const c = createClock({ fixedStart: 'tomorrow morning' });
    expect(isClockError(c)).toBe(true);
    expect(c).toMatchObject({ code: 'invalid-now', message: expect.stringContaining('tomorrow morning') });
  });
});

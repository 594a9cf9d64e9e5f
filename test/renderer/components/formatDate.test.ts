import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromIso, eraOf } from '../../../shared/insurance/wareki';
import { formatDate } from '../../../renderer/src/components/formatDate';

describe('和暦 dates', () => {
  it('converts each era to ISO and rejects days outside it', () => {
    expect(checkDraft({ era: 'showa', year: '21', month: '5', day: '3' })).toEqual({ ok: true, iso: '1946-05-03' });
    expect(checkDraft({ era: 'reiwa', year: '9', month: '07', day: '31' })).toEqual({ ok: true, iso: '2027-07-31' });
    expect(checkDraft({ era: 'heisei', year: '31', month: '4', day: '30' })).toEqual({ ok: true, iso: '2019-04-30' });
    expect(checkDraft({ era: 'heisei', year: '31', month: '5', day: '1' })).toEqual({ ok: false, error: 'era-range' });
    expect(checkDraft({ era: 'showa', year: '64', month: '1', day: '8' })).toEqual({ ok: false, error: 'era-range' });
    expect(checkDraft({ era: 'taisho', year: '15', month: '12', day: '24' })).toEqual({ ok: true, iso: '1926-12-24' });
    expect(checkDraft({ era: 'western', year: '2026', month: '2', day: '30' })).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(checkDraft({ era: 'western', year: '1946', month: '5', day: '' })).toEqual({
      ok: false,
      error: 'incomplete',
    });
  });

  it('reads dates back as printed', () => {
    expect(eraOf('1989-01-08')).toEqual({ era: 'heisei', eraYear: 1 });
    expect(formatDate('ja', '1946-05-03')).toBe('昭和21年5月3日（1946年）');
    expect(formatDate('ja', '2019-05-01')).toBe('令和元年5月1日（2019年）');
    expect(formatDate('en', '1946-05-03')).toBe('3 May 1946 – Showa (昭和) 21');
    expect(draftFromIso('1946-05-03', 'showa')).toEqual({ era: 'showa', year: '21', month: '5', day: '3' });
  });
});

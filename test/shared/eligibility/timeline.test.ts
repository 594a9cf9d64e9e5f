/** The national timeline as data: well-formed, unambiguous, complete, and saying the dates the sources say. */
import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_ACTIONS, PRESENTED_DOCUMENTS } from '../../../shared/eligibility/documents';
import type { QueryFacts } from '../../../shared/eligibility/engine';
import { entryMatches } from '../../../shared/eligibility/engine';
import type { ReasonCode } from '../../../shared/eligibility/reasons';
import { ALSO_NEEDED_CODES, REASON_CODES } from '../../../shared/eligibility/reasons';
import type { PrintedDateState } from '../../../shared/eligibility/timeline';
import { entriesInForce, NATIONAL_TIMELINE } from '../../../shared/eligibility/timeline';
import { STAFF_LOCALES } from '../../../shared/i18n/locales';
import { AGE_BRACKETS } from '../../../shared/insurance/age';
import { addDays, isIsoDate } from '../../../shared/insurance/dates';

const entries = NATIONAL_TIMELINE.entries;
const byId = (id: string) => entries.find((e) => e.id === id);

/** Every boundary of the national timeline, the day before and after, and a few far dates. */
const probeDates = (() => {
  const dates = new Set<string>(['1990-01-01', '2024-12-01', '2026-11-25', '2035-01-01']);
  for (const e of entries) {
    for (const d of [e.from, e.until]) {
      if (d === null) continue;
      for (const shift of [-1, 0, 1]) dates.add(addDays(d, shift) as string);
    }
  }
  return [...dates].sort();
})();

function* allFacts(): Generator<QueryFacts> {
  for (const today of probeDates) {
    for (const document of PRESENTED_DOCUMENTS) {
      for (const online of [true, false]) {
        for (const smartphoneReader of [true, false]) {
          for (const printed of ['current', 'passed', 'missing'] as PrintedDateState[]) {
            for (const age of AGE_BRACKETS) {
              yield {
                document,
                today,
                online,
                smartphoneReader,
                printed,
                age,
                printedUnreadable: false,
                printedImplausible: false,
                birthDateUnreadable: false,
              };
            }
          }
        }
      }
    }
  }
}

describe('national timeline entries', () => {
  it('are well-formed: unique ids, real dates in order, known codes, a source and a summary in every staff locale', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) {
      expect(PRESENTED_DOCUMENTS, e.id).toContain(e.document);
      for (const d of [e.from, e.until]) if (d !== null) expect(isIsoDate(d), `${e.id} ${d}`).toBe(true);
      if (e.from !== null && e.until !== null) expect(e.from <= e.until, e.id).toBe(true);
      expect(e.source.trim(), e.id).not.toBe('');
      for (const locale of STAFF_LOCALES) expect(e.summary[locale].trim(), `${e.id} ${locale}`).not.toBe('');
      for (const outcome of [e.online, e.offline]) {
        expect(ELIGIBILITY_ACTIONS).toContain(outcome.action);
        expect(outcome.reasons.length, e.id).toBeGreaterThan(0);
        for (const r of outcome.reasons) expect(REASON_CODES).toContain(r);
        for (const a of outcome.alsoNeeded ?? []) expect(ALSO_NEEDED_CODES).toContain(a);
      }
      expect(e.override).toBeUndefined();
    }
  });

  it('overlap only where a specific entry refines a general one: same action and staff, more guidance', () => {
    const overlaps = new Set<string>();
    for (const facts of allFacts()) {
      const matching = entries.filter((e) => entryMatches(e, facts));
      const [first, ...rest] = matching;
      for (const other of rest) {
        const outcome = (e: typeof other) => (facts.online ? e.online : e.offline);
        expect({ action: outcome(other).action, staff: outcome(other).staff }, `${first?.id} vs ${other.id}`).toEqual({
          action: outcome(first!).action,
          staff: outcome(first!).staff,
        });
        expect(outcome(first!).reasons).toEqual(expect.arrayContaining([...outcome(other).reasons]));
        overlaps.add(`${first?.id} > ${other.id}`);
      }
    }
    expect([...overlaps]).toEqual(['kouki-certificate-for-all-ended > eligibility-certificate-expired']);
  });

  it('cover every document and situation from 2025-09-19 on (the smartphone start), so no query falls through', () => {
    for (const facts of allFacts()) {
      if (facts.today < '2025-09-19') continue;
      expect(
        entries.some((e) => entryMatches(e, facts)),
        `${facts.document} ${facts.today} ${facts.printed}`,
      ).toBe(true);
    }
  });

  it('are each reachable', () => {
    const reached = new Set<string>();
    for (const facts of allFacts()) {
      const hit = entries.find((e) => entryMatches(e, facts));
      if (hit) reached.add(hit.id);
    }
    expect([...reached].sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it('carry the dates of the sources: 2025-12-01 / 2025-12-02, 2026-07-31 / 2026-08-01, and the 2025-06-27 notice window', () => {
    expect(byId('old-card-valid')).toMatchObject({ from: null, until: '2025-12-01' });
    expect(byId('old-card-provisional')).toMatchObject({ from: '2025-12-02', until: '2026-07-31' });
    expect(byId('old-card-provisional')?.source).toMatch(/2025-11-12.*2026-03-19/);
    expect(byId('old-card-ended')).toMatchObject({ from: '2026-08-01', until: null });
    expect(byId('old-card-provisional-kokuho-kouki')).toMatchObject({ from: '2025-08-01', until: '2025-12-01' });
    expect(byId('notice-only-provisional')).toMatchObject({ from: '2025-12-02', until: '2026-07-31' });
    expect(byId('notice-only-refused')).toMatchObject({ from: '2026-08-01', until: null });
    expect(byId('kouki-certificate-for-all-ended')).toMatchObject({ from: '2026-08-01' });
    expect(byId('myna-smartphone')).toMatchObject({ from: '2025-09-19' });
    expect(byId('eligibility-certificate-valid')).toMatchObject({ from: '2024-12-02' });
  });

  it('use every reason code that is not produced by the engine or the clinic layers themselves', () => {
    const fromLayers: ReasonCode[] = [
      'invalid-input',
      'unknown-document',
      'no-rule-in-force',
      'printed-date-unreadable',
      'printed-date-implausible',
      'birth-date-unreadable',
      'clinic-policy-staff-confirmation',
      'clinic-policy-refusal',
      'clinic-override',
    ];
    const used = new Set(entries.flatMap((e) => [...e.online.reasons, ...e.offline.reasons]));
    expect(REASON_CODES.filter((c) => !used.has(c) && !fromLayers.includes(c))).toEqual([]);
    expect(fromLayers.filter((c) => used.has(c))).toEqual([]);
  });

  it('list what is in force on a day, for the admin screen', () => {
    expect(entriesInForce(NATIONAL_TIMELINE, '2026-11-25').map((e) => e.id)).toEqual([
      'old-card-ended',
      'eligibility-certificate-valid',
      'eligibility-certificate-no-date',
      'kouki-certificate-for-all-ended',
      'eligibility-certificate-expired',
      'myna-card',
      'myna-smartphone',
      'myna-smartphone-no-reader',
      'portal-screen-with-card',
      'portal-pdf-with-card',
      'notice-with-card',
      'notice-only-refused',
      'no-document',
    ]);
    expect(entriesInForce(NATIONAL_TIMELINE, '2026-07-31').map((e) => e.id)).toContain('old-card-provisional');
    expect(entriesInForce(NATIONAL_TIMELINE, '2026-08-01').map((e) => e.id)).not.toContain('old-card-provisional');
  });
});

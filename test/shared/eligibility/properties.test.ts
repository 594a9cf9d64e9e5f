/** fast-check properties: the engine is total, and a clinic policy can only make decisions stricter. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_ACTIONS } from '../../../shared/eligibility/documents';
import { decideUnguarded } from '../../../shared/eligibility/engine';
import type { EligibilityDecision, EligibilityOverride, EligibilityQuery } from '../../../shared/eligibility/index';
import {
  applyClinicPolicy,
  applyOverrides,
  decideEligibility,
  isAtLeastAsStrict,
  NATIONAL_TIMELINE,
} from '../../../shared/eligibility/index';
import type { AlsoNeededCode } from '../../../shared/eligibility/reasons';
import { ALSO_NEEDED_CODES, ALSO_NEEDED_KIND, REASON_CODES } from '../../../shared/eligibility/reasons';
import { anyQuery, clinicPolicy, garbageQuery, wellFormedQuery } from './arbitraries';

const RUNS = { numRuns: 1000 };

function expectWellFormed(d: EligibilityDecision) {
  expect(ELIGIBILITY_ACTIONS).toContain(d.action);
  expect(typeof d.staff).toBe('boolean');
  expect(d.reasons.length).toBeGreaterThan(0);
  for (const r of d.reasons) expect(REASON_CODES).toContain(r);
  for (const a of d.alsoNeeded) expect(ALSO_NEEDED_CODES).toContain(a);
  expect(new Set(d.reasons).size).toBe(d.reasons.length);
  expect(new Set(d.alsoNeeded).size).toBe(d.alsoNeeded.length);
}

describe('totality', () => {
  it('any query, however malformed, gives a well-formed decision and never throws (even unguarded)', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        expectWellFormed(decideEligibility(query as EligibilityQuery));
        expectWellFormed(decideUnguarded(query, NATIONAL_TIMELINE));
      }),
      RUNS,
    );
  });

  it('malformed queries that cannot be read are refused with staff', () => {
    fc.assert(
      fc.property(garbageQuery, (query) => {
        const d = decideEligibility(query as EligibilityQuery);
        if (d.reasons.includes('invalid-input') || d.reasons.includes('unknown-document')) {
          expect(d).toEqual({ action: 'refuse', staff: true, alsoNeeded: [], reasons: [d.reasons[0]] });
        }
      }),
      RUNS,
    );
  });

  it('a well-formed query is always read, and from 2025-09-19 always meets a rule', () => {
    fc.assert(
      fc.property(wellFormedQuery, (query) => {
        const d = decideEligibility(query);
        expect(d.reasons).not.toContain('invalid-input');
        expect(d.reasons).not.toContain('unknown-document');
        if (query.today >= '2025-09-19') expect(d.reasons).not.toContain('no-rule-in-force');
        expect(d.ruleId === undefined).toBe(d.reasons.includes('no-rule-in-force'));
      }),
      RUNS,
    );
  });

  it('a refusal asks only for what would make the document usable, never for extra certificates', () => {
    fc.assert(
      fc.property(wellFormedQuery, (query) => {
        const d = decideEligibility(query);
        if (d.action === 'refuse') for (const a of d.alsoNeeded) expect(a).toBe('my-number-card');
        if (d.action !== 'refuse')
          for (const a of d.alsoNeeded) expect(['ask', 'if-held']).toContain(ALSO_NEEDED_KIND[a as AlsoNeededCode]);
      }),
      RUNS,
    );
  });
});

describe('a stricter clinic policy never loosens', () => {
  it('a national refusal stays a refusal and staff: true stays true, for any policy and any query', () => {
    fc.assert(
      fc.property(clinicPolicy, anyQuery, (policy, query) => {
        const national = decideEligibility(query as EligibilityQuery);
        const clinic = decideEligibility(query as EligibilityQuery, applyClinicPolicy(NATIONAL_TIMELINE, policy));
        expect(isAtLeastAsStrict(clinic, national)).toBe(true);
        if (national.action === 'refuse') expect(clinic.action).toBe('refuse');
        if (national.staff) expect(clinic.staff).toBe(true);
      }),
      RUNS,
    );
  });

  it('holds over a timeline with overrides too, and stacking policies only tightens further', () => {
    const override: EligibilityOverride = {
      id: 'extend-provisional',
      from: '2026-08-01',
      until: '2026-09-30',
      reason: 'test',
      approvedBy: 'tester',
      document: 'insurance-card',
      online: { action: 'verify-numbers', staff: false, reasons: ['old-card-provisional'] },
      offline: {
        action: 'record-numbers',
        staff: false,
        reasons: ['old-card-provisional', 'numbers-recorded-offline'],
      },
    };
    const withOverride = applyOverrides(NATIONAL_TIMELINE, [override]).timeline;
    fc.assert(
      fc.property(clinicPolicy, clinicPolicy, wellFormedQuery, (p1, p2, query) => {
        const base = decideEligibility(query, withOverride);
        const once = decideEligibility(query, applyClinicPolicy(withOverride, p1));
        const twice = decideEligibility(query, applyClinicPolicy(applyClinicPolicy(withOverride, p1), p2));
        expect(isAtLeastAsStrict(once, base)).toBe(true);
        expect(isAtLeastAsStrict(twice, once)).toBe(true);
      }),
      RUNS,
    );
  });
});

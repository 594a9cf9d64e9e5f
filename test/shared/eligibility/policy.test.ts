/** Clinic settings (only stricter) and overrides (explicit, dated, approved, audited). */
import { describe, expect, it } from 'vitest';
import type { EligibilityOverride, RuleTimeline } from '../../../shared/eligibility/index';
import {
  applyClinicPolicy,
  applyOverrides,
  buildClinicTimeline,
  checkOverride,
  decideEligibility,
  findLoosenings,
  isAtLeastAsStrict,
  NATIONAL_TIMELINE,
} from '../../../shared/eligibility/index';

const TODAY = '2026-11-25';
const cert = { document: 'eligibility-certificate', today: TODAY, printedValidUntil: '2027-07-31' } as const;

describe('applyClinicPolicy', () => {
  it('keeps the entries, their order and conditions; only outcomes change, and it says which switch did it', () => {
    const t = applyClinicPolicy(NATIONAL_TIMELINE, { staffConfirmOfflineAcceptance: true });
    expect(t.id).toBe('national+policy');
    expect(t.entries.map((e) => [e.id, e.document, e.from, e.until, e.when])).toEqual(
      NATIONAL_TIMELINE.entries.map((e) => [e.id, e.document, e.from, e.until, e.when]),
    );
    expect(t.entries.find((e) => e.id === 'eligibility-certificate-valid')?.tightenedBy).toEqual([
      'staffConfirmOfflineAcceptance',
    ]);
    expect(t.entries.find((e) => e.id === 'myna-card')?.tightenedBy).toBeUndefined(); // offline already staff
    expect(
      NATIONAL_TIMELINE.entries.find((e) => e.id === 'eligibility-certificate-valid')?.tightenedBy,
    ).toBeUndefined();
  });

  it('staffConfirmOfflineAcceptance: every offline acceptance needs staff; online untouched', () => {
    const t = applyClinicPolicy(NATIONAL_TIMELINE, { staffConfirmOfflineAcceptance: true });
    expect(decideEligibility({ ...cert, online: false }, t)).toMatchObject({
      action: 'record-numbers',
      staff: true,
      reasons: ['eligibility-certificate-valid', 'numbers-recorded-offline', 'clinic-policy-staff-confirmation'],
    });
    expect(decideEligibility({ ...cert, online: true }, t)).toMatchObject({ action: 'verify-numbers', staff: false });
    // Refusals stay as they are: the policy has nothing to confirm.
    expect(decideEligibility({ document: 'insurance-card', today: TODAY, online: false }, t)).toMatchObject({
      action: 'refuse',
      staff: false,
      reasons: ['old-card-ended'],
    });
  });

  it('staffConfirmEveryAcceptance and staffConfirmDocuments', () => {
    const every = applyClinicPolicy(NATIONAL_TIMELINE, { staffConfirmEveryAcceptance: true });
    expect(decideEligibility({ document: 'myna-card', today: TODAY, online: true }, every)).toMatchObject({
      action: 'read-card',
      staff: true,
      reasons: ['myna-card-read', 'clinic-policy-staff-confirmation'],
    });
    const some = applyClinicPolicy(NATIONAL_TIMELINE, { staffConfirmDocuments: ['eligibility-certificate'] });
    expect(decideEligibility({ ...cert, online: true }, some).staff).toBe(true);
    expect(decideEligibility({ document: 'myna-card', today: TODAY, online: true }, some).staff).toBe(false);
  });

  it('smartphoneReader: false refuses the smartphone even when the query claims a reader; true adds nothing', () => {
    const q = { document: 'myna-smartphone', today: TODAY, online: true, smartphoneReader: true } as const;
    expect(decideEligibility(q, applyClinicPolicy(NATIONAL_TIMELINE, { smartphoneReader: false }))).toMatchObject({
      action: 'refuse',
      reasons: ['smartphone-reader-unavailable'],
    });
    const withReader = applyClinicPolicy(NATIONAL_TIMELINE, { smartphoneReader: true });
    expect(decideEligibility({ ...q, smartphoneReader: false }, withReader).action).toBe('refuse');
    expect(decideEligibility(q, withReader).action).toBe('read-card');
  });

  it('refuseNoticeWithCardOffline / refusePortalWithCardOffline refuse offline only', () => {
    const t = applyClinicPolicy(NATIONAL_TIMELINE, {
      refuseNoticeWithCardOffline: true,
      refusePortalWithCardOffline: true,
    });
    for (const document of ['notice-with-card', 'portal-screen-with-card', 'portal-pdf-with-card'] as const) {
      expect(decideEligibility({ document, today: TODAY, online: false }, t)).toMatchObject({
        action: 'refuse',
        staff: true,
        alsoNeeded: [],
        reasons: ['clinic-policy-refusal'],
      });
      expect(decideEligibility({ document, today: TODAY, online: true }, t).action).toBe('verify-numbers');
    }
  });

  it('refuseDocuments refuses those documents always', () => {
    const t = applyClinicPolicy(NATIONAL_TIMELINE, { refuseDocuments: ['portal-pdf-with-card'] });
    expect(decideEligibility({ document: 'portal-pdf-with-card', today: TODAY, online: true }, t).reasons).toEqual([
      'clinic-policy-refusal',
    ]);
    expect(decideEligibility({ document: 'portal-screen-with-card', today: TODAY, online: true }, t).action).toBe(
      'verify-numbers',
    );
  });
});

const extendProvisional: EligibilityOverride = {
  id: 'ovr-2026-001',
  from: '2026-08-01',
  until: '2026-09-30',
  reason: '厚労省 事務連絡 (hypothetical) extending the 暫定措置 to 2026-09-30',
  approvedBy: '院長 山田',
  approvedOn: '2026-07-30',
  document: 'insurance-card',
  online: { action: 'verify-numbers', staff: false, reasons: ['old-card-provisional'] },
  offline: { action: 'record-numbers', staff: true, reasons: ['old-card-provisional', 'numbers-recorded-offline'] },
};

describe('overrides', () => {
  it('loosen only on their dates, and mark every decision they make', () => {
    const { timeline, rejected } = applyOverrides(NATIONAL_TIMELINE, [extendProvisional]);
    expect(rejected).toEqual([]);
    expect(timeline.id).toBe('national+overrides');
    expect(timeline.entries[0]).toMatchObject({
      id: 'override:ovr-2026-001',
      override: { id: 'ovr-2026-001', approvedBy: '院長 山田', approvedOn: '2026-07-30' },
    });
    expect(decideEligibility({ document: 'insurance-card', today: '2026-08-15', online: true }, timeline)).toEqual({
      action: 'verify-numbers',
      staff: false,
      alsoNeeded: [],
      reasons: ['old-card-provisional', 'clinic-override'],
      ruleId: 'override:ovr-2026-001',
      overrideId: 'ovr-2026-001',
    });
    expect(
      decideEligibility({ document: 'insurance-card', today: '2026-10-01', online: true }, timeline).reasons,
    ).toEqual(['old-card-ended']);
    expect(decideEligibility({ document: 'insurance-card', today: '2026-07-31', online: true }, timeline).ruleId).toBe(
      'old-card-provisional',
    );
    // The national timeline itself is untouched.
    expect(decideEligibility({ document: 'insurance-card', today: '2026-08-15', online: true }).reasons).toEqual([
      'old-card-ended',
    ]);
  });

  it('are not applied unless passed in', () => {
    expect(applyOverrides(NATIONAL_TIMELINE, []).timeline).toBe(NATIONAL_TIMELINE);
  });

  it('are checked: dated, reasoned, approved, known document and codes, unique ids', () => {
    expect(checkOverride(extendProvisional)).toEqual([]);
    const broken = {
      ...extendProvisional,
      id: ' ',
      from: '2026-10-01',
      until: '2026-09-30',
      reason: '',
      approvedBy: '  ',
      document: 'passport',
      online: { action: 'accept', staff: false, reasons: [] },
    } as unknown as EligibilityOverride;
    expect(checkOverride(broken)).toEqual([
      'id-missing',
      'dates-reversed',
      'reason-missing',
      'approver-missing',
      'document-unknown',
      'outcome-invalid',
    ]);
    expect(checkOverride({ ...extendProvisional, until: 'open' } as EligibilityOverride)).toEqual(['dates-invalid']);
    expect(checkOverride({ ...extendProvisional, until: undefined } as unknown as EligibilityOverride)).toEqual([
      'dates-invalid',
    ]);
    expect(
      checkOverride({
        ...extendProvisional,
        online: { ...extendProvisional.online, reasons: ['made-up'] },
      } as unknown as EligibilityOverride),
    ).toEqual(['outcome-invalid']);

    const { timeline, rejected } = applyOverrides(NATIONAL_TIMELINE, [extendProvisional, broken, extendProvisional]);
    expect(rejected).toEqual([
      {
        id: ' ',
        problems: [
          'id-missing',
          'dates-reversed',
          'reason-missing',
          'approver-missing',
          'document-unknown',
          'outcome-invalid',
        ],
      },
      { id: 'ovr-2026-001', problems: ['id-duplicate'] },
    ]);
    expect(timeline.entries.filter((e) => e.override).length).toBe(1);
  });

  it('sit under the clinic policy: a stricter setting also covers what an override accepts', () => {
    const { timeline, rejectedOverrides } = buildClinicTimeline({
      overrides: [{ ...extendProvisional, offline: { ...extendProvisional.offline, staff: false } }],
      policy: { staffConfirmOfflineAcceptance: true },
    });
    expect(rejectedOverrides).toEqual([]);
    expect(timeline.id).toBe('national+overrides+policy');
    expect(
      decideEligibility({ document: 'insurance-card', today: '2026-08-15', online: false }, timeline),
    ).toMatchObject({
      action: 'record-numbers',
      staff: true,
      overrideId: 'ovr-2026-001',
    });
    expect(buildClinicTimeline({}).timeline).toBe(NATIONAL_TIMELINE);
  });
});

describe('findLoosenings', () => {
  it('finds nothing in the national timeline, a policy over it, or an override (which is audited instead)', () => {
    expect(findLoosenings(NATIONAL_TIMELINE)).toEqual([]);
    expect(
      findLoosenings(
        applyClinicPolicy(NATIONAL_TIMELINE, { staffConfirmEveryAcceptance: true, refuseDocuments: ['nothing'] }),
      ),
    ).toEqual([]);
    expect(findLoosenings(applyOverrides(NATIONAL_TIMELINE, [extendProvisional]).timeline)).toEqual([]);
  });

  it('catches a silent edit: a rule loosened without an override', () => {
    const edited: RuleTimeline = {
      ...NATIONAL_TIMELINE,
      id: 'hand-edited',
      entries: NATIONAL_TIMELINE.entries.map((e) =>
        e.id === 'old-card-provisional' ? { ...e, until: '2026-09-30' } : e,
      ),
    };
    const found = findLoosenings(edited);
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every(
        (l) => l.query.document === 'insurance-card' && l.query.today >= '2026-08-01' && l.query.today <= '2026-09-30',
      ),
    ).toBe(true);
    expect(found[0]?.baseline.action).toBe('refuse');
  });

  it('catches dropped staff confirmation', () => {
    const edited: RuleTimeline = {
      ...NATIONAL_TIMELINE,
      entries: NATIONAL_TIMELINE.entries.map((e) =>
        e.id === 'no-document' ? { ...e, online: { ...e.online, staff: false } } : e,
      ),
    };
    const found = findLoosenings(edited);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((l) => l.query.document === 'nothing' && l.query.online && !l.candidate.staff)).toBe(true);
  });
});

describe('isAtLeastAsStrict', () => {
  const d = (action: 'refuse' | 'verify-numbers', staff: boolean) => ({ action, staff, alsoNeeded: [], reasons: [] });
  it.each([
    ['refuse+staff vs verify', d('refuse', true), d('verify-numbers', false), true],
    ['refuse vs refuse', d('refuse', false), d('refuse', false), true],
    ['verify+staff vs verify', d('verify-numbers', true), d('verify-numbers', false), true],
    ['verify vs refuse', d('verify-numbers', false), d('refuse', false), false],
    ['verify vs verify+staff', d('verify-numbers', false), d('verify-numbers', true), false],
    ['refuse vs refuse+staff', d('refuse', false), d('refuse', true), false],
  ])('%s', (_label, a, b, expected) => {
    expect(isAtLeastAsStrict(a, b)).toBe(expected);
  });
});

/** How the engine reads doubtful input: it always answers, and doubt goes to a receptionist. */
import { describe, expect, it } from 'vitest';
import type { EligibilityQuery } from '../../../shared/eligibility/index';
import { decideEligibility } from '../../../shared/eligibility/index';
import { decideUnguarded } from '../../../shared/eligibility/engine';
import { NATIONAL_TIMELINE } from '../../../shared/eligibility/timeline';

const TODAY = '2026-11-25';
const loose = (q: unknown) => decideEligibility(q as EligibilityQuery);

describe('unusable queries', () => {
  it.each([null, undefined, 42, 'myna-card', [], true])('%j → refuse, staff, invalid-input', (q) => {
    expect(loose(q)).toEqual({ action: 'refuse', staff: true, alsoNeeded: [], reasons: ['invalid-input'] });
  });

  it.each(['2026-02-30', '2026-11-25T09:00', '25/11/2026', '', undefined, 20261125])(
    'today %j → invalid-input',
    (today) => {
      expect(loose({ document: 'myna-card', today, online: true })).toEqual({
        action: 'refuse',
        staff: true,
        alsoNeeded: [],
        reasons: ['invalid-input'],
      });
    },
  );

  it.each(['passport', 'MYNA-CARD', '', undefined, 3])('document %j → unknown-document', (document) => {
    expect(loose({ document, today: TODAY, online: true })).toEqual({
      action: 'refuse',
      staff: true,
      alsoNeeded: [],
      reasons: ['unknown-document'],
    });
  });

  it('reads anything but online === true as offline, which is the side that asks for staff', () => {
    for (const online of [undefined, 'true', 1, null]) {
      expect(loose({ document: 'myna-card', today: TODAY, online })).toMatchObject({
        action: 'self-declaration',
        staff: true,
      });
    }
  });

  it('reads a missing smartphoneReader as "no reader" (the contract default)', () => {
    expect(loose({ document: 'myna-smartphone', today: TODAY, online: true, smartphoneReader: 'yes' }).reasons).toEqual(
      ['smartphone-reader-unavailable'],
    );
  });

  it('falls back to staff when a hand-built timeline is broken, instead of throwing', () => {
    const broken = {
      ...NATIONAL_TIMELINE,
      entries: [{ id: 'broken', document: 'myna-card', from: null, until: null, online: undefined }],
    };
    const query: EligibilityQuery = { document: 'myna-card', today: TODAY, online: true };
    expect(() => decideUnguarded(query, broken as never)).toThrow();
    expect(decideEligibility(query, broken as never)).toEqual({
      action: 'refuse',
      staff: true,
      alsoNeeded: [],
      reasons: ['invalid-input'],
    });
  });
});

describe('printed expiry', () => {
  it('an unreadable date on a 資格確認書 counts as missing, and staff read the card', () => {
    for (const printedValidUntil of ['2027-02-30', 'R9.7.31', '2027/07/31']) {
      expect(
        loose({ document: 'eligibility-certificate', today: TODAY, online: true, printedValidUntil }),
      ).toMatchObject({
        action: 'verify-numbers',
        staff: true,
        reasons: ['eligibility-certificate-check-printed-date', 'printed-date-unreadable'],
      });
    }
  });

  it('an empty printed date is simply missing', () => {
    expect(
      loose({ document: 'eligibility-certificate', today: TODAY, online: true, printedValidUntil: '' }).reasons,
    ).toEqual(['eligibility-certificate-check-printed-date']);
  });

  it('a date more than 5 years ahead is accepted for staff to check', () => {
    const ok = decideEligibility({
      document: 'eligibility-certificate',
      today: TODAY,
      online: true,
      printedValidUntil: '2031-11-25',
    });
    expect(ok).toMatchObject({ action: 'verify-numbers', staff: false, reasons: ['eligibility-certificate-valid'] });
    const far = decideEligibility({
      document: 'eligibility-certificate',
      today: TODAY,
      online: true,
      printedValidUntil: '2031-11-26',
    });
    expect(far).toMatchObject({
      action: 'verify-numbers',
      staff: true,
      reasons: ['eligibility-certificate-valid', 'printed-date-implausible'],
    });
  });

  it('an old card without a printed date is treated as expired by 2025-12-01 anyway', () => {
    expect(decideEligibility({ document: 'insurance-card', today: TODAY, online: true }).reasons).toEqual([
      'old-card-ended',
    ]);
    expect(decideEligibility({ document: 'insurance-card', today: '2026-01-10', online: true }).reasons).toEqual([
      'old-card-provisional',
    ]);
  });

  it('is ignored for documents whose rules do not look at it', () => {
    expect(loose({ document: 'myna-card', today: TODAY, online: true, printedValidUntil: 'garbage' })).toMatchObject({
      staff: false,
      reasons: ['myna-card-read'],
    });
  });
});

describe('birth date', () => {
  it('unreadable or in the future: no age question, and staff check it where age matters', () => {
    for (const birthDate of ['1954-02-30', '2026-11-26', 'S29.4.1']) {
      const d = loose({
        document: 'eligibility-certificate',
        today: TODAY,
        online: true,
        printedValidUntil: '2027-07-31',
        birthDate,
      });
      expect(d).toMatchObject({
        action: 'verify-numbers',
        staff: true,
        reasons: ['eligibility-certificate-valid', 'birth-date-unreadable'],
      });
      expect(d.alsoNeeded).not.toContain('elderly-recipient-certificate');
    }
  });

  it('does not bother staff where age does not matter', () => {
    expect(loose({ document: 'myna-card', today: TODAY, online: true, birthDate: 'garbage' })).toMatchObject({
      staff: false,
      reasons: ['myna-card-read'],
    });
  });

  it('born today is a valid birth date', () => {
    expect(decideEligibility({ document: 'nothing', today: TODAY, online: true, birthDate: TODAY }).reasons).toEqual([
      'no-document-self-pay',
    ]);
  });
});

describe('decision shape', () => {
  it('names the deciding rule, and keeps alsoNeeded in a fixed order without duplicates', () => {
    const d = decideEligibility({
      document: 'eligibility-certificate',
      today: TODAY,
      online: false,
      printedValidUntil: '2027-07-31',
      birthDate: '1955-01-01',
    });
    expect(d.ruleId).toBe('eligibility-certificate-valid');
    expect(d.overrideId).toBeUndefined();
    expect(d.alsoNeeded).toEqual([
      'elderly-recipient-certificate',
      'limit-certificate',
      'specific-disease-certificate',
      'public-expense-certificate',
    ]);
  });

  it('returns fresh arrays: a caller mutating a decision cannot change the rules', () => {
    const first = decideEligibility({ document: 'notice-only', today: TODAY, online: true });
    first.reasons.push('tampered');
    first.alsoNeeded.length = 0;
    expect(decideEligibility({ document: 'notice-only', today: TODAY, online: true })).toMatchObject({
      reasons: ['notice-alone-not-accepted'],
      alsoNeeded: ['my-number-card'],
    });
  });
});

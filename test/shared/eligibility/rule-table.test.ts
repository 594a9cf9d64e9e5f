/**
 * Every row of rules-and-products.md Table (b), on dates before, on and after each boundary
 * (2025-07-31/08-01 for the 国保・後期 notice, 2025-12-01/02, 2026-07-31/08-01, and today 2026-11-25),
 * online and offline. Expectations are written out literally, row by row, so they can be read against the
 * table without reading the engine.
 */
import { describe, expect, it } from 'vitest';
import type { EligibilityDecision, EligibilityQuery } from '../../../shared/eligibility/index';
import { decideEligibility } from '../../../shared/eligibility/index';
import { addDays } from '../../../shared/insurance/dates';

type Expect = Pick<EligibilityDecision, 'action' | 'staff' | 'reasons'> & { alsoNeeded?: string[] };

const decide = (query: EligibilityQuery) => decideEligibility(query);
const core = (d: EligibilityDecision) => ({ action: d.action, staff: d.staff, reasons: d.reasons });

/** Around every national boundary and today. */
const DATES = [
  '2025-07-31',
  '2025-08-01',
  '2025-11-30',
  '2025-12-01',
  '2025-12-02',
  '2026-03-31',
  '2026-04-01',
  '2026-07-30',
  '2026-07-31',
  '2026-08-01',
  '2026-11-25',
];

const IF_HELD = ['limit-certificate', 'specific-disease-certificate', 'public-expense-certificate'];

describe('マイナ保険証 (card): read online; offline, card + 申立書 verified later', () => {
  it.each(DATES)('%s', (today) => {
    expect(decide({ document: 'myna-card', today, online: true })).toEqual({
      action: 'read-card',
      staff: false,
      alsoNeeded: [],
      reasons: ['myna-card-read'],
      ruleId: 'myna-card',
    });
    // Row "申立書 + card": offline (初診), the clinic keeps the form and bills as 不詳.
    expect(decide({ document: 'myna-card', today, online: false })).toEqual({
      action: 'self-declaration',
      staff: true,
      alsoNeeded: [],
      reasons: ['myna-card-offline-self-declaration'],
      ruleId: 'myna-card',
    });
  });

  it('needs no 限度額 certificate: the reader supplies 限度区分, even at 70–74', () => {
    expect(
      decide({ document: 'myna-card', today: '2026-11-25', online: true, birthDate: '1954-04-01' }).alsoNeeded,
    ).toEqual([]);
  });
});

describe('スマホのマイナ保険証: only with a smartphone reader and online', () => {
  it.each(DATES.filter((d) => d >= '2025-09-19'))('%s', (today) => {
    expect(core(decide({ document: 'myna-smartphone', today, online: true, smartphoneReader: true }))).toEqual({
      action: 'read-card',
      staff: false,
      reasons: ['smartphone-read'],
    });
    expect(core(decide({ document: 'myna-smartphone', today, online: false, smartphoneReader: true }))).toEqual({
      action: 'refuse',
      staff: false,
      reasons: ['smartphone-needs-online'],
    });
    for (const online of [true, false]) {
      for (const smartphoneReader of [false, undefined]) {
        expect(
          core(
            decide({
              document: 'myna-smartphone',
              today,
              online,
              ...(smartphoneReader === false ? { smartphoneReader } : {}),
            }),
          ),
        ).toEqual({
          action: 'refuse',
          staff: false,
          reasons: ['smartphone-reader-unavailable'],
        });
      }
    }
  });

  it('did not exist before 2025-09-19: staff decide', () => {
    expect(
      core(decide({ document: 'myna-smartphone', today: '2025-09-18', online: true, smartphoneReader: true })),
    ).toEqual({
      action: 'refuse',
      staff: true,
      reasons: ['no-rule-in-force'],
    });
    expect(
      decide({ document: 'myna-smartphone', today: '2025-09-19', online: true, smartphoneReader: true }).action,
    ).toBe('read-card');
  });
});

describe('資格確認書: valid to its printed date; verify online, record offline; refused once expired', () => {
  const cases = DATES.map((today) => [today] as const);
  it.each(cases)('%s: printed today (last valid day), far ahead, yesterday, missing', (today) => {
    const yesterday = addDays(today, -1);
    for (const printedValidUntil of [today, '2030-07-31']) {
      expect(decide({ document: 'eligibility-certificate', today, online: true, printedValidUntil })).toEqual({
        action: 'verify-numbers',
        staff: false,
        alsoNeeded: IF_HELD,
        reasons: ['eligibility-certificate-valid'],
        ruleId: 'eligibility-certificate-valid',
      });
      expect(core(decide({ document: 'eligibility-certificate', today, online: false, printedValidUntil }))).toEqual({
        action: 'record-numbers',
        staff: false,
        reasons: ['eligibility-certificate-valid', 'numbers-recorded-offline'],
      });
    }
    for (const online of [true, false]) {
      expect(yesterday).toBeDefined();
      expect(
        decide({
          document: 'eligibility-certificate',
          today,
          online,
          ...(yesterday ? { printedValidUntil: yesterday } : {}),
        }),
      ).toEqual({
        action: 'refuse',
        staff: false,
        alsoNeeded: [],
        reasons: ['eligibility-certificate-expired'],
        ruleId: 'eligibility-certificate-expired',
      });
      expect(core(decide({ document: 'eligibility-certificate', today, online }))).toEqual({
        action: online ? 'verify-numbers' : 'record-numbers',
        staff: true,
        reasons: online
          ? ['eligibility-certificate-check-printed-date']
          : ['eligibility-certificate-check-printed-date', 'numbers-recorded-offline'],
      });
    }
  });

  it('asks for the 高齢受給者証 at 70–74 on the day, as a question, online and offline', () => {
    const base = { document: 'eligibility-certificate', today: '2026-11-25', printedValidUntil: '2027-07-31' } as const;
    for (const online of [true, false]) {
      expect(decide({ ...base, online, birthDate: '1956-11-25' }).alsoNeeded).toEqual([
        'elderly-recipient-certificate',
        ...IF_HELD,
      ]); // 70 today
      expect(decide({ ...base, online, birthDate: '1951-11-26' }).alsoNeeded).toEqual([
        'elderly-recipient-certificate',
        ...IF_HELD,
      ]); // 74, 75 tomorrow
      expect(decide({ ...base, online, birthDate: '1956-11-26' }).alsoNeeded).toEqual(IF_HELD); // 69, 70 tomorrow
      expect(decide({ ...base, online, birthDate: '1951-11-25' }).alsoNeeded).toEqual(IF_HELD); // 75 today: 後期
      expect(decide({ ...base, online, birthDate: '1956-11-25' }).action).not.toBe('refuse');
    }
  });

  it('did not exist before 2024-12-02: staff decide', () => {
    expect(
      core(
        decide({
          document: 'eligibility-certificate',
          today: '2024-12-01',
          online: true,
          printedValidUntil: '2025-07-31',
        }),
      ),
    ).toEqual({
      action: 'refuse',
      staff: true,
      reasons: ['no-rule-in-force'],
    });
    expect(
      decide({
        document: 'eligibility-certificate',
        today: '2024-12-02',
        online: true,
        printedValidUntil: '2025-07-31',
      }).action,
    ).toBe('verify-numbers');
  });
});

describe('後期: 資格確認書 for everyone ended 2026-07-31', () => {
  const kouki = {
    document: 'eligibility-certificate',
    printedValidUntil: '2026-07-31',
    birthDate: '1946-05-10',
  } as const;
  it.each([true, false])('online %s', (online) => {
    expect(decide({ ...kouki, today: '2026-07-31', online }).action).toBe(online ? 'verify-numbers' : 'record-numbers');
    expect(core(decide({ ...kouki, today: '2026-08-01', online }))).toEqual({
      action: 'refuse',
      staff: false,
      reasons: ['eligibility-certificate-expired', 'kouki-certificate-for-all-ended'],
    });
    expect(decide({ ...kouki, today: '2026-11-25', online }).ruleId).toBe('kouki-certificate-for-all-ended');
    // Under 75, or age unknown: the plain expiry guidance.
    expect(decide({ ...kouki, birthDate: '1960-05-10', today: '2026-08-01', online }).reasons).toEqual([
      'eligibility-certificate-expired',
    ]);
    expect(
      decide({ document: 'eligibility-certificate', printedValidUntil: '2026-07-31', today: '2026-08-01', online })
        .reasons,
    ).toEqual(['eligibility-certificate-expired']);
    // A 後期 certificate expired before the period ended gets the plain guidance too.
    expect(decide({ ...kouki, today: '2026-07-31', printedValidUntil: '2026-07-30', online }).reasons).toEqual([
      'eligibility-certificate-expired',
    ]);
  });
});

describe('健康保険証 (old card): own expiry, never after 2025-12-01; 暫定措置 to 2026-07-31; refused from 2026-08-01', () => {
  const VALID_ON: Expect = { action: 'verify-numbers', staff: false, reasons: ['old-card-valid'] };
  const VALID_OFF: Expect = {
    action: 'record-numbers',
    staff: false,
    reasons: ['old-card-valid', 'numbers-recorded-offline'],
  };
  const EXPIRED: Expect = { action: 'refuse', staff: false, reasons: ['old-card-expired'] };
  const KK_ON: Expect = { action: 'verify-numbers', staff: true, reasons: ['old-card-provisional-kokuho-kouki'] };
  const KK_OFF: Expect = {
    action: 'record-numbers',
    staff: true,
    reasons: ['old-card-provisional-kokuho-kouki', 'numbers-recorded-offline'],
  };
  const PROV_ON: Expect = { action: 'verify-numbers', staff: false, reasons: ['old-card-provisional'] };
  const PROV_OFF: Expect = {
    action: 'record-numbers',
    staff: true,
    reasons: ['old-card-provisional', 'numbers-recorded-offline'],
  };
  const ENDED: Expect = { action: 'refuse', staff: false, reasons: ['old-card-ended'] };

  // [printed expiry, today, online, offline]
  const rows: [string | undefined, string, Expect, Expect][] = [
    // No printed expiry (協会けんぽ and most 組合 cards): valid to 2025-12-01 exactly.
    [undefined, '2025-07-31', VALID_ON, VALID_OFF],
    [undefined, '2025-08-01', VALID_ON, VALID_OFF],
    [undefined, '2025-11-30', VALID_ON, VALID_OFF],
    [undefined, '2025-12-01', VALID_ON, VALID_OFF],
    [undefined, '2025-12-02', PROV_ON, PROV_OFF],
    [undefined, '2026-03-31', PROV_ON, PROV_OFF], // the original end of the measure
    [undefined, '2026-04-01', PROV_ON, PROV_OFF], // inside the extension
    [undefined, '2026-07-30', PROV_ON, PROV_OFF],
    [undefined, '2026-07-31', PROV_ON, PROV_OFF],
    [undefined, '2026-08-01', ENDED, ENDED],
    [undefined, '2026-11-25', ENDED, ENDED],
    // A printed expiry after 2025-12-01 does not extend the card.
    ['2026-03-31', '2025-12-01', VALID_ON, VALID_OFF],
    ['2026-03-31', '2025-12-02', PROV_ON, PROV_OFF],
    ['2026-03-31', '2026-03-31', PROV_ON, PROV_OFF],
    ['2026-03-31', '2026-07-31', PROV_ON, PROV_OFF],
    ['2026-03-31', '2026-08-01', ENDED, ENDED],
    // 国保・後期 cards that ended 2025-07-31: the 2025-06-27 notice, then the general measure.
    ['2025-07-31', '2025-07-30', VALID_ON, VALID_OFF],
    ['2025-07-31', '2025-07-31', VALID_ON, VALID_OFF],
    ['2025-07-31', '2025-08-01', KK_ON, KK_OFF],
    ['2025-07-31', '2025-11-30', KK_ON, KK_OFF],
    ['2025-07-31', '2025-12-01', KK_ON, KK_OFF],
    ['2025-07-31', '2025-12-02', PROV_ON, PROV_OFF],
    ['2025-07-31', '2026-07-31', PROV_ON, PROV_OFF],
    ['2025-07-31', '2026-08-01', ENDED, ENDED],
    ['2025-07-31', '2026-11-25', ENDED, ENDED],
    // Expired before any provisional measure.
    ['2025-06-30', '2025-07-01', EXPIRED, EXPIRED],
    ['2025-06-30', '2025-07-31', EXPIRED, EXPIRED],
    ['2025-06-30', '2025-08-01', KK_ON, KK_OFF],
    // Expired in November 2025 (e.g. 70th birthday): the same windows.
    ['2025-11-30', '2025-11-30', VALID_ON, VALID_OFF],
    ['2025-11-30', '2025-12-01', KK_ON, KK_OFF],
    ['2025-11-30', '2025-12-02', PROV_ON, PROV_OFF],
  ];

  it.each(rows)('printed %s on %s', (printedValidUntil, today, online, offline) => {
    const query = { document: 'insurance-card', today, ...(printedValidUntil ? { printedValidUntil } : {}) } as const;
    expect(core(decide({ ...query, online: true }))).toEqual(online);
    expect(core(decide({ ...query, online: false }))).toEqual(offline);
  });

  it('asks the optional certificates only when the card is accepted, and the 高齢受給者証 at 70–74', () => {
    expect(
      decide({ document: 'insurance-card', today: '2025-11-01', online: true, birthDate: '1953-01-01' }).alsoNeeded,
    ).toEqual(['elderly-recipient-certificate', ...IF_HELD]);
    expect(
      decide({ document: 'insurance-card', today: '2026-08-01', online: true, birthDate: '1953-01-01' }).alsoNeeded,
    ).toEqual([]);
  });
});

describe('お知らせ alone: never, except in the 暫定措置 windows with online confirmation', () => {
  const REFUSED: Expect = {
    action: 'refuse',
    staff: false,
    reasons: ['notice-alone-not-accepted'],
    alsoNeeded: ['my-number-card'],
  };
  const NEEDS_ONLINE: Expect = {
    action: 'refuse',
    staff: false,
    reasons: ['notice-alone-needs-online'],
    alsoNeeded: ['my-number-card'],
  };
  const KK: Expect = {
    action: 'verify-numbers',
    staff: true,
    reasons: ['notice-alone-provisional-kokuho-kouki'],
    alsoNeeded: [],
  };
  const PROV: Expect = {
    action: 'verify-numbers',
    staff: false,
    reasons: ['notice-alone-provisional'],
    alsoNeeded: [],
  };
  const rows: [string, Expect, Expect][] = [
    ['2025-07-31', REFUSED, REFUSED],
    ['2025-08-01', KK, NEEDS_ONLINE],
    ['2025-11-30', KK, NEEDS_ONLINE],
    ['2025-12-01', KK, NEEDS_ONLINE],
    ['2025-12-02', PROV, NEEDS_ONLINE],
    ['2026-03-31', PROV, NEEDS_ONLINE],
    ['2026-04-01', PROV, NEEDS_ONLINE],
    ['2026-07-31', PROV, NEEDS_ONLINE],
    ['2026-08-01', REFUSED, REFUSED],
    ['2026-11-25', REFUSED, REFUSED],
  ];
  it.each(rows)('%s', (today, online, offline) => {
    const pick = (d: EligibilityDecision) => ({ ...core(d), alsoNeeded: d.alsoNeeded });
    expect(pick(decide({ document: 'notice-only', today, online: true }))).toEqual(online);
    expect(pick(decide({ document: 'notice-only', today, online: false }))).toEqual(offline);
  });
});

describe('with the physical card: お知らせ, portal screen, portal PDF — verify online, record offline, staff match the card', () => {
  const rows = [
    ['notice-with-card', 'notice-with-card'],
    ['portal-screen-with-card', 'portal-screen-with-card'],
    ['portal-pdf-with-card', 'portal-pdf-with-card'],
  ] as const;
  for (const [document, reason] of rows) {
    it.each(DATES)(`${document} on %s`, (today) => {
      expect(decide({ document, today, online: true })).toEqual({
        action: 'verify-numbers',
        staff: true,
        alsoNeeded: [],
        reasons: [reason, 'staff-confirms-card-holder'],
        ruleId: document,
      });
      expect(decide({ document, today, online: false })).toEqual({
        action: 'record-numbers',
        staff: true,
        alsoNeeded: [],
        reasons: [reason, 'staff-confirms-card-holder', 'numbers-recorded-offline'],
        ruleId: document,
      });
    });
  }
});

describe('nothing: 10割 now, 療養費 later, a receptionist confirms', () => {
  it.each(DATES)('%s', (today) => {
    for (const online of [true, false]) {
      expect(decide({ document: 'nothing', today, online })).toEqual({
        action: 'self-pay',
        staff: true,
        alsoNeeded: [],
        reasons: ['no-document-self-pay'],
        ruleId: 'no-document',
      });
    }
  });
});

import fc from 'fast-check';
import type { ClinicPolicy, EligibilityQuery } from '../../../shared/eligibility/index';
import { PRESENTED_DOCUMENTS } from '../../../shared/eligibility/documents';
import { anyText } from '../insurance/arbitraries';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Real days, biased toward the national boundaries where mistakes would hide. */
export const validDate = fc.oneof(
  fc.constantFrom(
    '2024-12-01',
    '2024-12-02',
    '2025-07-31',
    '2025-08-01',
    '2025-09-18',
    '2025-09-19',
    '2025-11-30',
    '2025-12-01',
    '2025-12-02',
    '2026-03-31',
    '2026-04-01',
    '2026-07-30',
    '2026-07-31',
    '2026-08-01',
    '2026-11-25',
    '2024-02-29',
  ),
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

/** Strings that look like dates but are not, and plain garbage. */
export const badDate = fc.oneof(
  fc.constantFrom(
    '2026-02-29',
    '2026-13-01',
    '2026-11-31',
    '2026-1-5',
    '20261125',
    '2026/11/25',
    '2026-11-25T00:00:00Z',
    '',
    'today',
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  anyText,
);

export const document = fc.constantFrom(...PRESENTED_DOCUMENTS);

/** Well-typed queries with real dates: what a correct caller sends. */
export const wellFormedQuery: fc.Arbitrary<EligibilityQuery> = fc.record(
  {
    document,
    today: validDate,
    online: fc.boolean(),
    printedValidUntil: validDate,
    birthDate: validDate,
    smartphoneReader: fc.boolean(),
  },
  { requiredKeys: ['document', 'today', 'online'] },
);

/** Anything in every field: wrong types, unknown documents, impossible dates, extra keys. */
export const garbageQuery: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.record(
    {
      document: fc.oneof(document, anyText, fc.anything()),
      today: fc.oneof(validDate, badDate, fc.anything()),
      online: fc.oneof(fc.boolean(), fc.anything()),
      printedValidUntil: fc.oneof(validDate, badDate, fc.anything()),
      birthDate: fc.oneof(validDate, badDate, fc.anything()),
      smartphoneReader: fc.oneof(fc.boolean(), fc.anything()),
    },
    { requiredKeys: [] },
  ),
);

export const anyQuery: fc.Arbitrary<unknown> = fc.oneof(wellFormedQuery, garbageQuery);

export const clinicPolicy: fc.Arbitrary<ClinicPolicy> = fc.record(
  {
    staffConfirmOfflineAcceptance: fc.boolean(),
    staffConfirmEveryAcceptance: fc.boolean(),
    staffConfirmDocuments: fc.subarray([...PRESENTED_DOCUMENTS]),
    smartphoneReader: fc.boolean(),
    refuseNoticeWithCardOffline: fc.boolean(),
    refusePortalWithCardOffline: fc.boolean(),
    refuseDocuments: fc.subarray([...PRESENTED_DOCUMENTS]),
  },
  { requiredKeys: [] },
);

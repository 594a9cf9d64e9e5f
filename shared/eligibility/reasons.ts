/**
 * Stable codes carried by every `EligibilityDecision`. They select guidance text (messages.ts) in every
 * language, label decisions on the staff console and in the audit log, and are what tests and the
 * acceptance checks assert on. Add codes freely; never rename or reuse one.
 */

export const REASON_CODES = [
  // Input the engine could not use. Always with staff: true.
  'invalid-input', // `today` is not a real 'YYYY-MM-DD' day, or the query is not an object
  'unknown-document', // `document` is none of the PresentedDocument values
  'no-rule-in-force', // no rule covers this document on this date (e.g. a smartphone before 2025-09-19)
  'printed-date-unreadable', // printedValidUntil given but not a real day: staff reads the card
  'printed-date-implausible', // printed more than 5 years ahead, which no 資格確認書 can be
  'birth-date-unreadable', // birthDate given but not a real day on or before today

  // 健康保険証 (old card)
  'old-card-valid', // within its printed expiry and not after 2025-12-01
  'old-card-expired', // its printed expiry has passed, outside any provisional measure
  'old-card-provisional-kokuho-kouki', // 国保・後期 cards expired 2025-07-31: 事務連絡 2025-06-27
  'old-card-provisional', // 暫定措置 2025-12-02..2026-07-31: accepted if online verification confirms
  'old-card-ended', // from 2026-08-01: never accepted

  // 資格確認書 (eligibility certificate)
  'eligibility-certificate-valid',
  'eligibility-certificate-check-printed-date', // no printed date given: staff reads it
  'eligibility-certificate-expired',
  'kouki-certificate-for-all-ended', // 後期: the "確認書 for everyone" period ended 2026-07-31

  // マイナ保険証 (card and smartphone)
  'myna-card-read', // read on the reader, verified online
  'myna-card-offline-self-declaration', // offline: card + 被保険者資格申立書, verified later
  'smartphone-read',
  'smartphone-reader-unavailable', // this clinic has no reader that takes smartphones
  'smartphone-needs-online', // the smartphone works only through online verification

  // Fallbacks shown together with the physical card
  'portal-screen-with-card', // マイナポータル 資格情報画面 + card
  'portal-pdf-with-card', // マイナポータル 資格情報 PDF + card: check its issue date
  'notice-with-card', // 資格情報のお知らせ / 資格情報通知書 + card
  'staff-confirms-card-holder', // a receptionist compares the card's photo with the person

  // 資格情報のお知らせ alone
  'notice-alone-not-accepted',
  'notice-alone-provisional-kokuho-kouki', // 事務連絡 2025-06-27, 国保・後期 only, online only
  'notice-alone-provisional', // 暫定措置 window, online only
  'notice-alone-needs-online', // in a provisional window but offline now

  // Shared outcomes
  'numbers-recorded-offline', // numbers taken now, verified when the online check is back
  'no-document-self-pay', // 10割 now, claim 療養費 from the insurer later

  // Clinic layers (policy.ts)
  'clinic-policy-staff-confirmation', // the clinic asks staff to confirm this case
  'clinic-policy-refusal', // the clinic does not accept this case although the national rules would
  'clinic-override', // an explicit, dated, approved override decided this case
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value);
}

/**
 * Things to show besides the document presented. Each is a question to the patient, never a refusal:
 * some insurers merge the 高齢受給者証 into the 資格確認書 (Hakodate) and others issue it separately
 * (Osaka) [S9].
 */
export const ALSO_NEEDED_CODES = [
  'elderly-recipient-certificate', // 高齢受給者証: 資格確認書 or old card, age 70–74 [S9]; seed leaflet 004
  'limit-certificate', // 限度額適用認定証 (or 限度区分 printed on the 確認書) [S8]; seed 004
  'specific-disease-certificate', // 特定疾病療養受療証 [S10]; seed 004
  'public-expense-certificate', // local 公費 受給者証 (子ども, ひとり親, 障害…) [S29]
  'my-number-card', // the physical マイナンバーカード: the お知らせ works together with it [S11][S12]
] as const;
export type AlsoNeededCode = (typeof ALSO_NEEDED_CODES)[number];

/**
 * How to ask: 'ask' — ask this patient (the rules point at them); 'if-held' — a general "if you have one,
 * show it too", which most patients answer with no. A screen that lists alsoNeeded as "hand these in"
 * should show only 'ask' items that way and the 'if-held' ones as an optional line.
 */
export const ALSO_NEEDED_KIND: { readonly [C in AlsoNeededCode]: 'ask' | 'if-held' } = {
  'elderly-recipient-certificate': 'ask',
  'limit-certificate': 'if-held',
  'specific-disease-certificate': 'if-held',
  'public-expense-certificate': 'if-held',
  'my-number-card': 'ask',
};

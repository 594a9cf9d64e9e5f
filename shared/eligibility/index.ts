/**
 * Eligibility engine (資格確認の判定): given what the patient presents and today's date, what the clinic
 * may accept and what must happen next. Pure: no I/O, no clock; `today` is an input.
 *
 * The contract types below are fixed (contracts.md §1). The rules are data: a dated `RuleTimeline`
 * (timeline.ts), made stricter by clinic settings or, explicitly and audited, looser by overrides
 * (policy.ts). Guidance text for every reason code is in messages.ts.
 */
import { decideWithTimeline } from './engine';
import type { RuleTimeline } from './timeline';
import { NATIONAL_TIMELINE } from './timeline';

export type PresentedDocument =
  | 'myna-card' // マイナ保険証 (the physical card on the reader)
  | 'myna-smartphone' // スマホのマイナ保険証
  | 'insurance-card' // 従来の健康保険証
  | 'eligibility-certificate' // 資格確認書
  | 'portal-screen-with-card' // マイナポータル 資格情報画面 (phone) + the card
  | 'portal-pdf-with-card' // マイナポータル 資格情報 PDF + the card
  | 'notice-with-card' // 資格情報のお知らせ / 資格情報通知書 + the card
  | 'notice-only' // the notice alone
  | 'nothing'; // no insurance document

export interface EligibilityQuery {
  document: PresentedDocument;
  today: string; // 'YYYY-MM-DD', the clinic's local date
  online: boolean; // オンライン資格確認 usable right now
  printedValidUntil?: string; // 'YYYY-MM-DD' printed on an insurance card or 資格確認書
  birthDate?: string; // 'YYYY-MM-DD'
  smartphoneReader?: boolean; // the clinic has a reader that takes smartphones; default false
}

export type EligibilityAction =
  | 'read-card' // verify online through the card reader (face / PIN / 目視)
  | 'verify-numbers' // take the printed numbers and verify them online now
  | 'record-numbers' // take the printed numbers, accept now, verify when back online
  | 'self-declaration' // 被保険者資格申立書 with the card: record what is declared, verify later
  | 'self-pay' // 10割 now, the patient claims 療養費 from the insurer later
  | 'refuse'; // this document cannot be used today: guide to what works instead

export interface EligibilityDecision {
  action: EligibilityAction;
  staff: boolean; // a receptionist must confirm before the check-in completes
  alsoNeeded: string[]; // e.g. 'elderly-recipient-certificate' (高齢受給者証, age 70-74 with 資格確認書)
  reasons: string[]; // stable codes that explain the decision and select the guidance text
  /** Added: the id of the timeline entry that decided, for the audit log and the staff console. */
  ruleId?: string;
  /** Added: set when an explicit override decided; the core records it with the check-in. */
  overrideId?: string;
}

/**
 * Decide what to do with what the patient presents. Total: any input, however malformed, gives a
 * decision (a refusal with staff: true and a reason such as 'invalid-input' when nothing sensible can be
 * said), never a throw. `rules` defaults to the national timeline; pass the clinic's timeline from
 * `buildClinicTimeline` to apply its stricter settings and approved overrides.
 */
export function decideEligibility(
  query: EligibilityQuery,
  rules: RuleTimeline = NATIONAL_TIMELINE,
): EligibilityDecision {
  return decideWithTimeline(query, rules);
}

export type {
  RuleCondition,
  RuleEntry,
  RuleOutcome,
  RuleTimeline,
  AgeHint,
  PrintedDateState,
  OverrideStamp,
} from './timeline';
export { NATIONAL_TIMELINE, CERTIFICATE_MAX_VALIDITY_YEARS, entriesInForce } from './timeline';
export type {
  ClinicPolicy,
  ClinicPolicySwitch,
  EligibilityOverride,
  OverrideProblem,
  RejectedOverride,
  Loosening,
} from './policy';
export {
  applyClinicPolicy,
  applyOverrides,
  buildClinicTimeline,
  checkOverride,
  findLoosenings,
  isAtLeastAsStrict,
} from './policy';
export type { ReasonCode, AlsoNeededCode } from './reasons';
export { REASON_CODES, ALSO_NEEDED_CODES, ALSO_NEEDED_KIND, isReasonCode } from './reasons';
export { REASON_MESSAGES, REASON_STAFF_LABELS, ALSO_NEEDED_MESSAGES } from './messages';
export { PRESENTED_DOCUMENTS, ELIGIBILITY_ACTIONS, isPresentedDocument, isEligibilityAction } from './documents';
export { neededInputs, type NeededInputs } from './inputs';

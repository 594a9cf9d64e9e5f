/**
 * The clinic's layers over the national timeline.
 *
 * - `ClinicPolicy` (医療機関の運用設定): switches that can only make the rules stricter — more staff
 *   confirmation, fewer documents accepted. `applyClinicPolicy` rewrites outcomes entry by entry and
 *   never adds, removes or reorders entries, so every query still meets the same entry and can only get
 *   a stricter answer (property-tested).
 * - `EligibilityOverride`: the one way to loosen a rule (e.g. the government extends a measure before the
 *   kiosk's update ships). It is dated (both ends), reasoned and approved by a named person; the engine
 *   applies only overrides passed in explicitly, and every decision an override makes carries the
 *   reason 'clinic-override' and its `overrideId` so the core can audit it.
 * - `findLoosenings` compares a timeline with a baseline over the boundary dates of both and lists any
 *   query where the candidate is looser without an override: the core can run it on the timeline it is
 *   about to use, so a silent edit is caught rather than trusted.
 */
import type { IsoDate } from '../insurance/dates';
import { addDays, isIsoDate } from '../insurance/dates';
import { decideWithTimeline } from './engine';
import { isEligibilityAction, isPresentedDocument, PRESENTED_DOCUMENTS } from './documents';
import type { EligibilityDecision, EligibilityQuery, PresentedDocument } from './index';
import { ALSO_NEEDED_CODES, isReasonCode } from './reasons';
import type { AgeHint, RuleCondition, RuleEntry, RuleOutcome, RuleTimeline } from './timeline';
import { NATIONAL_TIMELINE } from './timeline';

export interface ClinicPolicy {
  /** A receptionist confirms every acceptance made while offline (recorded numbers, self-declarations). */
  readonly staffConfirmOfflineAcceptance?: boolean;
  /** A receptionist confirms every acceptance, online or not. */
  readonly staffConfirmEveryAcceptance?: boolean;
  /** A receptionist confirms every acceptance of these documents. */
  readonly staffConfirmDocuments?: readonly PresentedDocument[];
  /**
   * false: the clinic has no reader that takes smartphones, so the smartphone is refused whatever the
   * query says. true or absent: follow the query's `smartphoneReader` (a setting cannot add a reader).
   */
  readonly smartphoneReader?: boolean;
  /** Refuse the お知らせ + card while offline (numbers could only be recorded). */
  readonly refuseNoticeWithCardOffline?: boolean;
  /** Refuse the マイナポータル screen or PDF + card while offline. */
  readonly refusePortalWithCardOffline?: boolean;
  /** Never accept these documents (e.g. 'portal-pdf-with-card', accepted nationally on insurer guidance only). */
  readonly refuseDocuments?: readonly PresentedDocument[];
}

export type ClinicPolicySwitch = keyof ClinicPolicy;

const POLICY_REFUSAL: RuleOutcome = { action: 'refuse', staff: true, reasons: ['clinic-policy-refusal'] };

/** Tighten one outcome; returns the outcome and the switches that changed it. */
function tighten(
  entry: RuleEntry,
  outcome: RuleOutcome,
  offline: boolean,
  policy: ClinicPolicy,
): [RuleOutcome, ClinicPolicySwitch[]] {
  if (outcome.action === 'refuse') return [outcome, []];
  const doc = entry.document;
  if (policy.refuseDocuments?.includes(doc)) return [POLICY_REFUSAL, ['refuseDocuments']];
  if (policy.smartphoneReader === false && doc === 'myna-smartphone') {
    return [
      { action: 'refuse', staff: outcome.staff, reasons: ['smartphone-reader-unavailable'] },
      ['smartphoneReader'],
    ];
  }
  if (offline && policy.refuseNoticeWithCardOffline && doc === 'notice-with-card') {
    return [POLICY_REFUSAL, ['refuseNoticeWithCardOffline']];
  }
  if (
    offline &&
    policy.refusePortalWithCardOffline &&
    (doc === 'portal-screen-with-card' || doc === 'portal-pdf-with-card')
  ) {
    return [POLICY_REFUSAL, ['refusePortalWithCardOffline']];
  }
  const switches: ClinicPolicySwitch[] = [];
  if (offline && policy.staffConfirmOfflineAcceptance) switches.push('staffConfirmOfflineAcceptance');
  if (policy.staffConfirmEveryAcceptance) switches.push('staffConfirmEveryAcceptance');
  if (policy.staffConfirmDocuments?.includes(doc)) switches.push('staffConfirmDocuments');
  if (switches.length === 0 || outcome.staff) return [outcome, []];
  return [{ ...outcome, staff: true, reasons: [...outcome.reasons, 'clinic-policy-staff-confirmation'] }, switches];
}

/** The timeline with the clinic's stricter settings applied. Same entries, same order, stricter outcomes. */
export function applyClinicPolicy(timeline: RuleTimeline, policy: ClinicPolicy): RuleTimeline {
  return {
    ...timeline,
    id: `${timeline.id}+policy`,
    entries: timeline.entries.map((entry) => {
      const [online, byOnline] = tighten(entry, entry.online, false, policy);
      const [offline, byOffline] = tighten(entry, entry.offline, true, policy);
      const tightenedBy = [...new Set([...(entry.tightenedBy ?? []), ...byOnline, ...byOffline])];
      return tightenedBy.length === 0 ? entry : { ...entry, online, offline, tightenedBy };
    }),
  };
}

/** A dated, reasoned, approved loosening (or any change) of the rules for one document. */
export interface EligibilityOverride {
  readonly id: string;
  /** First and last day it applies, inclusive. Both required: an override always ends. */
  readonly from: IsoDate;
  readonly until: IsoDate;
  /** Why, citing the notice or decision it rests on. */
  readonly reason: string;
  /** Who approved it (the clinic's administrator or doctor in charge). */
  readonly approvedBy: string;
  readonly approvedOn?: IsoDate;
  readonly document: PresentedDocument;
  readonly when?: RuleCondition;
  readonly online: RuleOutcome;
  readonly offline: RuleOutcome;
  readonly ageHints?: readonly AgeHint[];
}

export type OverrideProblem =
  | 'id-missing'
  | 'id-duplicate'
  | 'dates-invalid' // from / until / approvedOn not real 'YYYY-MM-DD' days
  | 'dates-reversed' // until before from
  | 'reason-missing'
  | 'approver-missing'
  | 'document-unknown'
  | 'outcome-invalid'; // an action or a reason / alsoNeeded code the kiosk does not know

export interface RejectedOverride {
  readonly id: string;
  readonly problems: readonly OverrideProblem[];
}

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

function outcomeIsValid(outcome: unknown): boolean {
  if (typeof outcome !== 'object' || outcome === null) return false;
  const o = outcome as Partial<RuleOutcome>;
  return (
    isEligibilityAction(o.action) &&
    typeof o.staff === 'boolean' &&
    Array.isArray(o.reasons) &&
    o.reasons.every(isReasonCode) &&
    (o.alsoNeeded === undefined ||
      (Array.isArray(o.alsoNeeded) && o.alsoNeeded.every((c) => (ALSO_NEEDED_CODES as readonly string[]).includes(c))))
  );
}

/** What is wrong with an override, if anything. Never throws, whatever arrives from settings storage. */
export function checkOverride(override: EligibilityOverride): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  if (blank(override.id)) problems.push('id-missing');
  const datesValid =
    isIsoDate(override.from) &&
    isIsoDate(override.until) &&
    (override.approvedOn === undefined || isIsoDate(override.approvedOn));
  if (!datesValid) problems.push('dates-invalid');
  else if (override.until < override.from) problems.push('dates-reversed');
  if (blank(override.reason)) problems.push('reason-missing');
  if (blank(override.approvedBy)) problems.push('approver-missing');
  if (!isPresentedDocument(override.document)) problems.push('document-unknown');
  if (!outcomeIsValid(override.online) || !outcomeIsValid(override.offline)) problems.push('outcome-invalid');
  return problems;
}

/**
 * The timeline with valid overrides in front of every other entry (so they win on their dates), in the
 * order given. Invalid ones are left out and returned, for the admin screen and the audit log.
 */
export function applyOverrides(
  timeline: RuleTimeline,
  overrides: readonly EligibilityOverride[],
): { timeline: RuleTimeline; rejected: RejectedOverride[] } {
  const accepted: RuleEntry[] = [];
  const rejected: RejectedOverride[] = [];
  const seen = new Set<string>();
  for (const o of overrides) {
    const problems = checkOverride(o);
    if (!blank(o.id) && seen.has(o.id)) problems.push('id-duplicate');
    if (problems.length > 0) {
      rejected.push({ id: typeof o.id === 'string' ? o.id : '', problems });
      continue;
    }
    seen.add(o.id);
    const stamp = {
      id: o.id,
      reason: o.reason,
      approvedBy: o.approvedBy,
      ...(o.approvedOn ? { approvedOn: o.approvedOn } : {}),
    };
    accepted.push({
      id: `override:${o.id}`,
      document: o.document,
      from: o.from,
      until: o.until,
      ...(o.when ? { when: o.when } : {}),
      online: o.online,
      offline: o.offline,
      ...(o.ageHints ? { ageHints: o.ageHints } : {}),
      summary: { ja: `院内の特例: ${o.reason}`, en: `Clinic override: ${o.reason}` },
      source: `Override ${o.id}, approved by ${o.approvedBy}${o.approvedOn ? ` on ${o.approvedOn}` : ''}: ${o.reason}`,
      override: stamp,
    });
  }
  if (accepted.length === 0) return { timeline, rejected };
  return {
    timeline: { ...timeline, id: `${timeline.id}+overrides`, entries: [...accepted, ...timeline.entries] },
    rejected,
  };
}

/**
 * The timeline a clinic runs on: the national one, its approved overrides in front, then its policy over
 * everything (so "staff confirm every offline acceptance" also covers what an override accepts).
 */
export function buildClinicTimeline(options: {
  policy?: ClinicPolicy;
  overrides?: readonly EligibilityOverride[];
  base?: RuleTimeline;
}): { timeline: RuleTimeline; rejectedOverrides: RejectedOverride[] } {
  const { timeline: withOverrides, rejected } = applyOverrides(
    options.base ?? NATIONAL_TIMELINE,
    options.overrides ?? [],
  );
  const timeline = options.policy ? applyClinicPolicy(withOverrides, options.policy) : withOverrides;
  return { timeline, rejectedOverrides: rejected };
}

/** `a` is at least as strict as `b`: a refusal stays a refusal and staff confirmation stays required. */
export function isAtLeastAsStrict(a: EligibilityDecision, b: EligibilityDecision): boolean {
  return (b.action !== 'refuse' || a.action === 'refuse') && (!b.staff || a.staff);
}

export interface Loosening {
  readonly query: EligibilityQuery;
  readonly baseline: EligibilityDecision;
  readonly candidate: EligibilityDecision;
}

function probeDates(timelines: readonly RuleTimeline[]): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const t of timelines) {
    dates.add(t.checkedOn);
    for (const e of t.entries) {
      for (const d of [e.from, e.until]) {
        if (d === null) continue;
        for (const shift of [-1, 0, 1]) {
          const shifted = addDays(d, shift);
          if (shifted !== undefined) dates.add(shifted);
        }
      }
    }
  }
  return [...dates].sort();
}

/**
 * Queries on which `candidate` is looser than `baseline` (a refusal became an acceptance, or staff
 * confirmation was dropped) and no override is responsible. Probes every document, online and offline,
 * with and without a smartphone reader, on each boundary date of either timeline and the days around
 * it, with printed dates passed / current / far / missing / unreadable and ages under 70, 70–74, 75+.
 */
export function findLoosenings(candidate: RuleTimeline, baseline: RuleTimeline = NATIONAL_TIMELINE): Loosening[] {
  const found: Loosening[] = [];
  for (const today of probeDates([candidate, baseline])) {
    const printedVariants = [
      undefined,
      'unreadable',
      addDays(today, -1),
      today,
      addDays(today, 365),
      addDays(today, 365 * 6),
    ];
    const year = Number(today.slice(0, 4));
    const birthVariants = [undefined, `${year - 40}-06-15`, `${year - 72}-06-15`, `${year - 80}-06-15`];
    for (const document of PRESENTED_DOCUMENTS) {
      for (const online of [true, false]) {
        // Only the smartphone rules look at the reader; sparing the other documents halves the work.
        for (const smartphoneReader of document === 'myna-smartphone' ? [true, false] : [false]) {
          for (const printedValidUntil of printedVariants) {
            for (const birthDate of birthVariants) {
              const query: EligibilityQuery = {
                document,
                today,
                online,
                smartphoneReader,
                ...(printedValidUntil === undefined ? {} : { printedValidUntil }),
                ...(birthDate === undefined ? {} : { birthDate }),
              };
              const base = decideWithTimeline(query, baseline);
              const cand = decideWithTimeline(query, candidate);
              if (cand.overrideId === undefined && !isAtLeastAsStrict(cand, base))
                found.push({ query, baseline: base, candidate: cand });
            }
          }
        }
      }
    }
  }
  return found;
}

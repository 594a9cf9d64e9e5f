/**
 * The engine: read the query into facts, take the first timeline entry that matches them, and turn its
 * outcome into a decision. All the rules live in the timeline (timeline.ts); what is here is only how
 * a query is read and what happens when part of it cannot be read.
 */
import type { AgeBracket } from '../insurance/age';
import { ageBracketOn } from '../insurance/age';
import { anniversaryIn, formatIsoDate, isWithin, parseIsoDate } from '../insurance/dates';
import { isPresentedDocument } from './documents';
import type { EligibilityDecision, PresentedDocument } from './index';
import type { AlsoNeededCode, ReasonCode } from './reasons';
import { ALSO_NEEDED_CODES } from './reasons';
import type { PrintedDateState, RuleEntry, RuleTimeline } from './timeline';
import { CERTIFICATE_MAX_VALIDITY_YEARS } from './timeline';

/** A query as the engine understands it, after every field has been checked. */
export interface QueryFacts {
  readonly document: PresentedDocument;
  readonly today: string;
  readonly online: boolean;
  readonly smartphoneReader: boolean;
  readonly printed: PrintedDateState;
  /** A printed date was given but is not a real day: treated as missing, and staff read the card. */
  readonly printedUnreadable: boolean;
  /** A printed date further ahead than any 資格確認書 can run (5 years): staff read the card. */
  readonly printedImplausible: boolean;
  readonly age: AgeBracket;
  /** A birth date was given but is not a real day on or before today: staff check it. */
  readonly birthDateUnreadable: boolean;
}

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

function refusalForStaff(...reasons: ReasonCode[]): EligibilityDecision {
  return { action: 'refuse', staff: true, alsoNeeded: [], reasons };
}

/**
 * Read an untrusted query. Booleans count only when they are `true`: an unknown online state is read as
 * offline, and offline outcomes are the ones that ask for staff, so doubt costs a receptionist's look
 * rather than an unverified acceptance.
 */
export function readQuery(
  query: unknown,
): { ok: true; facts: QueryFacts } | { ok: false; decision: EligibilityDecision } {
  if (typeof query !== 'object' || query === null) return { ok: false, decision: refusalForStaff('invalid-input') };
  const q = query as Record<string, unknown>;
  const todayParts = parseIsoDate(q.today);
  if (!todayParts) return { ok: false, decision: refusalForStaff('invalid-input') };
  const today = formatIsoDate(todayParts);
  if (!isPresentedDocument(q.document)) return { ok: false, decision: refusalForStaff('unknown-document') };

  const printedParts = parseIsoDate(q.printedValidUntil);
  const printedUnreadable = !absent(q.printedValidUntil) && printedParts === undefined;
  const printedDate = printedParts ? formatIsoDate(printedParts) : undefined;
  const printed: PrintedDateState = printedDate === undefined ? 'missing' : printedDate >= today ? 'current' : 'passed';
  const latestPlausible =
    todayParts.year + CERTIFICATE_MAX_VALIDITY_YEARS <= 9999
      ? formatIsoDate(anniversaryIn(todayParts, todayParts.year + CERTIFICATE_MAX_VALIDITY_YEARS))
      : undefined;
  const printedImplausible =
    printedDate !== undefined && latestPlausible !== undefined && printedDate > latestPlausible;

  const birthParts = parseIsoDate(q.birthDate);
  const birthDate = birthParts ? formatIsoDate(birthParts) : undefined;
  const birthUsable = birthDate !== undefined && birthDate <= today;
  const birthDateUnreadable = !absent(q.birthDate) && !birthUsable;

  return {
    ok: true,
    facts: {
      document: q.document,
      today,
      online: q.online === true,
      smartphoneReader: q.smartphoneReader === true,
      printed,
      printedUnreadable,
      printedImplausible,
      age: birthUsable ? ageBracketOn(birthDate, today) : 'unknown',
      birthDateUnreadable,
    },
  };
}

export function entryMatches(entry: RuleEntry, facts: QueryFacts): boolean {
  if (entry.document !== facts.document || !isWithin(facts.today, entry.from, entry.until)) return false;
  const when = entry.when;
  if (when === undefined) return true;
  if (when.printed !== undefined && !when.printed.includes(facts.printed)) return false;
  if (when.smartphoneReader !== undefined && when.smartphoneReader !== facts.smartphoneReader) return false;
  if (when.age !== undefined && !when.age.includes(facts.age)) return false;
  return true;
}

/** Whether any entry for the document looks at age: only then does an unreadable birth date matter. */
function documentDependsOnAge(timeline: RuleTimeline, document: PresentedDocument): boolean {
  return timeline.entries.some(
    (e) => e.document === document && (e.when?.age !== undefined || (e.ageHints?.length ?? 0) > 0),
  );
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

function orderedAlsoNeeded(codes: readonly AlsoNeededCode[]): AlsoNeededCode[] {
  return ALSO_NEEDED_CODES.filter((c) => codes.includes(c));
}

export function decideFromFacts(facts: QueryFacts, timeline: RuleTimeline): EligibilityDecision {
  const entry = timeline.entries.find((e) => entryMatches(e, facts));
  if (entry === undefined) return refusalForStaff('no-rule-in-force');

  const outcome = facts.online ? entry.online : entry.offline;
  const accepting = outcome.action !== 'refuse';
  let staff = outcome.staff;
  const reasons: ReasonCode[] = [...outcome.reasons];
  const alsoNeeded: AlsoNeededCode[] = [...(outcome.alsoNeeded ?? [])];
  if (accepting) {
    for (const hint of entry.ageHints ?? []) if (hint.age.includes(facts.age)) alsoNeeded.push(...hint.alsoNeeded);
  }
  // Doubtful input asks for a receptionist only where that field decided something.
  if (entry.when?.printed !== undefined) {
    if (facts.printedUnreadable) reasons.push('printed-date-unreadable');
    if (facts.printedImplausible) reasons.push('printed-date-implausible');
    staff ||= facts.printedUnreadable || facts.printedImplausible;
  }
  if (facts.birthDateUnreadable && documentDependsOnAge(timeline, facts.document)) {
    reasons.push('birth-date-unreadable');
    staff = true;
  }
  if (entry.override) reasons.push('clinic-override');

  return {
    action: outcome.action,
    staff,
    alsoNeeded: orderedAlsoNeeded(alsoNeeded),
    reasons: unique(reasons),
    ruleId: entry.id,
    ...(entry.override ? { overrideId: entry.override.id } : {}),
  };
}

/** The engine without its last-resort guard: tests run the totality property on this one too. */
export function decideUnguarded(query: unknown, timeline: RuleTimeline): EligibilityDecision {
  const read = readQuery(query);
  return read.ok ? decideFromFacts(read.facts, timeline) : read.decision;
}

/**
 * The engine as the contract exposes it. `decideUnguarded` is total on every query (property-tested);
 * the catch is a last resort for what types cannot rule out at run time, such as a hand-built timeline
 * with a missing field: a kiosk must send the patient to a person, not crash.
 */
export function decideWithTimeline(query: unknown, timeline: RuleTimeline): EligibilityDecision {
  try {
    return decideUnguarded(query, timeline);
  } catch {
    return refusalForStaff('invalid-input');
  }
}

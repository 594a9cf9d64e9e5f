/**
 * Which facts a document's decision depends on today. The kiosk asks a patient only what changes the
 * outcome: an 80-year-old with an old 健康保険証 in 2026 need not type its printed expiry, because no old
 * card is valid after 2025-12-01 whatever it says. Derived from the engine itself (probing the decision with
 * different answers), so the screens and the rules cannot drift apart.
 */
import { addDays, type IsoDate } from '../insurance/dates';
import { decideEligibility, type EligibilityDecision, type EligibilityQuery, type PresentedDocument } from './index';
import type { RuleTimeline } from './timeline';

export interface NeededInputs {
  /** The 有効期限 printed on the document changes the decision. */
  printedValidUntil: boolean;
  /** The patient's age changes the decision or what else they must show (e.g. 高齢受給者証 at 70–74). */
  birthDate: boolean;
}

const same = (a: EligibilityDecision, b: EligibilityDecision) =>
  a.action === b.action && a.staff === b.staff && a.alsoNeeded.join() === b.alsoNeeded.join();

function yearsBefore(today: string, years: number): string {
  const y = Number(today.slice(0, 4)) - years;
  return `${String(y).padStart(4, '0')}${today.slice(4, 7)}-01`;
}

export function neededInputs(
  document: PresentedDocument,
  today: string,
  online: boolean,
  options: { smartphoneReader?: boolean; rules?: RuleTimeline } = {},
): NeededInputs {
  const base: EligibilityQuery = { document, today, online, ...(options.smartphoneReader !== undefined ? { smartphoneReader: options.smartphoneReader } : {}) };
  const decide = (extra: Partial<EligibilityQuery>) => decideEligibility({ ...base, ...extra }, options.rules);
  const past = addDays(today as IsoDate, -30);
  const future = addDays(today as IsoDate, 365);
  const printedValidUntil = past !== undefined && future !== undefined && !same(decide({ printedValidUntil: past }), decide({ printedValidUntil: future }));
  const withDate = future !== undefined ? { printedValidUntil: future } : {};
  const ages = [40, 72, 80].map((age) => decide({ ...withDate, birthDate: yearsBefore(today, age) }));
  const birthDate = !ages.every((d) => same(d, ages[0]!));
  return { printedValidUntil, birthDate };
}

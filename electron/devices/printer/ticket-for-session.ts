/**
 * The 受付票 of a completed check-in: the number, and the documents the rules ask this patient to show.
 * Only those two facts leave the session; nothing else about the patient does.
 */
import { ALSO_NEEDED_CODES, ALSO_NEEDED_KIND, type AlsoNeededCode } from '../../../shared/eligibility/reasons';
import type { CheckInSession } from '../../../shared/flow/session';
import type { TicketContent } from './ticket';

const isAlsoNeeded = (c: string): c is AlsoNeededCode => (ALSO_NEEDED_CODES as readonly string[]).includes(c);

export function ticketForSession(
  session: Pick<CheckInSession, 'ticketNumber' | 'decision' | 'state'>,
  clinic: { name: string; timeZone: string },
  printedAt: Date,
): TicketContent | undefined {
  if (session.state !== 'completed' || session.ticketNumber === undefined) return undefined;
  const documentsToShow = (session.decision?.alsoNeeded ?? [])
    .filter(isAlsoNeeded)
    .filter((c) => ALSO_NEEDED_KIND[c] === 'ask');
  return {
    clinicName: clinic.name,
    ticketNumber: session.ticketNumber,
    issuedAt: printedAt,
    timeZone: clinic.timeZone,
    nextStep: 'wait-for-call',
    documentsToShow,
  };
}

import { useEffect, useId } from 'react';
import { ALSO_NEEDED_KIND, isAlsoNeededCode } from './alsoNeeded';
import { BigButton } from '../../../components/BigButton';
import { DoneIllustration } from '../components/Pictogram';
import { useT } from '../../../i18n';
import { useSession } from '../store/session';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';
import type { TicketPrintResult } from '../../../../../shared/api/index';
import { settled } from '../store/stepGuard';

/** How long the 受付番号 stays on screen before the kiosk clears itself for the next patient. */
export const COMPLETED_SECONDS = 15;

/**
 * 11. 受付番号 as the big thing on screen, what else to hand to the desk, then back to the start and forget.
 * No name: whoever stands behind the patient should learn nothing but a number (issue 10). Below it, whether
 * the 受付票 printed (issue 11).
 */
export function CompletedScreen({ flow, print }: { flow: PatientFlow; print?: TicketPrintResult | undefined }) {
  const { t, tCode } = useT();
  const session = useSession();
  const labelId = useId();
  useEffect(() => {
    const timer = setTimeout(flow.finish, COMPLETED_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [flow]);
  const alsoNeeded = session?.decision?.alsoNeeded ?? [];
  // 'ask' items are for this patient ("hand these in"); 'if-held' ones only if they have one.
  const ask = alsoNeeded.filter((c) => !isAlsoNeededCode(c) || ALSO_NEEDED_KIND[c] === 'ask');
  const ifHeld = alsoNeeded.filter((c) => isAlsoNeededCode(c) && ALSO_NEEDED_KIND[c] === 'if-held');
  return (
    <PatientFrame onBack={null} onCallStaff={null}>
      <div className="screen screen-completed">
        <DoneIllustration />
        <ScreenTitle>{t('completed.title')}</ScreenTitle>
        <section className="ticket" aria-labelledby={labelId}>
          <h2 id={labelId} className="ticket-label">
            {t('completed.ticketLabel')}
          </h2>
          <p className="ticket-number">{session?.ticketNumber ?? ''}</p>
        </section>
        {ask.length > 0 ? (
          <section className="also-needed" aria-label={t('completed.alsoNeeded')}>
            <h2>{t('completed.alsoNeeded')}</h2>
            <ul>
              {ask.map((code) => (
                <li key={code}>{tCode('alsoNeeded', code, 'alsoNeeded.generic')}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {ifHeld.length > 0 ? (
          <section className="if-held" aria-label={t('completed.ifHeld')}>
            <h2>{t('completed.ifHeld')}</h2>
            <ul>
              {ifHeld.map((code) => (
                <li key={code}>{tCode('alsoNeeded', code, 'alsoNeeded.generic')}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {/* The slip: printed, or not — then the number on screen is what counts, and the desk has a reprint. */}
        {print?.outcome === 'printed' ? <p className="lead">{t('completed.ticketPrinted')}</p> : null}
        {print?.outcome === 'failed' ? <p className="message">{t('completed.ticketFailed')}</p> : null}
        {session?.verification.status === 'pending' ? <p className="lead">{t('completed.pending')}</p> : null}
        <p className="lead">{t('completed.wait')}</p>
        <BigButton size="hero" onClick={settled(flow.finish)}>
          {t('completed.finish')}
        </BigButton>
        <p className="quiet">{t('completed.autoReturn')}</p>
      </div>
    </PatientFrame>
  );
}

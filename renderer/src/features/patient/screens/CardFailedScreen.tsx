import { BigButton } from '../../../components/BigButton';
import { useT } from '../../../i18n';
import { useSession, useSessionBusy } from '../store/session';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';
import { settled } from '../store/stepGuard';

/** Card failures where reading the card again cannot help today (the answer will not change). */
const FINAL_NOTICES = new Set([
  'card-certificate-expired',
  'card-invalid',
  'card-invalid-newer',
  'card-not-found',
  'card-multiple',
]);

/**
 * 4. The reader could not confirm: what this kind of failure means and what to do, in plain words (its own
 * text per kind: notice.card-*), then ask staff, use something else, or (when it can help) try again.
 */
export function CardFailedScreen({ flow }: { flow: PatientFlow }) {
  const { t, tDynamic } = useT();
  const notice = useSession()?.notice ?? '';
  const busy = useSessionBusy();
  const back = () => void flow.send({ type: 'back' });
  const callStaff = () => void flow.send({ type: 'call-staff' });
  return (
    <PatientFrame onBack={back} onCallStaff={callStaff}>
      <div className="screen screen-card-failed">
        <ScreenTitle>{t('cardFailed.title')}</ScreenTitle>
        <section className="guidance" aria-label={t('cardFailed.whatToDo')}>
          <h2 className="guidance-title">{t('cardFailed.whatToDo')}</h2>
          <p className="message">{tDynamic(`notice.${notice}`, 'notice.generic')}</p>
        </section>
        <div className="actions actions-stack">
          {FINAL_NOTICES.has(notice) ? null : (
            <BigButton size="large" onClick={settled(() => void flow.send({ type: 'retry-card' }))} disabled={busy}>
              {t('cardFailed.retry')}
            </BigButton>
          )}
          <BigButton variant="secondary" size="large" onClick={settled(back)} disabled={busy}>
            {t('cardFailed.other')}
          </BigButton>
        </div>
      </div>
    </PatientFrame>
  );
}

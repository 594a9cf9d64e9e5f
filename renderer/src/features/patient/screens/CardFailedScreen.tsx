import { BigButton } from '../../../components/BigButton';
import { useT } from '../../../i18n';
import { useSession, useSessionBusy } from '../store/session';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';
import { settled } from '../store/stepGuard';

/** 4. The reader could not confirm: say why in plain words, then try again, use something else, or ask. */
export function CardFailedScreen({ flow }: { flow: PatientFlow }) {
  const { t, tDynamic } = useT();
  const notice = useSession()?.notice;
  const busy = useSessionBusy();
  const back = () => void flow.send({ type: 'back' });
  return (
    <PatientFrame onBack={back} onCallStaff={() => void flow.send({ type: 'call-staff' })}>
      <div className="screen screen-card-failed">
        <ScreenTitle>{t('cardFailed.title')}</ScreenTitle>
        <p className="message">{tDynamic(`notice.${notice ?? ''}`, 'notice.generic')}</p>
        <div className="actions actions-stack">
          <BigButton size="large" onClick={settled(() => void flow.send({ type: 'retry-card' }))} disabled={busy}>
            {t('cardFailed.retry')}
          </BigButton>
          <BigButton variant="secondary" size="large" onClick={settled(back)} disabled={busy}>
            {t('cardFailed.other')}
          </BigButton>
        </div>
      </div>
    </PatientFrame>
  );
}

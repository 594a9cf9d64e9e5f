import { BigButton } from '../../../components/BigButton';
import { CheckingIllustration, StaffIllustration } from '../components/Pictogram';
import { Waiting } from '../components/Progress';
import { useT } from '../../../i18n';
import { useSession, useSessionBusy } from '../store/session';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';
import { settled } from '../store/stepGuard';

/** 6. A number query is in flight. Nothing to do; Back is not possible while the query runs. */
export function VerifyingScreen({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  return (
    <PatientFrame onBack={null} onCallStaff={() => void flow.send({ type: 'call-staff' })}>
      <div className="screen screen-wait">
        <ScreenTitle>{t('verifying.title')}</ScreenTitle>
        <CheckingIllustration />
        <p className="lead">{t('verifying.body')}</p>
        <Waiting label={t('verifying.title')} />
      </div>
    </PatientFrame>
  );
}

/** 9. A receptionist confirms. No patient action and no idle timeout: they were told to wait. */
export function StaffConfirmScreen() {
  const { t, tDynamic } = useT();
  const notice = useSession()?.notice;
  return (
    <PatientFrame onBack={null} onCallStaff={null}>
      <div className="screen screen-wait">
        <ScreenTitle>{t('staffConfirm.title')}</ScreenTitle>
        <StaffIllustration />
        {/* Why the desk, when the patient can act on it (e.g. a 診察券 that is not this clinic's). */}
        {notice?.startsWith('patient-card-') ? (
          <p className="message">{tDynamic(`notice.${notice}`, 'notice.generic')}</p>
        ) : null}
        <p className="lead">{t('staffConfirm.body')}</p>
        <Waiting label={t('staffConfirm.waitingStaff')} />
      </div>
    </PatientFrame>
  );
}

/** 8. No document: 10割 today, 療養費 from the insurer later with the receipt. */
export function ConfirmSelfPayScreen({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  const busy = useSessionBusy();
  return (
    <PatientFrame
      onBack={() => void flow.send({ type: 'back' })}
      onCallStaff={() => void flow.send({ type: 'call-staff' })}
    >
      <div className="screen screen-self-pay">
        <ScreenTitle>{t('selfPay.title')}</ScreenTitle>
        <div className="explain">
          <p>{t('selfPay.body1')}</p>
          <p>{t('selfPay.body2')}</p>
          <p>{t('selfPay.body3')}</p>
        </div>
        <BigButton size="hero" onClick={settled(() => void flow.send({ type: 'accept-self-pay' }))} disabled={busy}>
          {t('selfPay.accept')}
        </BigButton>
      </div>
    </PatientFrame>
  );
}

/** 10. This document cannot be used today: why, and what works instead (eligibility guidance texts). */
export function RefusedScreen({ flow }: { flow: PatientFlow }) {
  const { t, tCode, tDynamic } = useT();
  const session = useSession();
  const busy = useSessionBusy();
  const back = () => void flow.send({ type: 'back' });
  const texts: string[] = [];
  if (session?.notice) texts.push(tDynamic(`notice.${session.notice}`, 'notice.generic'));
  for (const code of session?.decision?.reasons ?? []) texts.push(tCode('reason', code, 'reason.generic'));
  if (texts.length === 0) texts.push(t('reason.generic'));
  const unique = [...new Set(texts)];
  return (
    <PatientFrame onBack={back} onCallStaff={() => void flow.send({ type: 'call-staff' })}>
      <div className="screen screen-refused">
        <ScreenTitle>{t('refused.title')}</ScreenTitle>
        <section className="guidance" aria-label={t('refused.whatToDo')}>
          <h2 className="guidance-title">{t('refused.whatToDo')}</h2>
          <ul>
            {unique.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
        <div className="actions actions-stack">
          <BigButton size="large" onClick={settled(back)} disabled={busy}>
            {t('refused.other')}
          </BigButton>
        </div>
      </div>
    </PatientFrame>
  );
}

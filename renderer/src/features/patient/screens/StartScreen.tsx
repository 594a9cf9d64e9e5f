import { BigButton } from '../../../components/BigButton';
import { useT } from '../../../i18n';
import { japaneseLang } from '../../../i18n/lang';
import { useSessionBusy } from '../store/session';
import { useClinicName } from '../../../stores/status';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';

export function StartScreen({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  const clinic = useClinicName();
  const busy = useSessionBusy();
  return (
    <PatientFrame onBack={null} onCallStaff={() => void flow.start({ type: 'call-staff' })} offlineBanner>
      <div className="screen screen-start">
        {clinic ? (
          <p className="start-clinic" lang={japaneseLang(clinic)}>
            {clinic}
          </p>
        ) : null}
        <ScreenTitle>{t('start.title')}</ScreenTitle>
        <p className="lead">{t('start.welcome')}</p>
        <BigButton size="hero" onClick={() => void flow.start()} disabled={busy}>
          {t('start.button')}
        </BigButton>
        <p className="quiet">{t('start.noTimeLimit')}</p>
      </div>
    </PatientFrame>
  );
}

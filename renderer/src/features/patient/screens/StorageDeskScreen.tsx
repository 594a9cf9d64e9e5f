import { useState } from 'react';
import { useT } from '../../../i18n';
import { StaffIllustration } from '../components/Pictogram';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';

/**
 * The kiosk cannot record check-ins right now (the data store is failing): the patient is sent to the
 * desk. 受付の人を呼ぶ still works — the core holds the call and alerts staff at once.
 */
export function StorageDeskScreen({ flow, hasSession }: { flow: PatientFlow; hasSession: boolean }) {
  const { t } = useT();
  const [called, setCalled] = useState(false);
  return (
    <PatientFrame
      onBack={null}
      onCallStaff={
        hasSession && !called
          ? () => {
              setCalled(true);
              void flow.send({ type: 'call-staff' });
            }
          : null
      }
    >
      <div className="screen screen-wait">
        <ScreenTitle>{t('storage.patient.title')}</ScreenTitle>
        <StaffIllustration />
        <p className="lead">{t('storage.patient.body')}</p>
        {called ? (
          <p className="lead" role="status">
            {t('storage.patient.called')}
          </p>
        ) : null}
      </div>
    </PatientFrame>
  );
}

import { useId, useState } from 'react';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { useT } from '../../../i18n';
import { useDemoPanel, useStatus } from '../../../stores/status';
import { useScannerKeys } from '../card-scan/useScannerKeys';
import { Waiting } from '../components/Progress';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';
import { settled } from '../store/stepGuard';

/**
 * 0. 「診察券をお持ちの方」: the clinic card first, where the clinic has a reader. A HID reader's scan reaches
 * the core directly; a keyboard-emulation scanner's burst is recognised here (and only here) and sent.
 * No card, or a first visit: go on to the insurance step.
 */
export function PatientCardScreen({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  const status = useStatus();
  const demo = useDemoPanel();
  const [typed, setTyped] = useState(false);
  useScannerKeys({
    active: status?.patientCardReader === 'keyboard',
    onScan: (raw) => void flow.send({ type: 'patient-card-scanned', raw: raw.slice(0, 64) }),
    onRejected: (reason) => setTyped(reason === 'typed' || reason === 'too-short'),
  });
  return (
    <PatientFrame onBack={null} onCallStaff={() => void flow.send({ type: 'call-staff' })}>
      <div className="screen screen-patient-card">
        <ScreenTitle>{t('patientCard.title')}</ScreenTitle>
        <p className="lead">{t('patientCard.instructions')}</p>
        {typed ? <p role="alert">{t('patientCard.typed')}</p> : null}
        <Waiting label={t('patientCard.waiting')} />
        <BigButton variant="secondary" onClick={settled(() => void flow.send({ type: 'skip-patient-card' }))}>
          {t('patientCard.noCard')}
        </BigButton>
        {demo && status?.patientCardReader === 'simulator' ? <PatientCardDemo /> : null}
      </div>
    </PatientFrame>
  );
}

/** Demo panel (status.demoPanel with the simulated reader): a virtual 診察券, good or from another clinic. */
function PatientCardDemo() {
  const { t } = useT();
  const api = useApi();
  const titleId = useId();
  const [failed, setFailed] = useState(false);
  const scan = async (cardNumber: string) => {
    const r = await api.request('demo.scanPatientCard', { cardNumber });
    setFailed(!r.ok);
  };
  return (
    <section className="demo-panel" aria-labelledby={titleId}>
      <p className="demo-badge">{t('demo.badge')}</p>
      <h2 id={titleId} className="demo-title">
        {t('patientCard.demoTitle')}
      </h2>
      <div className="demo-personas">
        <button type="button" className="btn btn-quiet btn-normal" onClick={() => void scan('00012345')}>
          {t('patientCard.demoScan', { number: '00012345' })}
        </button>
        <button type="button" className="btn btn-quiet btn-normal" onClick={() => void scan('XY-0099')}>
          {t('patientCard.demoBad')}
        </button>
      </div>
      {failed ? <p role="alert">{t('demo.failed')}</p> : null}
    </section>
  );
}

import { useEffect, useId, useState } from 'react';
import type { DemoPersona } from '../../../../../shared/api/index';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { ReaderIllustration } from '../components/Pictogram';
import { Waiting } from '../components/Progress';
import { useT } from '../../../i18n';
import { useSession } from '../store/session';
import { useDemoPanel } from '../../../stores/status';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';

/** 3. The card (or phone) goes on the face-recognition reader; its own screen leads from there. */
export function ReadCardScreen({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  const session = useSession();
  const demo = useDemoPanel();
  const phone = session?.document === 'myna-smartphone';
  const unmatched = session?.notice === 'card-unmatched';
  const callStaff = () => void flow.send({ type: 'call-staff' });
  return (
    <PatientFrame onBack={() => void flow.send({ type: 'back' })} onCallStaff={callStaff}>
      <div className="screen screen-read-card">
        <ScreenTitle>{t(phone ? 'readCard.smartphoneTitle' : 'readCard.title')}</ScreenTitle>
        <ReaderIllustration />
        <p className="lead">{t('readCard.instructions')}</p>
        {unmatched ? (
          // Several kiosks waited when a card was read: staff decide whose it is; the patient is told so.
          <div className="card-unmatched">
            <p role="alert" className="message">
              {t('readCard.unmatched')}
            </p>
            <BigButton variant="staff" size="large" onClick={callStaff}>
              {t('readCard.askStaff')}
            </BigButton>
          </div>
        ) : (
          <Waiting label={t('readCard.waiting')} />
        )}
        <p className="quiet">{t('readCard.help')}</p>
        {demo ? <DemoPanel /> : null}
      </div>
    </PatientFrame>
  );
}

/**
 * Browser-host demos and training only (status.demoPanel): present one of the simulator's personas as
 * if a card were on the reader. Set apart (dashed border, DEMO label) so nobody takes it for the product.
 */
function DemoPanel() {
  const { t } = useT();
  const api = useApi();
  const titleId = useId();
  const [personas, setPersonas] = useState<DemoPersona[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void api.request('demo.personas', {}).then((r) => {
      if (live && r.ok) setPersonas(r.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const present = async (persona: string) => {
    setFailed(false);
    const r = await api.request('demo.presentCard', { persona });
    if (!r.ok) setFailed(true);
  };
  return (
    <section className="demo-panel" aria-labelledby={titleId}>
      <p className="demo-badge">{t('demo.badge')}</p>
      <h2 id={titleId} className="demo-title">
        {t('demo.title')}
      </h2>
      <p className="demo-note">{t('demo.note')}</p>
      {/* The simulator's personas are named in Japanese. */}
      <div className="demo-personas" lang="ja">
        {personas.map((p) => (
          <button key={p.id} type="button" className="btn btn-quiet btn-normal" onClick={() => void present(p.id)}>
            <span className="btn-label">{p.label}</span>
          </button>
        ))}
      </div>
      {failed ? <p role="alert">{t('demo.failed')}</p> : null}
    </section>
  );
}

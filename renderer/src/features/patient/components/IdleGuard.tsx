import { useEffect, useState } from 'react';
import { BigButton } from '../../../components/BigButton';
import { Dialog } from '../../../components/Dialog';
import { useT } from '../../../i18n';
import type { SessionState } from '../../../../../shared/flow/session';
import { useSessionState } from '../store/session';
import { useIdleSeconds } from '../../../stores/status';
import { resetUi, useLanguage, useTextSize } from '../../../stores/ui';
import type { PatientFlow } from '../hooks/usePatientFlow';

/** After the question appears, how long before the session is given up (no countdown is shown). */
export const IDLE_PROMPT_SECONDS = 30;

/** States where nobody is expected to touch the screen: the core or staff are working, or it is over. */
const NOT_IDLE: readonly SessionState[] = ['verifying', 'staff-confirm', 'completed', 'cancelled', 'expired'];
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * No time pressure: after `idleTimeoutSeconds` without a touch the kiosk asks 「まだ続けますか？」 with one
 * big button, and only if that goes unanswered does it send `idle-timeout` and clear itself. On the start
 * screen a changed language or text size quietly returns to the default for the next person.
 */
export function IdleGuard({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  const state = useSessionState();
  const seconds = useIdleSeconds();
  const language = useLanguage();
  const textSize = useTextSize();
  const [asking, setAsking] = useState(false);

  const inSession = state !== null && !NOT_IDLE.includes(state);
  const settingsChanged = state === null && (language !== 'ja' || textSize !== 'standard');
  const watching = inSession || settingsChanged;

  useEffect(() => {
    if (!watching || asking) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => (inSession ? setAsking(true) : resetUi()), seconds * 1000);
    };
    arm();
    for (const type of ACTIVITY) document.addEventListener(type, arm, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, arm, { capture: true });
    };
    // `state` re-arms the timer on every new screen: a screen change is activity too.
  }, [watching, inSession, asking, seconds, state]);

  useEffect(() => {
    if (!asking || !inSession) return;
    const timer = setTimeout(() => {
      setAsking(false);
      flow.timeOut();
    }, IDLE_PROMPT_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [asking, inSession, flow]);

  if (!asking || !inSession) return null;
  return (
    <Dialog title={t('idle.title')} role="alertdialog" className="idle-dialog">
      <p className="lead">{t('idle.body')}</p>
      <BigButton size="hero" data-autofocus onClick={() => setAsking(false)}>
        {t('idle.continue')}
      </BigButton>
      <BigButton
        variant="secondary"
        onClick={() => {
          setAsking(false);
          flow.timeOut();
        }}
      >
        {t('idle.end')}
      </BigButton>
    </Dialog>
  );
}

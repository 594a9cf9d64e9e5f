import { useEffect, useState } from 'react';
import { BigButton } from '../../../components/BigButton';
import { Dialog } from '../../../components/Dialog';
import { useT } from '../../../i18n';
import type { SessionState } from '../../../../../shared/flow/session';
import { useSessionState } from '../store/session';
import { useIdleSeconds } from '../../../stores/status';
import { resetUi, useLanguage, useUiChanged } from '../../../stores/ui';
import type { PatientFlow } from '../hooks/usePatientFlow';
import { speak, useVoiceOn } from '../hooks/useSpeech';

/** After the question appears, how long before the session is given up; counted down on screen. */
export const IDLE_PROMPT_SECONDS = 30;

/** States where nobody is expected to touch the screen: the core or staff are working, or it is over. */
const NOT_IDLE: readonly SessionState[] = ['verifying', 'staff-confirm', 'completed', 'cancelled', 'expired'];
const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * No time pressure: after `idleTimeoutSeconds` without a touch the kiosk asks 「まだ続けますか？」 with one
 * big button and a visible countdown, over an opaque backdrop (nothing typed stays readable to a passer-by),
 * and only if that goes unanswered does it send `idle-timeout` and clear itself. On the start screen a
 * changed language, text size, contrast or voice quietly returns to the default for the next person.
 */
export function IdleGuard({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  const state = useSessionState();
  const seconds = useIdleSeconds();
  const language = useLanguage();
  const uiChanged = useUiChanged();
  const voiceOn = useVoiceOn();
  const [asking, setAsking] = useState(false);

  const inSession = state !== null && !NOT_IDLE.includes(state);
  const settingsChanged = state === null && uiChanged;
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
    if (asking && inSession && voiceOn) speak(`${t('idle.title')}\n${t('idle.body')}`, language);
  }, [asking, inSession, voiceOn, t, language]);

  if (!asking || !inSession) return null;
  return (
    <IdleDialog
      onContinue={() => setAsking(false)}
      onEnd={() => {
        setAsking(false);
        flow.timeOut();
      }}
    />
  );
}

/** The question itself, with its countdown: one tick a second, the visit given up at zero. */
function IdleDialog({ onContinue, onEnd }: { onContinue: () => void; onEnd: () => void }) {
  const { t } = useT();
  const [left, setLeft] = useState(IDLE_PROMPT_SECONDS);
  useEffect(() => {
    const tick = setInterval(() => setLeft((n) => Math.max(0, n - 1)), 1000);
    return () => clearInterval(tick);
  }, []);
  useEffect(() => {
    if (left === 0) onEnd();
  }, [left, onEnd]);
  return (
    <Dialog title={t('idle.title')} role="alertdialog" className="idle-dialog" opaque>
      <p className="lead">{t('idle.body')}</p>
      <p className="idle-countdown" role="timer">
        {t('idle.countdown', { seconds: left })}
      </p>
      <BigButton size="hero" data-autofocus onClick={onContinue}>
        {t('idle.continue')}
      </BigButton>
      <BigButton variant="secondary" onClick={onEnd}>
        {t('idle.end')}
      </BigButton>
    </Dialog>
  );
}

import { useT } from '../../../i18n';
import { useContrast, useUiActions } from '../../../stores/ui';
import { useSpokenGuidance, useVoiceOn } from '../hooks/useSpeech';
import { TextSizeToggle } from './TextSizeToggle';

/**
 * Seeing and hearing, on every patient screen and for this visit only: larger text, high contrast, spoken
 * guidance (on/off) and 「もう一度聞く」. Each is a toggle button with its state announced.
 */
export function AccessBar() {
  const { t } = useT();
  const contrast = useContrast();
  const voiceOn = useVoiceOn();
  const { contrastToggled, voiceChosen } = useUiActions();
  const { repeat } = useSpokenGuidance();
  return (
    <div className="access-bar" role="group" aria-label={t('access.label')}>
      <TextSizeToggle />
      <button type="button" className="toggle" aria-pressed={contrast === 'high'} onClick={contrastToggled}>
        <span aria-hidden="true" className="access-glyph access-glyph-contrast" />
        {t('access.contrast')}
      </button>
      <button type="button" className="toggle" aria-pressed={voiceOn} onClick={() => voiceChosen(!voiceOn)}>
        <SpeakerIcon muted={!voiceOn} />
        {t('access.voice')}
      </button>
      <button type="button" className="toggle" onClick={repeat}>
        {t('access.repeat')}
      </button>
    </div>
  );
}

function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" className="access-glyph">
      <path d="M4 9 h4 l5 -4 v14 l-5 -4 h-4 z" fill="currentColor" />
      {muted ? (
        <path d="M16 9 l5 6 M21 9 l-5 6" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      ) : (
        <path
          d="M16 8.5 a5 5 0 0 1 0 7 M18.5 6 a8.5 8.5 0 0 1 0 12"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      )}
    </svg>
  );
}

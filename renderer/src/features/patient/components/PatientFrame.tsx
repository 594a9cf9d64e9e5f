import { useEffect, useRef, type ReactNode } from 'react';
import { BigButton } from '../../../components/BigButton';
import { ConnectionBanner } from '../../../components/ConnectionBanner';
import { Banner } from '../../../components/Banner';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { TextSizeToggle } from './TextSizeToggle';
import { useT } from '../../../i18n';
import { useSessionBusy, useSessionProblem } from '../store/session';
import { useClinicName, useOffline } from '../../../stores/status';

interface PatientFrameProps {
  /**
   * Back for this screen. `null` leaves its place empty where there is nothing to go back to (start,
   * a running query, completed): an elderly patient should not meet a button that does nothing.
   */
  onBack: (() => void) | null;
  /** Call staff for this screen; `null` where staff are already on their way or it is over. */
  onCallStaff: (() => void) | null;
  /** Show the offline banner (start and document choice). */
  offlineBanner?: boolean;
  children: ReactNode;
}

/**
 * The frame every patient screen sits in: clinic name, language and text size on top; the question in
 * the middle; 戻る and 受付の人を呼ぶ always in the same place at the bottom, within reach from a wheelchair.
 */
export function PatientFrame({ onBack, onCallStaff, offlineBanner = false, children }: PatientFrameProps) {
  const { t } = useT();
  const clinic = useClinicName();
  const offline = useOffline();
  const busy = useSessionBusy();
  const problem = useSessionProblem();
  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <p className="kiosk-clinic">{clinic}</p>
        <div className="kiosk-settings">
          <LanguageSwitch />
          <TextSizeToggle />
        </div>
      </header>
      <div className="kiosk-banners">
        <ConnectionBanner />
        {offlineBanner && offline ? <Banner tone="warn">{t('offline.banner')}</Banner> : null}
        {problem ? <Banner tone="warn">{t('error.generic')}</Banner> : null}
      </div>
      <main className="kiosk-main">{children}</main>
      {onBack || onCallStaff ? (
        <footer className="kiosk-footer">
          {onBack ? (
            <BigButton variant="secondary" size="large" icon={<BackArrow />} onClick={onBack} disabled={busy}>
              {t('common.back')}
            </BigButton>
          ) : (
            <span />
          )}
          {onCallStaff ? (
            <BigButton variant="staff" size="large" icon={<BellIcon />} onClick={onCallStaff} disabled={busy}>
              {t('common.callStaff')}
            </BigButton>
          ) : (
            <span />
          )}
        </footer>
      ) : null}
    </div>
  );
}

/** The screen's one question. Focus moves here when the screen appears, so a screen reader reads it first. */
export function ScreenTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}

function BackArrow() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
      <path
        d="M15 4 L7 12 L15 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
      <path
        d="M6 17 V11 a6 6 0 0 1 12 0 V17 l2 2 H4 z M10 21 h4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

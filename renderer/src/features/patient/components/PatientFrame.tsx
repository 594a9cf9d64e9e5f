import { useEffect, useRef, useState, type ReactNode } from 'react';
import { BigButton } from '../../../components/BigButton';
import { ConnectionBanner } from '../../../components/ConnectionBanner';
import { Banner } from '../../../components/Banner';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { AccessBar } from './AccessBar';
import { useT } from '../../../i18n';
import { japaneseLang } from '../../../i18n/lang';
import { useSessionBusy, useSessionProblem } from '../store/session';
import { useClinicName, useOffline, useStorageFailing } from '../../../stores/status';
import { setGuidance } from '../hooks/useSpeech';
import { settled, useStepSettled } from '../store/stepGuard';

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
 * The frame every patient screen sits in: clinic name, language, text size, contrast and voice on top; the
 * question in the middle (its actions kept in view; a cue when more is below); 戻る and 受付の人を呼ぶ
 * always in the same place at the bottom, within reach from a wheelchair.
 */
export function PatientFrame({ onBack, onCallStaff, offlineBanner = false, children }: PatientFrameProps) {
  const { t } = useT();
  const clinic = useClinicName();
  const offline = useOffline();
  const busy = useSessionBusy();
  const problem = useSessionProblem();
  // While storage fails the screen itself sends the patient to the desk: no "try again" on top of it.
  const storageFailing = useStorageFailing();
  const stepSettled = useStepSettled();
  return (
    <div className="kiosk" data-settled={stepSettled}>
      <header className="kiosk-header">
        <p className="kiosk-clinic" lang={japaneseLang(clinic)}>
          {clinic}
        </p>
        <div className="kiosk-settings">
          <LanguageSwitch />
          <AccessBar />
        </div>
      </header>
      <div className="kiosk-banners">
        <ConnectionBanner />
        {offlineBanner && offline ? <Banner tone="warn">{t('offline.banner')}</Banner> : null}
        {problem && !storageFailing ? <Banner tone="warn">{t('error.generic')}</Banner> : null}
      </div>
      <ScrollingMain>{children}</ScrollingMain>
      {onBack || onCallStaff ? (
        <footer className="kiosk-footer">
          {onBack ? (
            <BigButton variant="secondary" size="large" icon={<BackArrow />} onClick={settled(onBack)} disabled={busy}>
              {t('common.back')}
            </BigButton>
          ) : (
            <span />
          )}
          {onCallStaff ? (
            <BigButton variant="staff" size="large" icon={<BellIcon />} onClick={settled(onCallStaff)} disabled={busy}>
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

/**
 * The main area. Where a screen is taller than the kiosk (large text, landscape), the actions stay in view
 * (sticky, see patient.css) and a cue says that more is below; tapping it scrolls down.
 */
function ScrollingMain({ children }: { children: ReactNode }) {
  const { t } = useT();
  const ref = useRef<HTMLElement>(null);
  // null: nothing below; otherwise how far above the bottom the cue sits (over the sticky actions).
  const [cueAt, setCueAt] = useState<number | null>(null);
  useEffect(() => {
    const main = ref.current;
    if (!main) return;
    const check = () => {
      const more = main.scrollHeight - main.clientHeight - main.scrollTop > 8;
      const actions = main.querySelector<HTMLElement>('.actions');
      setCueAt(more ? (actions?.offsetHeight ?? 0) : null);
    };
    check();
    main.addEventListener('scroll', check, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check);
    observer?.observe(main);
    if (main.firstElementChild) observer?.observe(main.firstElementChild);
    return () => {
      main.removeEventListener('scroll', check);
      observer?.disconnect();
    };
  }, [children]);
  return (
    <div className="kiosk-main-wrap">
      <main ref={ref} className="kiosk-main">
        {children}
      </main>
      {cueAt !== null ? (
        <button
          type="button"
          className="scroll-cue"
          style={{ bottom: `calc(${cueAt}px + 0.4rem)` }}
          onClick={() => ref.current?.scrollBy({ top: ref.current.clientHeight * 0.7, behavior: 'smooth' })}
        >
          <span aria-hidden="true">▼ </span>
          {t('scroll.more')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The screen's one question. Focus moves here when the screen appears, so a screen reader reads it first;
 * with spoken guidance on, it (and the lead line under it) is what the kiosk says.
 */
export function ScreenTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    const title = ref.current?.textContent ?? '';
    const lead = ref.current?.parentElement?.querySelector('.lead')?.textContent ?? '';
    setGuidance([title, lead].filter(Boolean).join('\n'));
    return () => setGuidance('');
  }, [children]);
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

import { useT } from '../i18n';
import { useOnlineStatus } from '../stores/status';
import { clinicTime } from './clinicTime';

/** The online-verification state for staff and admin: line state, mode, and whether patients can use it. */
export function OnlineBadge() {
  const { t, locale } = useT();
  const online = useOnlineStatus();
  if (!online) return null;
  return (
    <p className={`online-badge online-${online.online ? 'ok' : 'off'}`} role="status">
      <span className="online-dot" aria-hidden="true" />
      <span>
        {t('online.label')}: {t(`online.state.${online.state}`)} · {t(`online.mode.${online.mode}`)} ·{' '}
        {t(online.online ? 'online.usable' : 'online.unusable')} (
        {t('online.since', { time: clinicTime(locale, online.since) })})
      </span>
    </p>
  );
}

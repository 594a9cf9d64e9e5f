import { useT } from '../../../i18n';
import { useLink } from './store';

/** The link state of one check-in, for the session table. */
export function LinkBadge({ checkinId }: { checkinId: string }) {
  const { t } = useT();
  const link = useLink(checkinId);
  if (!link) return <span className="quiet">{t('link.state.none')}</span>;
  return <span className={`link-pill link-${link.state}`}>{t(`link.state.${link.state}`)}</span>;
}

/** Shown above the list while the queue is stuck (ORCA down, wrong password, no defaults …). */
export function LinkAlertBanner({ count, reason }: { count: number; reason: string }) {
  const { t } = useT();
  return (
    <p className="link-alert" role="alert">
      {t('link.alert.stuck', { count, reason })}
    </p>
  );
}

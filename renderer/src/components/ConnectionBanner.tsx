import { useT } from '../i18n';
import { useConnection } from '../stores/status';
import { Banner } from './Banner';

/** Shown only while the link to the core is down; calm wording, no error colours. */
export function ConnectionBanner() {
  const { t } = useT();
  const connection = useConnection();
  if (connection === 'open') return null;
  return <Banner tone="warn">{t(connection === 'reconnecting' ? 'conn.reconnecting' : 'conn.connecting')}</Banner>;
}

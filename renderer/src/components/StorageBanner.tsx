import { useEffect, useState } from 'react';
import type { HeldCall } from '../../../shared/api/index';
import { useApi } from '../api';
import { useT } from '../i18n';
import { useStorage } from '../stores/status';
import { clinicDateTime } from './clinicTime';

/**
 * Staff and admin: a loud alert while the data store is failing (what is wrong, what to do, that it
 * recovers by itself) and every 受付の人を呼ぶ it is holding, so a patient's call reaches staff even
 * when it cannot be written. Nothing is shown while storage works.
 */
export function StorageBanner() {
  const { t, locale } = useT();
  const api = useApi();
  const storage = useStorage();
  const [calls, setCalls] = useState<HeldCall[]>([]);
  const [recovered, setRecovered] = useState<number | null>(null);
  useEffect(
    () =>
      api.on('storage.alert', (a) => {
        if (a.kind === 'call-staff-held')
          setCalls((c) => [...c.filter((x) => x.sessionId !== a.call.sessionId), a.call]);
        if (a.kind === 'storage-failing') setRecovered(null);
        if (a.kind === 'storage-recovered') {
          setCalls([]);
          setRecovered(a.written);
        }
      }),
    [api],
  );
  if (storage?.state !== 'failing') {
    return recovered !== null ? (
      <div className="storage-alert storage-alert-ok" role="status">
        {t('staff.storage.alert.recovered', { count: recovered })}
      </div>
    ) : null;
  }
  const code = storage.code ?? 'io';
  return (
    <div className="storage-alert" role="alert">
      <p className="storage-alert-title">
        {t('staff.storage.banner.failing', { problem: t(`staff.storage.code.${code}`) })}
      </p>
      <p>{t(`staff.storage.advice.${code}`)}</p>
      {storage.heldCalls > 0 ? <p>{t('staff.storage.banner.heldCalls', { count: storage.heldCalls })}</p> : null}
      {calls.length > 0 ? (
        <ul className="storage-alert-calls">
          {calls.map((c) => (
            <li key={c.sessionId}>
              {t('staff.storage.alert.callHeld', { kiosk: c.kioskId, time: clinicDateTime(locale, c.at) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

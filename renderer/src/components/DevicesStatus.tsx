import { useEffect, useId, useState } from 'react';
import type { DevicesView } from '../../../shared/api/index';
import { useApi } from '../api';
import { useT } from '../i18n';

/** One word for the printer's state, from its status bytes (or the last failure when it could not be asked). */
export function printerState(p: DevicesView['printer']): string {
  if (!p.configured) return 'not-configured';
  const c = p.condition;
  if (c !== 'unknown') {
    if (c.paperOut) return 'out-of-paper';
    if (c.coverOpen) return 'cover-open';
    if (c.error) return 'error';
    if (c.offline) return 'offline';
    if (c.paperNearEnd) return 'paper-near-end';
  }
  if (p.reachable === false) return 'unreachable';
  if (p.lastError && (!p.lastPrintedAt || p.lastError.at > p.lastPrintedAt)) return p.lastError.code;
  return c === 'unknown' ? 'unknown' : 'ready';
}

/** The 診察券 reader and the 受付票 printer as staff and admin see them, live ('devices.changed'). */
export function DevicesStatus() {
  const { t, tDynamic } = useT();
  const api = useApi();
  const titleId = useId();
  const [view, setView] = useState<DevicesView | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void api.request('devices.get', {}).then((r) => live && r.ok && setView(r.value));
    const off = api.on('devices.changed', setView);
    return () => {
      live = false;
      off();
    };
  }, [api]);
  if (!view) return null;
  const reader = tDynamic(`devices.reader.${view.cardReader.status}`, 'common.none');
  const printer = tDynamic(`devices.printer.${printerState(view.printer)}`, 'devices.printer.unknown');
  return (
    <section className="devices-status" aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        {t('staff.devices.title')}
      </h2>
      <p role="status">
        {t('staff.devices.reader', {
          status: view.cardReader.mode === 'off' ? t('devices.reader.not-configured') : reader,
        })}
        {' ・ '}
        {t('staff.devices.printer', { status: printer })}
      </p>
    </section>
  );
}

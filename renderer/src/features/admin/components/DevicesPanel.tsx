/** Enrolled devices: make a pairing code for a LAN kiosk tablet or the waiting-room display; revoke. */
import { useEffect, useId, useState } from 'react';
import type { DeviceKind, EnrolledDeviceView } from '../../../../../shared/api/auth';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { clinicDateTime } from '../../../components/clinicTime';
import { useT } from '../../../i18n';

export function DevicesPanel() {
  const { t, locale } = useT();
  const api = useApi();
  const id = useId();
  const [devices, setDevices] = useState<EnrolledDeviceView[]>([]);
  const [kind, setKind] = useState<DeviceKind>('kiosk');
  const [label, setLabel] = useState('');
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    void api.identityRequest('devices.list', {}).then((r) => {
      if (!live || !r.ok) return;
      setDevices(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.devices.title')}</h2>
      <p className="quiet">{t('admin.devices.help')}</p>
      {devices.length === 0 ? <p>{t('admin.devices.none')}</p> : null}
      <ul className="admin-list">
        {devices.map((d) => (
          <li key={d.id}>
            <span>
              {d.label} — {t(`admin.devices.kind.${d.kind}`)}
              {d.revokedAt ? ` (${t('admin.devices.revoked')})` : ''}
            </span>
            {d.revokedAt ? null : (
              <BigButton
                variant="secondary"
                onClick={async () => {
                  await api.identityRequest('devices.revoke', { id: d.id });
                  reload();
                }}
              >
                {t('admin.devices.revoke', { label: d.label })}
              </BigButton>
            )}
          </li>
        ))}
      </ul>
      <form
        className="admin-inline-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setError('');
          if (!label.trim()) return setError(t('auth.required'));
          const r = await api.identityRequest('devices.createPairingCode', { kind, label: label.trim() });
          if (r.ok) setCode({ code: r.value.code, expiresAt: r.value.expiresAt });
          else setError(t('auth.error', { message: r.error.message }));
        }}
      >
        <label htmlFor={`${id}-kind`} className="field-label">
          {t('admin.devices.kind')}
        </label>
        <select
          id={`${id}-kind`}
          className="field-input"
          value={kind}
          onChange={(e) => setKind(e.target.value === 'display' ? 'display' : 'kiosk')}
        >
          <option value="kiosk">{t('admin.devices.kind.kiosk')}</option>
          <option value="display">{t('admin.devices.kind.display')}</option>
        </select>
        <label htmlFor={`${id}-label`} className="field-label">
          {t('admin.devices.label')}
        </label>
        <input
          id={`${id}-label`}
          className="field-input"
          value={label}
          maxLength={40}
          autoComplete="off"
          onChange={(e) => setLabel(e.target.value)}
        />
        <BigButton type="submit">{t('admin.devices.create')}</BigButton>
        <p className="field-error">{error}</p>
      </form>
      {code ? (
        <p className="admin-code" role="status">
          {t('admin.devices.code', { code: code.code, time: clinicDateTime(locale, code.expiresAt) })}
        </p>
      ) : null}
    </section>
  );
}

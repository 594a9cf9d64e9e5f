import { useId, useState } from 'react';
import type { OnlineMode } from '../../../../shared/api/index';
import { useApi } from '../../api';
import { useStatusSync } from '../../stores/useStatusSync';
import { BigButton } from '../../components/BigButton';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { StorageBanner } from '../../components/StorageBanner';
import { DataSafetyPanel } from './components/DataSafetyPanel';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { formatDate } from '../../components/formatDate';
import { useT } from '../../i18n';
import { useStatus, useStatusActions } from '../../stores/status';
import { clinicDateTime } from '../../components/clinicTime';
import { OnlineBadge } from '../../components/OnlineBadge';
import { NameReasonFields } from '../../components/NameReasonFields';
import { AccountsPanel } from './components/AccountsPanel';
import { DevicesPanel } from './components/DevicesPanel';
import { LanPanel } from './components/LanPanel';
import { RuleTimeline } from './components/RuleTimeline';
import { ReceiptLinkForm } from './components/ReceiptLinkForm';
import { SettingsForm } from './components/SettingsForm';
import { DeviceSettingsForm } from './components/DeviceSettingsForm';
import '../../components/console.css';
import './admin.css';

const MODES: readonly OnlineMode[] = ['auto', 'forced-online', 'forced-offline'];

/** The clinic admin's screen: the status, the online mode, the clinic's settings and the national rules. */
export function AdminApp() {
  useStatusSync();
  const { t } = useT();
  return (
    <div className="console admin">
      <header className="console-header">
        <h1 className="console-title">{t('admin.title')}</h1>
        <OnlineBadge />
        <LanguageSwitch />
      </header>
      <ConnectionBanner />
      <StorageBanner />
      <div className="admin-body">
        <StatusPanel />
        <OnlineModeForm />
        <SettingsForm />
        <DataSafetyPanel />
        <AccountsPanel />
        <DevicesPanel />
        <LanPanel />
        <DeviceSettingsForm />
        <ReceiptLinkForm />
        <RuleTimeline />
      </div>
    </div>
  );
}

function StatusPanel() {
  const { t, locale } = useT();
  const status = useStatus();
  const titleId = useId();
  if (!status) return null;
  const o = status.online;
  const rows: [string, string][] = [
    [t('admin.status.clinic'), status.clinicName],
    [t('admin.status.today'), formatDate(locale, status.today)],
    [t('admin.status.state'), t(`online.state.${o.state}`)],
    [t('admin.status.mode'), t(`online.mode.${o.mode}`)],
    [t('admin.status.online'), t(o.online ? 'online.usable' : 'online.unusable')],
    [t('admin.status.since'), clinicDateTime(locale, o.since)],
    ...(o.detail ? ([[t('admin.status.detail'), o.detail]] as [string, string][]) : []),
    [t('admin.status.reader'), t(`admin.status.reader.${status.readerAdapter}`)],
    [t('admin.status.idle'), String(status.idleTimeoutSeconds)],
    [t('admin.status.demo'), t(status.demoPanel ? 'admin.status.demo.on' : 'admin.status.demo.off')],
  ];
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('admin.status.title')}</h2>
      <dl className="detail-list">
        {rows.map(([k, v]) => (
          <div key={k} className="detail-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function OnlineModeForm() {
  const { t } = useT();
  const api = useApi();
  const status = useStatus();
  const { onlineChanged } = useStatusActions();
  const id = useId();
  const [mode, setMode] = useState<OnlineMode | null>(null);
  const [staff, setStaff] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = mode ?? status?.online.mode ?? 'auto';
  const staffMissing = staff.trim() === '';
  const reasonMissing = reason.trim() === '';

  const submit = async () => {
    setTried(true);
    setResult(null);
    if (staffMissing || reasonMissing) return;
    setBusy(true);
    const r = await api.request('admin.setOnlineMode', { mode: chosen, staff: staff.trim(), reason: reason.trim() });
    setBusy(false);
    if (r.ok) {
      onlineChanged(r.value);
      setReason('');
      setTried(false);
      setMode(null);
      setResult({ ok: true, text: t('admin.mode.done') });
    } else {
      setResult({ ok: false, text: t('admin.mode.failed', { message: r.error.message }) });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.mode.title')}</h2>
      <p className="quiet">{t('admin.mode.help')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="mode-choices">
          <legend className="visually-hidden">{t('admin.status.mode')}</legend>
          {MODES.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name={`${id}-mode`} value={m} checked={chosen === m} onChange={() => setMode(m)} />
              <span>{t(`online.mode.${m}`)}</span>
            </label>
          ))}
        </fieldset>
        <NameReasonFields
          staff={staff}
          reason={reason}
          tried={tried}
          onStaff={setStaff}
          onReason={setReason}
          rows={2}
        />
        <BigButton type="submit" disabled={busy}>
          {t('admin.mode.apply')}
        </BigButton>
        <p className={result?.ok === false ? 'field-error' : 'form-result'} role="status">
          {result?.text ?? ''}
        </p>
      </form>
    </section>
  );
}

/** Exposure on the clinic LAN and the TLS certificate's fingerprint (for the receptionist PC to compare). */
import { useEffect, useId, useState } from 'react';
import type { HostExposureView } from '../../../../../shared/api/auth';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { useT } from '../../../i18n';

export function LanPanel() {
  const { t } = useT();
  const api = useApi();
  const id = useId();
  const [view, setView] = useState<HostExposureView | null>(null);
  const [bind, setBind] = useState('');
  const [port, setPort] = useState('5443');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    void api.identityRequest('host.exposure', {}).then((r) => {
      if (!live || !r.ok) return;
      setView(r.value);
      if (r.value.setting) {
        setBind(r.value.setting.bind);
        setPort(String(r.value.setting.port));
      }
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  const save = async (off: boolean) => {
    const r = await api.identityRequest(
      'host.setExposure',
      off ? { bind: null } : { bind: bind.trim(), port: Number(port) },
    );
    setResult(
      r.ok
        ? { ok: true, text: t('admin.lan.saved') }
        : { ok: false, text: t('auth.error', { message: r.error.message }) },
    );
    reload();
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.lan.title')}</h2>
      <p className="quiet">{t('admin.lan.help')}</p>
      <p>{view?.lanUrl ? t('admin.lan.current', { url: view.lanUrl }) : t('admin.lan.off')}</p>
      {view?.fromEnvironment ? <p className="quiet">{t('admin.lan.fromEnv')}</p> : null}
      {view?.tlsFingerprint ? (
        <>
          <h3 className="field-label">{t('admin.lan.fingerprint')}</h3>
          <p className="admin-code" aria-label={t('admin.lan.fingerprint')}>
            {view.tlsFingerprint}
          </p>
          <p className="quiet">{t('admin.lan.fingerprintHelp')}</p>
        </>
      ) : null}
      <form
        className="admin-inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <label htmlFor={`${id}-bind`} className="field-label">
          {t('admin.lan.bind')}
        </label>
        <input
          id={`${id}-bind`}
          className="field-input"
          value={bind}
          maxLength={64}
          autoComplete="off"
          inputMode="decimal"
          onChange={(e) => setBind(e.target.value)}
        />
        <label htmlFor={`${id}-port`} className="field-label">
          {t('admin.lan.port')}
        </label>
        <input
          id={`${id}-port`}
          className="field-input"
          value={port}
          maxLength={5}
          inputMode="numeric"
          onChange={(e) => setPort(e.target.value)}
        />
        <BigButton type="submit">{t('admin.lan.save')}</BigButton>
        {view?.setting ? (
          <BigButton variant="secondary" onClick={() => void save(true)}>
            {t('admin.lan.stop')}
          </BigButton>
        ) : null}
        <p className={result?.ok === false ? 'field-error' : 'form-result'} role="status">
          {result?.text ?? ''}
        </p>
      </form>
    </section>
  );
}

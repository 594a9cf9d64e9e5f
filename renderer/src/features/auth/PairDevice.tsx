/**
 * What a kiosk tablet on the clinic LAN shows until an admin has enrolled it: a field for the pairing code.
 * Redeeming it gives the device its credential (kept in this browser), and the core then says which kiosk
 * it is. Nothing of the patient flow is reachable before that.
 */
import { useState } from 'react';
import { useApi } from '../../api';
import { BigButton } from '../../components/BigButton';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../i18n';
import { errorText } from './SignInGate';
import { TextField } from './TextField';
import './auth.css';

export function PairDevice() {
  const { t } = useT();
  const api = useApi();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError('');
    if (!code.trim()) return setError(t('auth.required'));
    setBusy(true);
    const r = await api.identityRequest('device.redeem', { code: code.trim() });
    setBusy(false);
    if (!r.ok) setError(r.error.code === 'invalid-code' ? t('auth.pair.invalid') : errorText(t, r.error));
  };
  return (
    <main className="auth-screen">
      <div className="auth-top">
        <LanguageSwitch />
      </div>
      <section className="auth-card" aria-labelledby="auth-pair">
        <h1 id="auth-pair">{t('auth.pair.title')}</h1>
        <p className="quiet">{t('auth.pair.help')}</p>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <TextField label={t('auth.pair.code')} value={code} onChange={setCode} maxLength={40} />
          <BigButton type="submit" disabled={busy}>
            {t('auth.pair.submit')}
          </BigButton>
          <p className="field-error" role="alert">
            {error}
          </p>
        </form>
      </section>
    </main>
  );
}

export function DisplayEnrolled({ label }: { label: string }) {
  const { t } = useT();
  return (
    <main className="auth-screen">
      <p className="auth-card">{t('auth.display.enrolled', { label })}</p>
    </main>
  );
}

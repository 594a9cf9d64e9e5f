/**
 * The staff console and the admin screen always need a signed-in account (contracts §4), on every
 * transport. Until the core says this window is signed in with the right role, only the sign-in form
 * (or, on first run, the setup form) is drawn — no staff screen, no patient data.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { IdentityError } from '../../../../shared/api/auth';
import { useApi, useIdentity } from '../../api';
import { BigButton } from '../../components/BigButton';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT, type UiKey } from '../../i18n';
import { TextField } from './TextField';
import './auth.css';

export function SignInGate({ need, children }: { need: 'staff' | 'admin'; children: ReactNode }) {
  const identity = useIdentity();
  const { t } = useT();
  if (identity === null) return <p className="auth-loading">{t('common.loading')}</p>;
  if (identity.kind === 'staff' && (need === 'staff' || identity.role === 'admin')) {
    return (
      <>
        <SignedInBar name={identity.name} role={identity.role} />
        {children}
      </>
    );
  }
  return (
    <main className="auth-screen">
      <div className="auth-top">
        <LanguageSwitch />
      </div>
      {identity.kind === 'staff' ? <NotAdmin /> : <SignInOrSetup need={need} />}
    </main>
  );
}

function SignedInBar({ name, role }: { name: string; role: 'staff' | 'admin' }) {
  const { t } = useT();
  const api = useApi();
  return (
    <div className="signed-in-bar">
      <span>{t('auth.signedInAs', { name, role: t(`auth.role.${role}`) })}</span>
      <BigButton variant="quiet" onClick={() => void api.identityRequest('auth.signOut', {})}>
        {t('auth.signOut')}
      </BigButton>
    </div>
  );
}

function NotAdmin() {
  const { t } = useT();
  const api = useApi();
  return (
    <section className="auth-card" aria-labelledby="auth-not-admin">
      <h1 id="auth-not-admin">{t('auth.signIn.title.admin')}</h1>
      <p className="field-error">{t('auth.notAdmin')}</p>
      <BigButton onClick={() => void api.identityRequest('auth.signOut', {})}>{t('auth.signOut')}</BigButton>
    </section>
  );
}

/** Text for an identity error: wrong name/PIN and lockouts in the catalogue, anything else with the core's message. */
export function errorText(t: (key: UiKey, vars?: Record<string, string | number>) => string, e: IdentityError): string {
  if (e.code === 'invalid-credentials') return t('auth.signIn.failed');
  if (e.code === 'locked') return t('auth.signIn.locked', { seconds: e.retryAfterSeconds ?? 30 });
  if (e.code === 'invalid-code') return t('auth.setup.invalidCode');
  if (e.code === 'invalid-secret') return t('auth.secretRule');
  return t('auth.error', { message: e.message });
}

function SignInOrSetup({ need }: { need: 'staff' | 'admin' }) {
  const api = useApi();
  const [setup, setSetup] = useState<{ needed: boolean; code?: string } | null>(null);
  useEffect(() => {
    let live = true;
    void api.identityRequest('auth.whoami', {}).then((r) => {
      if (live && r.ok)
        setSetup({ needed: r.value.setupNeeded, ...(r.value.setupCode ? { code: r.value.setupCode } : {}) });
    });
    return () => {
      live = false;
    };
  }, [api]);
  if (setup?.needed && need === 'admin') return <SetupForm consoleCode={setup.code} />;
  return <SignInForm need={need} />;
}

function SignInForm({ need }: { need: 'staff' | 'admin' }) {
  const { t } = useT();
  const api = useApi();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setTried(true);
    setError('');
    if (!name.trim() || !secret) return;
    setBusy(true);
    const r = await api.identityRequest('auth.signIn', { name: name.trim(), secret });
    setBusy(false);
    if (!r.ok) {
      setSecret('');
      setError(errorText(t, r.error));
    }
  };
  return (
    <section className="auth-card" aria-labelledby="auth-sign-in">
      <h1 id="auth-sign-in">{t(need === 'admin' ? 'auth.signIn.title.admin' : 'auth.signIn.title.staff')}</h1>
      <p className="quiet">{t('auth.signIn.help')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          label={t('auth.name')}
          value={name}
          onChange={setName}
          maxLength={60}
          autoComplete="username"
          error={tried && !name.trim() ? t('auth.required') : undefined}
        />
        <TextField
          label={t('auth.secret')}
          value={secret}
          onChange={setSecret}
          type="password"
          autoComplete="current-password"
          error={tried && !secret ? t('auth.required') : undefined}
        />
        <BigButton type="submit" disabled={busy}>
          {t('auth.signIn.submit')}
        </BigButton>
        <p className="field-error" role="alert">
          {error}
        </p>
      </form>
    </section>
  );
}

function SetupForm({ consoleCode }: { consoleCode?: string }) {
  const { t } = useT();
  const api = useApi();
  const [code, setCode] = useState(consoleCode ?? '');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState('');
  const mismatch = secret !== again;
  const submit = async () => {
    setTried(true);
    setError('');
    if (!code.trim() || !name.trim() || !secret || mismatch) return;
    const r = await api.identityRequest('auth.setup', { code: code.trim(), name: name.trim(), secret });
    if (!r.ok) setError(errorText(t, r.error));
  };
  return (
    <section className="auth-card" aria-labelledby="auth-setup">
      <h1 id="auth-setup">{t('auth.setup.title')}</h1>
      <p className="quiet">{t('auth.setup.help')}</p>
      {consoleCode ? <p className="auth-console-code">{t('auth.setup.consoleCode', { code: consoleCode })}</p> : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          label={t('auth.setup.code')}
          value={code}
          onChange={setCode}
          maxLength={40}
          error={tried && !code.trim() ? t('auth.required') : undefined}
        />
        <TextField
          label={t('auth.name')}
          value={name}
          onChange={setName}
          maxLength={60}
          autoComplete="username"
          error={tried && !name.trim() ? t('auth.required') : undefined}
        />
        <TextField
          label={t('auth.secret')}
          value={secret}
          onChange={setSecret}
          type="password"
          autoComplete="new-password"
          help={t('auth.secretRule')}
          error={tried && !secret ? t('auth.required') : undefined}
        />
        <TextField
          label={t('auth.setup.secretAgain')}
          value={again}
          onChange={setAgain}
          type="password"
          autoComplete="new-password"
          error={tried && mismatch ? t('auth.setup.mismatch') : undefined}
        />
        <BigButton type="submit">{t('auth.setup.submit')}</BigButton>
        <p className="field-error" role="alert">
          {error}
        </p>
      </form>
    </section>
  );
}

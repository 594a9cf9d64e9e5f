/** Staff accounts: list, add, disable/enable, reset a PIN. Every change ends that person's sign-ins (core). */
import { useEffect, useId, useState } from 'react';
import type { IdentityError, StaffAccountView, StaffRole } from '../../../../../shared/api/auth';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { useT } from '../../../i18n';

export function AccountsPanel() {
  const { t } = useT();
  const api = useApi();
  const id = useId();
  const [accounts, setAccounts] = useState<StaffAccountView[]>([]);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetFor, setResetFor] = useState<StaffAccountView | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    void api.identityRequest('accounts.list', {}).then((r) => {
      if (!live || !r.ok) return;
      setAccounts(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  const report = (r: { ok: true } | { ok: false; error: IdentityError }, done: string) => {
    setResult(
      r.ok
        ? { ok: true, text: done }
        : {
            ok: false,
            text:
              r.error.code === 'invalid-secret' ? t('auth.secretRule') : t('auth.error', { message: r.error.message }),
          },
    );
    reload();
  };
  return (
    <section className="panel admin-wide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.accounts.title')}</h2>
      <p className="quiet">{t('admin.accounts.help')}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.accounts.name')}</th>
            <th scope="col">{t('admin.accounts.role')}</th>
            <th scope="col">{t('admin.accounts.state')}</th>
            <th scope="col">{t('admin.accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{t(`auth.role.${a.role}`)}</td>
              <td>
                {t(a.disabled ? 'admin.accounts.disabled' : 'admin.accounts.enabled')}
                {a.lockedUntil ? ` · ${t('admin.accounts.locked')}` : ''}
              </td>
              <td className="admin-actions">
                <BigButton
                  variant="secondary"
                  onClick={async () =>
                    report(
                      await api.identityRequest('accounts.setDisabled', { id: a.id, disabled: !a.disabled }),
                      t('admin.accounts.saved'),
                    )
                  }
                >
                  {t(a.disabled ? 'admin.accounts.enable' : 'admin.accounts.disable', { name: a.name })}
                </BigButton>
                <BigButton variant="secondary" onClick={() => setResetFor(a)}>
                  {t('admin.accounts.reset', { name: a.name })}
                </BigButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetFor ? (
        <SecretForm
          key={resetFor.id}
          title={t('admin.accounts.resetTitle', { name: resetFor.name })}
          submit={t('admin.accounts.resetSubmit')}
          onSubmit={async (secret) => {
            const r = await api.identityRequest('accounts.resetSecret', { id: resetFor.id, secret });
            if (r.ok) setResetFor(null);
            report(r, t('admin.accounts.saved'));
          }}
        />
      ) : null}
      <AddAccount onDone={(r) => report(r, t('admin.accounts.added'))} />
      <p className={result?.ok === false ? 'field-error' : 'form-result'} role="status">
        {result?.text ?? ''}
      </p>
    </section>
  );
}

function SecretForm(props: { title: string; submit: string; onSubmit: (secret: string) => Promise<void> }) {
  const { t } = useT();
  const id = useId();
  const [secret, setSecret] = useState('');
  return (
    <form
      className="admin-inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (secret) void props.onSubmit(secret).then(() => setSecret(''));
      }}
    >
      <label htmlFor={id} className="field-label">
        {props.title}
      </label>
      <input
        id={id}
        className="field-input"
        type="password"
        autoComplete="new-password"
        value={secret}
        maxLength={128}
        onChange={(e) => setSecret(e.target.value)}
      />
      <p className="quiet">{t('auth.secretRule')}</p>
      <BigButton type="submit">{props.submit}</BigButton>
    </form>
  );
}

function AddAccount({ onDone }: { onDone: (r: { ok: true } | { ok: false; error: IdentityError }) => void }) {
  const { t } = useT();
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('staff');
  const [secret, setSecret] = useState('');
  return (
    <form
      className="admin-inline-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim() || !secret) return;
        const r = await api.identityRequest('accounts.create', { name: name.trim(), role, secret });
        if (r.ok) {
          setName('');
          setSecret('');
        }
        onDone(r);
      }}
    >
      <label htmlFor={`${id}-name`} className="field-label">
        {t('admin.accounts.name')}
      </label>
      <input
        id={`${id}-name`}
        className="field-input"
        value={name}
        maxLength={60}
        autoComplete="off"
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor={`${id}-role`} className="field-label">
        {t('admin.accounts.role')}
      </label>
      <select
        id={`${id}-role`}
        className="field-input"
        value={role}
        onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'staff')}
      >
        <option value="staff">{t('auth.role.staff')}</option>
        <option value="admin">{t('auth.role.admin')}</option>
      </select>
      <label htmlFor={`${id}-secret`} className="field-label">
        {t('auth.secret')}
      </label>
      <input
        id={`${id}-secret`}
        className="field-input"
        type="password"
        autoComplete="new-password"
        value={secret}
        maxLength={128}
        onChange={(e) => setSecret(e.target.value)}
      />
      <p className="quiet">{t('auth.secretRule')}</p>
      <BigButton type="submit">{t('admin.accounts.add')}</BigButton>
    </form>
  );
}

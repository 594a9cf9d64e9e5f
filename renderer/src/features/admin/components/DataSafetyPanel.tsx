import { useEffect, useId, useState } from 'react';
import type { AdminSettings } from '../../../../../shared/api/index';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { AuditedSubmit, FormStatus } from '../../../components/AuditedSubmit';
import { useT } from '../../../i18n';
import { adminNumberLimits } from '../../../../../shared/settings';
import { useStorage } from '../../../stores/status';

type DataKey = 'backupDir' | 'backupIntervalMinutes' | 'backupKeep' | 'retentionDays';
type Draft = Record<DataKey, string>;
const toDraft = (s: AdminSettings): Draft => ({
  backupDir: s.backupDir,
  backupIntervalMinutes: String(s.backupIntervalMinutes),
  backupKeep: String(s.backupKeep),
  retentionDays: String(s.retentionDays),
});
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/**
 * データの保全: the data store's state, the two checks an admin can run (verify the audit chain, back up
 * now), and where/how often backups go and how long check-ins are kept (saved with who and why).
 */
export function DataSafetyPanel() {
  const { t } = useT();
  const api = useApi();
  const id = useId();
  const storage = useStorage();
  const [base, setBase] = useState<AdminSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [staff, setStaff] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const [check, setCheck] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'audit' | 'backup' | 'save' | null>(null);

  useEffect(() => {
    let live = true;
    void api.request('admin.getSettings', {}).then((r) => {
      if (live && r.ok) {
        setBase(r.value);
        setDraft(toDraft(r.value));
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  const verifyAudit = async () => {
    setBusy('audit');
    const r = await api.request('admin.verifyAudit', {});
    setBusy(null);
    if (!r.ok) setCheck({ ok: false, text: r.error.message });
    else if (r.value.intact) setCheck({ ok: true, text: t('admin.data.auditIntact', { entries: r.value.entries }) });
    else setCheck({ ok: false, text: t('admin.data.auditBroken', { id: r.value.brokenAt, message: r.value.message }) });
  };
  const backupNow = async () => {
    setBusy('backup');
    const r = await api.request('admin.backupNow', {});
    setBusy(null);
    setCheck(
      r.ok
        ? { ok: true, text: t('admin.data.backupDone', { file: r.value.file, sessions: r.value.sessions }) }
        : { ok: false, text: t('admin.data.backupFailed', { message: r.error.message }) },
    );
  };
  const save = async () => {
    if (!base || !draft) return;
    setTried(true);
    setSaved(null);
    if (staff.trim() === '' || reason.trim() === '') return;
    const patch: Partial<AdminSettings> = {};
    if (draft.backupDir.trim() !== base.backupDir) patch.backupDir = draft.backupDir.trim();
    for (const k of ['backupIntervalMinutes', 'backupKeep', 'retentionDays'] as const)
      if (num(draft[k]) !== base[k]) patch[k] = num(draft[k]);
    if (Object.keys(patch).length === 0) {
      setSaved({ ok: false, text: t('admin.settings.noChange') });
      return;
    }
    setBusy('save');
    const r = await api.request('admin.updateSettings', { patch, staff: staff.trim(), reason: reason.trim() });
    setBusy(null);
    if (r.ok) {
      setBase(r.value);
      setDraft(toDraft(r.value));
      setReason('');
      setTried(false);
      setSaved({ ok: true, text: t('admin.settings.saved') });
    } else {
      const issues = (r.error.issues ?? []).map((i) => `${i.path}: ${i.message}`);
      setSaved({ ok: false, text: t('admin.settings.failed', { message: [r.error.message, ...issues].join(' / ') }) });
    }
  };
  const field = (k: DataKey, label: string, props: { type?: string; min?: number; max?: number } = {}) => (
    <>
      <label htmlFor={`${id}-${k}`} className="field-label">
        {label}
      </label>
      <input
        id={`${id}-${k}`}
        className={props.type === 'number' ? 'field-input field-narrow' : 'field-input field-path'}
        value={draft?.[k] ?? ''}
        autoComplete="off"
        maxLength={260}
        {...props}
        onChange={(e) => setDraft((d) => (d ? { ...d, [k]: e.target.value } : d))}
      />
    </>
  );

  return (
    <section className="panel panel-wide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.data.title')}</h2>
      <p className={storage?.state === 'failing' ? 'field-error' : 'quiet'}>
        {t('admin.data.state', {
          state: t(storage?.state === 'failing' ? 'admin.data.state.failing' : 'admin.data.state.ok'),
        })}
      </p>
      <div className="data-actions">
        <BigButton variant="secondary" onClick={() => void verifyAudit()} disabled={busy !== null}>
          {t('admin.data.verifyAudit')}
        </BigButton>
        <BigButton variant="secondary" onClick={() => void backupNow()} disabled={busy !== null}>
          {t('admin.data.backupNow')}
        </BigButton>
      </div>
      <FormStatus result={check} />
      {draft ? (
        <form
          noValidate
          className="settings-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {field('backupDir', t('admin.data.backupDir'))}
          {field('backupIntervalMinutes', t('admin.data.backupInterval'), {
            type: 'number',
            ...adminNumberLimits('backupIntervalMinutes'),
          })}
          {field('backupKeep', t('admin.data.backupKeep'), { type: 'number', ...adminNumberLimits('backupKeep') })}
          {field('retentionDays', t('admin.data.retention'), { type: 'number', ...adminNumberLimits('retentionDays') })}
          <AuditedSubmit
            staff={staff}
            reason={reason}
            tried={tried}
            onStaff={setStaff}
            onReason={setReason}
            label={t('admin.data.save')}
            disabled={busy !== null}
          />
          <FormStatus result={saved} />
        </form>
      ) : null}
    </section>
  );
}

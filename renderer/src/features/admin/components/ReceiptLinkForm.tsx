import { useEffect, useId, useState } from 'react';
import type { OrcaCodeName, ReceiptLinkSettingsView } from '../../../../../shared/receipt-link/index';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { AuditedSubmit, FormStatus } from '../../../components/AuditedSubmit';
import { useT } from '../../../i18n';

interface Draft {
  enabled: boolean;
  url: string;
  user: string;
  password: string;
  departmentCode: string;
  physicianCode: string;
  newPatient: boolean;
  exportDir: string;
  json: boolean;
  csv: boolean;
}

const toDraft = (v: ReceiptLinkSettingsView): Draft => ({
  enabled: v.enabled,
  url: v.url,
  user: v.user,
  password: '',
  departmentCode: v.departmentCode,
  physicianCode: v.physicianCode,
  newPatient: v.newPatient,
  exportDir: v.exportDir,
  json: v.exportFormats.includes('json'),
  csv: v.exportFormats.includes('csv'),
});

/**
 * レセコン（ORCA）連携: the connection (the password is write-only: empty keeps it), the default 診療科 / 医師
 * picked from ORCA's own lists (system01lstv2), new-patient 受付, and the file exporter's folder. Saved
 * with who and why (audited; the password never is).
 */
export function ReceiptLinkForm() {
  const { t } = useT();
  const api = useApi();
  const id = useId();
  const [view, setView] = useState<ReceiptLinkSettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [choices, setChoices] = useState<{ departments: OrcaCodeName[]; physicians: OrcaCodeName[] } | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [staff, setStaff] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.request('admin.receiptLinkSettings', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setView(r.value);
        setDraft(toDraft(r.value));
      } else setNote({ ok: false, text: t('admin.settings.loadFailed', { message: r.error.message }) });
    });
    return () => {
      live = false;
    };
  }, [api, t]);

  const loadChoices = async () => {
    const r = await api.request('admin.orcaChoices', {});
    if (r.ok && r.value.ok) setChoices({ departments: r.value.departments, physicians: r.value.physicians });
    else
      setNote({
        ok: false,
        text: t('admin.link.choicesFailed', { message: r.ok ? (r.value.ok ? '' : r.value.detail) : r.error.message }),
      });
  };

  const submit = async () => {
    if (!draft) return;
    setTried(true);
    setNote(null);
    if (staff.trim() === '' || reason.trim() === '') return;
    setBusy(true);
    const r = await api.request('admin.updateReceiptLinkSettings', {
      settings: {
        enabled: draft.enabled,
        url: draft.url.trim(),
        user: draft.user,
        ...(draft.password ? { password: draft.password } : {}),
        departmentCode: draft.departmentCode,
        physicianCode: draft.physicianCode,
        newPatient: draft.newPatient,
        exportDir: draft.exportDir.trim(),
        exportFormats: [...(draft.json ? (['json'] as const) : []), ...(draft.csv ? (['csv'] as const) : [])],
      },
      staff: staff.trim(),
      reason: reason.trim(),
    });
    setBusy(false);
    if (r.ok) {
      setView(r.value);
      setDraft(toDraft(r.value));
      setReason('');
      setTried(false);
      setNote({ ok: true, text: t('admin.settings.saved') });
    } else setNote({ ok: false, text: t('admin.settings.failed', { message: r.error.message }) });
  };

  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const fromEnv = view?.source === 'environment';
  const codeSelect = (kind: 'department' | 'physician', list: OrcaCodeName[] | undefined, value: string) => (
    <>
      <label htmlFor={`${id}-${kind}`} className="field-label">
        {t(kind === 'department' ? 'admin.link.department' : 'admin.link.physician')}
      </label>
      {list ? (
        <select
          id={`${id}-${kind}`}
          className="field-input"
          value={value}
          onChange={(e) =>
            set(kind === 'department' ? { departmentCode: e.target.value } : { physicianCode: e.target.value })
          }
        >
          <option value="">{t('admin.link.chooseOne')}</option>
          {list.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} {c.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={`${id}-${kind}`}
          className="field-input field-narrow"
          value={value}
          maxLength={10}
          onChange={(e) =>
            set(
              kind === 'department'
                ? { departmentCode: e.target.value.replace(/[^0-9A-Za-z]/g, '') }
                : { physicianCode: e.target.value.replace(/[^0-9A-Za-z]/g, '') },
            )
          }
        />
      )}
    </>
  );

  return (
    <section className="panel panel-wide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.link.title')}</h2>
      {draft ? (
        <form
          noValidate
          className="settings-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="settings-grid">
            <div className="settings-col">
              <label className="choice">
                <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
                <span>{t('admin.link.enabled')}</span>
              </label>
              {fromEnv ? <p className="quiet field-help">{t('admin.link.fromEnvironment')}</p> : null}
              <label htmlFor={`${id}-url`} className="field-label">
                {t('admin.link.url')}
              </label>
              <input
                id={`${id}-url`}
                className="field-input"
                value={draft.url}
                maxLength={300}
                autoComplete="off"
                disabled={fromEnv}
                onChange={(e) => set({ url: e.target.value })}
              />
              <label htmlFor={`${id}-user`} className="field-label">
                {t('admin.link.user')}
              </label>
              <input
                id={`${id}-user`}
                className="field-input"
                value={draft.user}
                maxLength={100}
                autoComplete="off"
                disabled={fromEnv}
                onChange={(e) => set({ user: e.target.value })}
              />
              <label htmlFor={`${id}-password`} className="field-label">
                {t('admin.link.password')}
              </label>
              <input
                id={`${id}-password`}
                className="field-input"
                type="password"
                value={draft.password}
                maxLength={200}
                autoComplete="new-password"
                placeholder={view?.passwordSet ? t('admin.link.passwordKeep') : ''}
                disabled={fromEnv}
                onChange={(e) => set({ password: e.target.value })}
              />
            </div>
            <div className="settings-col">
              <BigButton variant="secondary" onClick={() => void loadChoices()}>
                {t('admin.link.loadChoices')}
              </BigButton>
              {codeSelect('department', choices?.departments, draft.departmentCode)}
              {codeSelect('physician', choices?.physicians, draft.physicianCode)}
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.newPatient}
                  onChange={(e) => set({ newPatient: e.target.checked })}
                />
                <span>{t('admin.link.newPatient')}</span>
              </label>
              <label htmlFor={`${id}-export`} className="field-label">
                {t('admin.link.exportDir')}
              </label>
              <input
                id={`${id}-export`}
                className="field-input"
                value={draft.exportDir}
                maxLength={500}
                autoComplete="off"
                onChange={(e) => set({ exportDir: e.target.value })}
              />
              <label className="choice">
                <input type="checkbox" checked={draft.json} onChange={(e) => set({ json: e.target.checked })} />
                <span>{t('admin.link.exportJson')}</span>
              </label>
              <label className="choice">
                <input type="checkbox" checked={draft.csv} onChange={(e) => set({ csv: e.target.checked })} />
                <span>{t('admin.link.exportCsv')}</span>
              </label>
            </div>
          </div>
          <AuditedSubmit
            staff={staff}
            reason={reason}
            tried={tried}
            onStaff={setStaff}
            onReason={setReason}
            label={t('admin.link.save')}
            disabled={busy}
          />
        </form>
      ) : null}
      <FormStatus result={note} />
    </section>
  );
}

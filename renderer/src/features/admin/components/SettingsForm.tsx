import { useCallback, useEffect, useId, useState } from 'react';
import type { AdminSettings, ApiError } from '../../../../../shared/api/index';
import { adminNumberLimits } from '../../../../../shared/settings';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import type { Locale } from '../../../../../shared/i18n/locales';
import { useT, type UiKey } from '../../../i18n';
import { AuditedSubmit, FormStatus } from '../../../components/AuditedSubmit';
import { LanguageOptions } from './LanguageOptions';

/** From the admin schema (shared/settings.ts): the same limits the core enforces. */
const IDLE_LIMITS = adminNumberLimits('idleTimeoutSeconds');
const SHORTCUT_LIMITS = adminNumberLimits('insurerShortcutsMinVisits');

type Policy = AdminSettings['policy'];
type PolicySwitch =
  | 'staffConfirmOfflineAcceptance'
  | 'staffConfirmEveryAcceptance'
  | 'refuseNoticeWithCardOffline'
  | 'refusePortalWithCardOffline';

/** The clinic's stricter-only switches that are plain on/off (document lists are kept as they are). */
const POLICY_SWITCHES: readonly PolicySwitch[] = [
  'staffConfirmOfflineAcceptance',
  'staffConfirmEveryAcceptance',
  'refuseNoticeWithCardOffline',
  'refusePortalWithCardOffline',
];
const POLICY_LABEL: Record<PolicySwitch, UiKey> = {
  staffConfirmOfflineAcceptance: 'admin.settings.policy.staffConfirmOfflineAcceptance',
  staffConfirmEveryAcceptance: 'admin.settings.policy.staffConfirmEveryAcceptance',
  refuseNoticeWithCardOffline: 'admin.settings.policy.refuseNoticeWithCardOffline',
  refusePortalWithCardOffline: 'admin.settings.policy.refusePortalWithCardOffline',
};

interface Draft {
  clinicName: string;
  idle: string;
  insurerShortcuts: string;
  demoPanel: boolean;
  smartphoneReader: boolean;
  onshiCp932Fallback: boolean;
  voiceGuidance: boolean;
  policy: Record<PolicySwitch, boolean>;
  languages: Locale[];
}

function toDraft(s: AdminSettings): Draft {
  return {
    clinicName: s.clinicName,
    idle: String(s.idleTimeoutSeconds),
    insurerShortcuts: String(s.insurerShortcutsMinVisits),
    demoPanel: s.demoPanel,
    smartphoneReader: s.smartphoneReader,
    onshiCp932Fallback: s.onshiCp932Fallback,
    voiceGuidance: s.voiceGuidance,
    policy: Object.fromEntries(POLICY_SWITCHES.map((k) => [k, s.policy[k] === true])) as Record<PolicySwitch, boolean>,
    languages: [...s.languages],
  };
}

/** Only what changed. The policy goes whole (with its document lists untouched) when any switch changed. */
function toPatch(base: AdminSettings, d: Draft): Partial<AdminSettings> {
  const patch: Partial<AdminSettings> = {};
  if (d.clinicName !== base.clinicName) patch.clinicName = d.clinicName.trim();
  const idle = d.idle.trim() === '' ? Number.NaN : Number(d.idle);
  if (idle !== base.idleTimeoutSeconds) patch.idleTimeoutSeconds = idle;
  const shortcuts = d.insurerShortcuts.trim() === '' ? Number.NaN : Number(d.insurerShortcuts);
  if (shortcuts !== base.insurerShortcutsMinVisits) patch.insurerShortcutsMinVisits = shortcuts;
  if (d.demoPanel !== base.demoPanel) patch.demoPanel = d.demoPanel;
  if (d.smartphoneReader !== base.smartphoneReader) patch.smartphoneReader = d.smartphoneReader;
  if (d.onshiCp932Fallback !== base.onshiCp932Fallback) patch.onshiCp932Fallback = d.onshiCp932Fallback;
  if (d.languages.join() !== base.languages.join()) patch.languages = d.languages;
  if (d.voiceGuidance !== base.voiceGuidance) patch.voiceGuidance = d.voiceGuidance;
  if (POLICY_SWITCHES.some((k) => d.policy[k] !== (base.policy[k] === true))) {
    const policy: Policy = { ...base.policy };
    for (const k of POLICY_SWITCHES) {
      if (d.policy[k]) policy[k] = true;
      else delete policy[k];
    }
    patch.policy = policy;
  }
  return patch;
}

/** The core's own words for a refused change: the message and each field's complaint. */
function errorText(e: ApiError): string {
  const issues = (e.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return [e.message, ...issues].join(' / ');
}

/** 設定: the clinic-editable settings (`admin.getSettings`), saved with who and why (`admin.updateSettings`). */
export function SettingsForm() {
  const { t } = useT();
  const api = useApi();
  const id = useId();
  const [base, setBase] = useState<AdminSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [staff, setStaff] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api.request('admin.getSettings', {});
    if (r.ok) {
      setLoadError(null);
      setBase(r.value);
      setDraft(toDraft(r.value));
    } else setLoadError(r.error.message);
  }, [api]);

  useEffect(() => {
    let live = true;
    void api.request('admin.getSettings', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setBase(r.value);
        setDraft(toDraft(r.value));
      } else setLoadError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const submit = async () => {
    if (!base || !draft) return;
    setTried(true);
    setResult(null);
    if (staff.trim() === '' || reason.trim() === '') return;
    const patch = toPatch(base, draft);
    if (Object.keys(patch).length === 0) {
      setResult({ ok: false, text: t('admin.settings.noChange') });
      return;
    }
    setBusy(true);
    const r = await api.request('admin.updateSettings', { patch, staff: staff.trim(), reason: reason.trim() });
    setBusy(false);
    if (r.ok) {
      setBase(r.value);
      setDraft(toDraft(r.value));
      setReason('');
      setTried(false);
      setResult({ ok: true, text: t('admin.settings.saved') });
    } else {
      setResult({ ok: false, text: t('admin.settings.failed', { message: errorText(r.error) }) });
    }
  };

  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  return (
    <section className="panel panel-wide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.settings.title')}</h2>
      <p className="quiet">{t('admin.settings.help')}</p>
      {loadError ? (
        <div className="settings-load-error">
          <p className="field-error" role="alert">
            {t('admin.settings.loadFailed', { message: loadError })}
          </p>
          <BigButton variant="secondary" onClick={() => void load()}>
            {t('admin.settings.reload')}
          </BigButton>
        </div>
      ) : null}
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
              <label htmlFor={`${id}-clinic`} className="field-label">
                {t('admin.settings.clinicName')}
              </label>
              <input
                id={`${id}-clinic`}
                className="field-input"
                value={draft.clinicName}
                maxLength={60}
                autoComplete="off"
                onChange={(e) => set({ clinicName: e.target.value })}
              />
              <NumberSetting
                id={`${id}-idle`}
                label={t('admin.settings.idle')}
                limits={IDLE_LIMITS}
                value={draft.idle}
                onChange={(idle) => set({ idle })}
              />
              <NumberSetting
                id={`${id}-shortcuts`}
                label={t('admin.settings.insurerShortcuts')}
                help={t('admin.settings.insurerShortcutsHelp')}
                limits={SHORTCUT_LIMITS}
                value={draft.insurerShortcuts}
                onChange={(insurerShortcuts) => set({ insurerShortcuts })}
              />
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.demoPanel}
                  onChange={(e) => set({ demoPanel: e.target.checked })}
                />
                <span>{t('admin.settings.demoPanel')}</span>
              </label>
              <p className="quiet field-help">{t('admin.settings.demoPanelHelp')}</p>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.smartphoneReader}
                  onChange={(e) => set({ smartphoneReader: e.target.checked })}
                />
                <span>{t('admin.settings.smartphoneReader')}</span>
              </label>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.onshiCp932Fallback}
                  onChange={(e) => set({ onshiCp932Fallback: e.target.checked })}
                />
                <span>{t('admin.settings.onshiCp932Fallback')}</span>
              </label>
              <p className="quiet field-help">{t('admin.settings.onshiCp932FallbackHelp')}</p>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.voiceGuidance}
                  onChange={(e) => set({ voiceGuidance: e.target.checked })}
                />
                <span>{t('admin.settings.voiceGuidance')}</span>
              </label>
              <p className="quiet field-help">{t('admin.settings.voiceGuidanceHelp')}</p>
              <LanguageOptions value={draft.languages} onChange={(languages) => set({ languages })} />
            </div>
            <fieldset className="mode-choices settings-col">
              <legend className="field-label">{t('admin.settings.policy')}</legend>
              {POLICY_SWITCHES.map((k) => (
                <label key={k} className="choice">
                  <input
                    type="checkbox"
                    checked={draft.policy[k]}
                    onChange={(e) => set({ policy: { ...draft.policy, [k]: e.target.checked } })}
                  />
                  <span>{t(POLICY_LABEL[k])}</span>
                </label>
              ))}
            </fieldset>
          </div>
          <AuditedSubmit
            staff={staff}
            reason={reason}
            tried={tried}
            onStaff={setStaff}
            onReason={setReason}
            label={t('admin.settings.save')}
            disabled={busy}
          />
          <FormStatus result={result} />
        </form>
      ) : !loadError ? (
        <p className="quiet">{t('common.loading')}</p>
      ) : null}
    </section>
  );
}

/** A whole-number setting with its limits from shared/settings, and an optional line of help. */
function NumberSetting(props: {
  id: string;
  label: string;
  help?: string;
  limits: { min: number; max: number };
  value: string;
  onChange: (value: string) => void;
}) {
  const { id, label, help, limits, value, onChange } = props;
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="field-input field-narrow"
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        value={value}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {help ? (
        <p id={`${id}-help`} className="quiet field-help">
          {help}
        </p>
      ) : null}
    </>
  );
}

import { useEffect, useId, useState, type ReactNode } from 'react';
import type { AdminSettings, HidDeviceSummary } from '../../../../../shared/api/index';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { DevicesStatus } from '../../../components/DevicesStatus';
import { AuditedSubmit, FormStatus } from '../../../components/AuditedSubmit';
import { useT } from '../../../i18n';

type Reader = AdminSettings['patientCardReader'];
type Pattern = AdminSettings['patientCardPattern'];

interface Draft {
  mode: Reader['mode'];
  vendorId: string;
  productId: string;
  usagePage: string;
  format: NonNullable<Reader['format']>;
  pattern: { charset: Pattern['charset']; min: string; max: string; prefix: string; checkDigit: Pattern['checkDigit'] };
  printer: string;
  rooms: string;
  speech: string[];
}

const READER_MODES = ['off', 'hid', 'keyboard', 'simulator'] as const;
const hex = (n: number | undefined) => (n === undefined ? '' : n.toString(16).padStart(4, '0'));
const parseHex = (s: string) => (/^[0-9a-fA-F]{1,4}$/.test(s.trim()) ? parseInt(s.trim(), 16) : undefined);

function toDraft(s: AdminSettings): Draft {
  const r = s.patientCardReader;
  const p = s.patientCardPattern;
  return {
    mode: r.mode,
    vendorId: hex(r.vendorId),
    productId: hex(r.productId),
    usagePage: hex(r.usagePage),
    format: r.format ?? 'pos',
    pattern: {
      charset: p.charset,
      min: String(p.minLength),
      max: String(p.maxLength),
      prefix: p.prefix ?? '',
      checkDigit: p.checkDigit,
    },
    printer: s.printer,
    rooms: s.callRooms.map((room) => `${room.id}:${room.label}`).join(', '),
    speech: s.displaySpeechLanguages,
  };
}

/** The draft as a settings patch; the core validates it (and says what is wrong). */
function toPatch(d: Draft): Partial<AdminSettings> {
  const vendorId = parseHex(d.vendorId);
  const productId = parseHex(d.productId);
  const usagePage = parseHex(d.usagePage);
  const prefix = d.pattern.prefix.trim();
  return {
    patientCardReader: {
      mode: d.mode,
      ...(vendorId !== undefined ? { vendorId } : {}),
      ...(productId !== undefined ? { productId } : {}),
      ...(usagePage !== undefined ? { usagePage } : {}),
      format: d.format,
    },
    patientCardPattern: {
      charset: d.pattern.charset,
      minLength: Number(d.pattern.min),
      maxLength: Number(d.pattern.max),
      ...(prefix ? { prefix } : {}),
      checkDigit: d.pattern.checkDigit,
    },
    printer: d.printer.trim(),
    callRooms: d.rooms
      .split(/[,、]/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => {
        const [id = '', ...label] = x.split(':');
        return { id: id.trim(), label: label.join(':').trim() };
      }),
    displaySpeechLanguages: d.speech.filter((l): l is 'ja' | 'en' => l === 'ja' || l === 'en'),
  };
}

/** 診察券 reader, number pattern, 受付票 printer, rooms and the display's announcement languages. */
export function DeviceSettingsForm() {
  const { t } = useT();
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [hid, setHid] = useState<HidDeviceSummary[] | undefined>(undefined);
  const [staff, setStaff] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void api.request('admin.getSettings', {}).then((r) => {
      if (live && r.ok) setDraft(toDraft(r.value));
    });
    return () => {
      live = false;
    };
  }, [api]);

  if (!draft) return null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setPattern = (patch: Partial<Draft['pattern']>) => set({ pattern: { ...draft.pattern, ...patch } });
  const submit = async () => {
    setTried(true);
    if (!staff.trim() || !reason.trim()) return;
    const r = await api.request('admin.updateSettings', {
      patch: toPatch(draft),
      staff: staff.trim(),
      reason: reason.trim(),
    });
    setResult(
      r.ok
        ? { ok: true, text: t('admin.settings.saved') }
        : { ok: false, text: t('admin.settings.failed', { message: r.error.issues?.[0]?.message ?? r.error.message }) },
    );
    if (r.ok) setDraft(toDraft(r.value));
  };
  const field = (key: string, label: string, input: ReactNode) => (
    <div key={key}>
      <label htmlFor={`${id}-${key}`} className="field-label">
        {label}
      </label>
      {input}
    </div>
  );
  return (
    <section className="panel panel-wide" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.hardware.title')}</h2>
      <DevicesStatus />
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
            {field(
              'mode',
              t('admin.hardware.readerMode'),
              <select
                id={`${id}-mode`}
                className="field-input"
                value={draft.mode}
                onChange={(e) => set({ mode: READER_MODES.find((m) => m === e.target.value) ?? 'off' })}
              >
                {READER_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`admin.hardware.readerMode.${m}`)}
                  </option>
                ))}
              </select>,
            )}
            {(['vendorId', 'productId', 'usagePage'] as const).map((k) =>
              field(
                k,
                t(`admin.hardware.${k}`),
                <input
                  id={`${id}-${k}`}
                  className="field-input field-narrow"
                  value={draft[k]}
                  maxLength={4}
                  onChange={(e) => set({ [k]: e.target.value })}
                />,
              ),
            )}
            <BigButton
              variant="secondary"
              onClick={() => void api.request('devices.listHid', {}).then((r) => setHid(r.ok ? r.value : []))}
            >
              {t('admin.hardware.listHid')}
            </BigButton>
            {hid ? (
              <ul className="hid-list">
                {hid.length === 0 ? <li>{t('admin.hardware.noHid')}</li> : null}
                {hid.map((d, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      className="btn btn-quiet btn-normal"
                      onClick={() =>
                        set({
                          mode: 'hid',
                          vendorId: hex(d.vendorId),
                          productId: hex(d.productId),
                          usagePage: hex(d.usagePage),
                        })
                      }
                    >
                      {`${hex(d.vendorId)}:${hex(d.productId)} ${d.usagePage !== undefined ? `page ${hex(d.usagePage)}` : ''} ${d.product ?? ''}`}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className="settings-col">
            {field(
              'charset',
              t('admin.hardware.pattern'),
              <select
                id={`${id}-charset`}
                className="field-input"
                value={draft.pattern.charset}
                onChange={(e) => setPattern({ charset: e.target.value === 'alphanumeric' ? 'alphanumeric' : 'digits' })}
              >
                <option value="digits">{t('admin.hardware.pattern.digits')}</option>
                <option value="alphanumeric">{t('admin.hardware.pattern.alphanumeric')}</option>
              </select>,
            )}
            {field(
              'min',
              t('admin.hardware.pattern.min'),
              <input
                id={`${id}-min`}
                className="field-input field-narrow"
                type="number"
                value={draft.pattern.min}
                onChange={(e) => setPattern({ min: e.target.value })}
              />,
            )}
            {field(
              'max',
              t('admin.hardware.pattern.max'),
              <input
                id={`${id}-max`}
                className="field-input field-narrow"
                type="number"
                value={draft.pattern.max}
                onChange={(e) => setPattern({ max: e.target.value })}
              />,
            )}
            {field(
              'prefix',
              t('admin.hardware.pattern.prefix'),
              <input
                id={`${id}-prefix`}
                className="field-input field-narrow"
                value={draft.pattern.prefix}
                maxLength={8}
                onChange={(e) => setPattern({ prefix: e.target.value })}
              />,
            )}
            {field(
              'check',
              t('admin.hardware.pattern.checkDigit'),
              <select
                id={`${id}-check`}
                className="field-input"
                value={draft.pattern.checkDigit}
                onChange={(e) =>
                  setPattern({
                    checkDigit: e.target.value === 'mod10' ? 'mod10' : e.target.value === 'mod11' ? 'mod11' : 'none',
                  })
                }
              >
                <option value="none">{t('admin.hardware.pattern.none')}</option>
                <option value="mod10">mod 10 (Luhn)</option>
                <option value="mod11">mod 11</option>
              </select>,
            )}
            {field(
              'printer',
              t('admin.hardware.printer'),
              <input
                id={`${id}-printer`}
                className="field-input"
                value={draft.printer}
                maxLength={300}
                placeholder="tcp://192.168.1.50:9100"
                onChange={(e) => set({ printer: e.target.value })}
              />,
            )}
            {field(
              'rooms',
              t('admin.hardware.rooms'),
              <input
                id={`${id}-rooms`}
                className="field-input"
                value={draft.rooms}
                onChange={(e) => set({ rooms: e.target.value })}
              />,
            )}
            <fieldset className="mode-choices">
              <legend className="field-label">{t('admin.hardware.speech')}</legend>
              {(['ja', 'en'] as const).map((l) => (
                <label key={l} className="choice">
                  <input
                    type="checkbox"
                    checked={draft.speech.includes(l)}
                    onChange={(e) =>
                      set({ speech: e.target.checked ? [...draft.speech, l] : draft.speech.filter((x) => x !== l) })
                    }
                  />
                  <span>{l === 'ja' ? '日本語' : 'English'}</span>
                </label>
              ))}
            </fieldset>
          </div>
        </div>
        <AuditedSubmit
          staff={staff}
          reason={reason}
          tried={tried}
          onStaff={setStaff}
          onReason={setReason}
          label={t('admin.hardware.save')}
        />
        <FormStatus result={result} />
      </form>
    </section>
  );
}

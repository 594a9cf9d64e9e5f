import { useId, useState, type ReactNode } from 'react';
import { parseInsurerNumber } from '../../../../../shared/insurance/index';
import { draftFromIso, emptyDraft, type DateDraft } from '../../../../../shared/insurance/wareki';
import { BigButton } from '../../../components/BigButton';
import { DateEntry, plausibleIso } from '../components/DateEntry';
import { formatDate } from '../../../components/formatDate';
import { isKatakanaName, toKatakana } from '../components/kana';
import { KanaKeyboard } from '../components/KanaKeyboard';
import { KeypadField } from '../components/KeypadField';
import { NameEntry } from '../components/NameEntry';
import { OWN_NAME } from '../components/LatinKeyboard';
import { StepProgress } from '../components/Progress';
import { useT, type UiKey } from '../../../i18n';
import { currentSession, useInsurerShortcuts, useSessionBusy } from '../store/session';
import { InsurerShortcuts } from '../components/InsurerShortcuts';
import { useToday } from '../../../stores/status';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import { ConfirmLeave } from '../components/ConfirmLeave';
import type { PatientFlow } from '../hooks/usePatientFlow';
import { restoredDraft, useDraftSaver } from '../hooks/useDraft';
import { settled, useStepMark } from '../store/stepGuard';

type Step = 'name' | 'birthDate' | 'insurerName' | 'insurerNumber' | 'phone' | 'review';
const ALL_STEPS: readonly Step[] = ['name', 'birthDate', 'insurerName', 'insurerNumber', 'phone', 'review'];
const LABEL: Record<Exclude<Step, 'review'>, UiKey> = {
  name: 'declare.name.label',
  birthDate: 'declare.birthDate.label',
  insurerName: 'declare.insurerName.label',
  insurerNumber: 'declare.insurerNumber.label',
  phone: 'declare.phone.label',
};
const OPTIONAL: ReadonlySet<Step> = new Set(['insurerName', 'insurerNumber', 'phone']);
const spaces = (v: string) => v.trim().replace(/\s+/g, ' ');

/**
 * 7. 被保険者資格申立書: the name (in the patient's own script and/or katakana), the birth date (unless
 * already given), and what the patient knows of their insurer; the phone is optional. Verified later.
 */
export function SelfDeclarationScreen({ flow }: { flow: PatientFlow }) {
  const { t, tCode, locale } = useT();
  const busy = useSessionBusy();
  const today = useToday() ?? '';
  const [restored] = useState(restoredDraft);
  const [knownBirth] = useState(() => currentSession()?.birthDate);
  const shortcuts = useInsurerShortcuts();
  const steps = knownBirth ? ALL_STEPS.filter((s) => s !== 'birthDate') : ALL_STEPS;
  const [step, setStep] = useState<Step>(() =>
    steps.includes(restored.step as Step) ? (restored.step as Step) : 'name',
  );
  const [name, setName] = useState(restored.name ?? '');
  const [kana, setKana] = useState(restored.nameKana ?? '');
  const [birth, setBirth] = useState<DateDraft>(
    () => restored.birthDate ?? (knownBirth ? draftFromIso(knownBirth, 'showa') : emptyDraft('showa')),
  );
  const [insurerName, setInsurerName] = useState(restored.insurerName ?? '');
  const [insurerNumber, setInsurerNumber] = useState(restored.insurerNumber ?? '');
  const [phone, setPhone] = useState(restored.phone ?? '');
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const index = steps.indexOf(step);
  useStepMark(`declare:${step}`);
  useDraftSaver(flow, {
    step,
    name,
    nameKana: kana,
    insurerName,
    insurerNumber,
    phone,
    ...(knownBirth ? {} : { birthDate: birth }),
  });
  const birthIso = knownBirth ?? plausibleIso(birth, 'birth-date', today);

  const go = (s: Step) => {
    setError(null);
    setTried(false);
    setStep(s);
  };
  const problem = (s: Step): string | null => {
    if (s === 'name') {
      if (!spaces(name) && !spaces(kana)) return t('field.name.required');
      if (spaces(name) && !OWN_NAME.test(spaces(name))) return t('field.name.letters');
      if (spaces(kana) && !isKatakanaName(toKatakana(spaces(kana)))) return t('field.nameKana.kana');
    }
    if (s === 'insurerNumber' && insurerNumber) {
      const r = parseInsurerNumber(insurerNumber);
      if (!r.ok) return tCode('field', `${r.error.field}.${r.error.code}`, 'field.generic');
    }
    if (s === 'phone' && phone && !/^[0-9]{10,11}$/.test(phone)) return t('field.phone.digits');
    return null;
  };
  const next = () => {
    if (step === 'birthDate' && !plausibleIso(birth, 'birth-date', today)) {
      setTried(true);
      return;
    }
    const p = problem(step);
    if (p) {
      setError(p);
      return;
    }
    go(steps[index + 1] ?? 'review');
  };
  const skip = () => {
    if (step === 'insurerName') setInsurerName('');
    if (step === 'insurerNumber') setInsurerNumber('');
    if (step === 'phone') setPhone('');
    go(steps[index + 1] ?? 'review');
  };
  /** An insurer this clinic knows, picked by name: its name and number in one tap. */
  const pick = (number: string) => {
    const known = shortcuts.find((s) => s.insurerNumber === number);
    setInsurerName(known?.name ?? '');
    setInsurerNumber(number);
    go(steps[steps.indexOf('insurerNumber') + 1] ?? 'review');
  };
  const typed = [name, kana, insurerName, insurerNumber, phone].some((v) => v !== '');
  const back = () => {
    if (index > 0) go(steps[index - 1]!);
    else if (typed) setConfirming(true);
    else void flow.send({ type: 'back' });
  };
  const callStaff = () => void flow.send({ type: 'call-staff' });

  const submit = () => {
    if (problem('name')) return go('name');
    if (!birthIso) return go('birthDate');
    const reading = spaces(toKatakana(kana));
    void flow.send({
      type: 'submit-declaration',
      declaration: {
        ...(spaces(name) ? { name: spaces(name) } : {}),
        ...(reading ? { nameKana: reading } : {}),
        birthDate: birthIso,
        ...(insurerName.trim() ? { insurerName: insurerName.trim() } : {}),
        ...(insurerNumber ? { insurerNumber } : {}),
        ...(phone ? { phone } : {}),
      },
    });
  };

  const confirm = confirming ? (
    <ConfirmLeave
      title="leave.discard.title"
      body="leave.discard.body"
      leaveLabel="leave.discard.leave"
      onStay={() => setConfirming(false)}
      onLeave={() => {
        setConfirming(false);
        void flow.send({ type: 'back' });
      }}
    />
  ) : null;

  if (step === 'review') {
    const rows: [Exclude<Step, 'review'>, UiKey, string][] = [
      ['name', 'declare.ownName.label', spaces(name)],
      ['name', 'declare.kana.label', spaces(toKatakana(kana))],
      ['birthDate', LABEL.birthDate, birthIso ? formatDate(locale, birthIso) : ''],
      ['insurerName', LABEL.insurerName, insurerName],
      ['insurerNumber', LABEL.insurerNumber, insurerNumber],
      ['phone', LABEL.phone, phone],
    ];
    return (
      <PatientFrame onBack={settled(back)} onCallStaff={settled(callStaff)}>
        <div className="screen screen-declare">
          <StepProgress current={steps.length} total={steps.length} />
          <ScreenTitle>{t('declare.review.title')}</ScreenTitle>
          <dl className="review">
            {rows.map(([target, label, value]) => (
              <div key={label} className="review-row">
                <dt>{t(label)}</dt>
                <dd>{value || t('common.none')}</dd>
                <dd>
                  {target !== 'birthDate' || !knownBirth ? (
                    <BigButton
                      variant="quiet"
                      aria-label={`${t(label)} ${t('numbers.review.edit')}`}
                      onClick={settled(() => go(target))}
                    >
                      {t('numbers.review.edit')}
                    </BigButton>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
          <div className="actions actions-end">
            <BigButton size="hero" onClick={settled(submit)} disabled={busy}>
              {t('declare.submit')}
            </BigButton>
          </div>
        </div>
      </PatientFrame>
    );
  }

  return (
    <PatientFrame onBack={settled(back)} onCallStaff={settled(callStaff)}>
      <div className="screen screen-declare" key={step}>
        <StepProgress current={index + 1} total={steps.length} />
        {index === 0 ? <p className="quiet">{t('declare.title')}</p> : null}
        <ScreenTitle>{t(LABEL[step])}</ScreenTitle>
        {index === 0 ? <p className="lead">{t('declare.intro')}</p> : null}
        {step === 'name' ? (
          <NameEntry
            name={name}
            kana={kana}
            onName={(v) => {
              setError(null);
              setName(v);
            }}
            onKana={(v) => {
              setError(null);
              setKana(v);
            }}
            error={error}
          />
        ) : step === 'insurerName' ? (
          <KanaField
            label={t(LABEL.insurerName)}
            help={t('declare.insurerName.help')}
            value={insurerName}
            onChange={setInsurerName}
            error={error}
            before={
              shortcuts.length > 0 ? (
                <InsurerShortcuts
                  shortcuts={shortcuts}
                  onPick={settled(pick)}
                  orType="numbers.insurerShortcuts.orTypeName"
                />
              ) : null
            }
          />
        ) : step === 'birthDate' ? (
          <DateEntry
            label={t(LABEL.birthDate)}
            value={birth}
            onChange={setBirth}
            purpose="birth-date"
            today={today}
            showError={tried}
          />
        ) : (
          <KeypadField
            hideLabel
            label={t(LABEL[step])}
            help={step === 'phone' ? t('declare.phone.help') : undefined}
            value={step === 'phone' ? phone : insurerNumber}
            maxLength={step === 'phone' ? 11 : 8}
            error={error ?? undefined}
            onChange={(v) => {
              setError(null);
              if (step === 'phone') setPhone(v);
              else setInsurerNumber(v);
            }}
          />
        )}
        <div className="actions">
          {OPTIONAL.has(step) ? (
            <BigButton variant="quiet" onClick={settled(skip)}>
              {t('common.skip')}
            </BigButton>
          ) : null}
          <BigButton size="large" onClick={settled(next)}>
            {t('common.next')}
          </BigButton>
        </div>
      </div>
      {confirm}
    </PatientFrame>
  );
}

/**
 * A text field with the katakana keys under it. A hardware keyboard (with its IME) types into the field as
 * usual; hiragana becomes katakana when the field is checked, never mid-composition.
 */
function KanaField(props: {
  label: string;
  help: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  /** Shown before the field (beside the keys in landscape): e.g. the insurers to pick from. */
  before?: ReactNode;
}) {
  const { label, help, value, onChange, error, before } = props;
  const id = useId();
  return (
    <div className="kana-field">
      {/* The heading says the same: the label stays for assistive tech. */}
      {before ? <div className="kana-field-before">{before}</div> : null}
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <p id={`${id}-help`} className="field-help">
        {help}
      </p>
      <input
        id={id}
        className="field-input"
        value={value}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        lang="ja"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help ${id}-error`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-error`} className="field-error" role="alert">
        {error ?? ''}
      </p>
      <KanaKeyboard value={value} onChange={onChange} />
    </div>
  );
}

import { useId, useState } from 'react';
import { parseInsurerNumber } from '../../../../../shared/insurance/index';
import { BigButton } from '../../../components/BigButton';
import { DateEntry } from '../components/DateEntry';
import { checkDraft, emptyDraft, type DateDraft } from '../../../components/dates';
import { formatDate } from '../../../components/formatDate';
import { isKatakanaName, toKatakana } from '../components/kana';
import { KanaKeyboard } from '../components/KanaKeyboard';
import { KeypadField } from '../components/KeypadField';
import { StepProgress } from '../components/Progress';
import { useT, type UiKey } from '../../../i18n';
import { useSessionBusy } from '../store/session';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';

type Step = 'nameKana' | 'birthDate' | 'insurerName' | 'insurerNumber' | 'phone' | 'review';
const STEPS: readonly Step[] = ['nameKana', 'birthDate', 'insurerName', 'insurerNumber', 'phone', 'review'];
const LABEL: Record<Exclude<Step, 'review'>, UiKey> = {
  nameKana: 'declare.name.label',
  birthDate: 'declare.birthDate.label',
  insurerName: 'declare.insurerName.label',
  insurerNumber: 'declare.insurerNumber.label',
  phone: 'declare.phone.label',
};
const OPTIONAL: ReadonlySet<Step> = new Set(['insurerName', 'insurerNumber', 'phone']);

/**
 * 7. 被保険者資格申立書: name in katakana (on-screen 50音 keys or a keyboard), birth date, and what the
 * patient knows of their insurer; the phone is optional. The clinic verifies later.
 */
export function SelfDeclarationScreen({ flow }: { flow: PatientFlow }) {
  const { t, tCode, locale } = useT();
  const busy = useSessionBusy();
  const [step, setStep] = useState<Step>('nameKana');
  const [name, setName] = useState('');
  const [birth, setBirth] = useState<DateDraft>(emptyDraft('showa'));
  const [insurerName, setInsurerName] = useState('');
  const [insurerNumber, setInsurerNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const index = STEPS.indexOf(step);

  const go = (s: Step) => {
    setError(null);
    setTried(false);
    setStep(s);
  };
  const problem = (s: Step): string | null => {
    if (s === 'nameKana') {
      if (!name.trim()) return t('field.nameKana.required');
      if (!isKatakanaName(toKatakana(name))) return t('field.nameKana.kana');
    }
    if (s === 'insurerNumber' && insurerNumber) {
      const r = parseInsurerNumber(insurerNumber);
      if (!r.ok) return tCode('field', `${r.error.field}.${r.error.code}`, 'field.generic');
    }
    if (s === 'phone' && phone && !/^[0-9]{10,11}$/.test(phone)) return t('field.phone.digits');
    return null;
  };
  const next = () => {
    if (step === 'birthDate' && !checkDraft(birth).ok) {
      setTried(true);
      return;
    }
    const p = problem(step);
    if (p) {
      setError(p);
      return;
    }
    go(STEPS[index + 1] ?? 'review');
  };
  const skip = () => {
    if (step === 'insurerName') setInsurerName('');
    if (step === 'insurerNumber') setInsurerNumber('');
    if (step === 'phone') setPhone('');
    go(STEPS[index + 1] ?? 'review');
  };
  const back = () => (index === 0 ? void flow.send({ type: 'back' }) : go(STEPS[index - 1]!));
  const callStaff = () => void flow.send({ type: 'call-staff' });

  const submit = () => {
    const date = checkDraft(birth);
    if (problem('nameKana')) return go('nameKana');
    if (!date.ok) return go('birthDate');
    const kana = toKatakana(name).trim().replace(/\s+/g, ' ');
    void flow.send({
      type: 'submit-declaration',
      declaration: {
        nameKana: kana,
        birthDate: date.iso,
        ...(insurerName.trim() ? { insurerName: insurerName.trim() } : {}),
        ...(insurerNumber ? { insurerNumber } : {}),
        ...(phone ? { phone } : {}),
      },
    });
  };

  if (step === 'review') {
    const date = checkDraft(birth);
    const rows: [UiKey, string][] = [
      [LABEL.nameKana, toKatakana(name)],
      [LABEL.birthDate, date.ok ? formatDate(locale, date.iso) : ''],
      [LABEL.insurerName, insurerName],
      [LABEL.insurerNumber, insurerNumber],
      [LABEL.phone, phone],
    ];
    return (
      <PatientFrame onBack={back} onCallStaff={callStaff}>
        <div className="screen screen-declare">
          <StepProgress current={STEPS.length} total={STEPS.length} />
          <ScreenTitle>{t('declare.review.title')}</ScreenTitle>
          <dl className="review">
            {rows.map(([label, value], i) => (
              <div key={label} className="review-row">
                <dt>{t(label)}</dt>
                <dd>{value || t('common.none')}</dd>
                <dd>
                  <BigButton
                    variant="quiet"
                    aria-label={`${t(label)} ${t('numbers.review.edit')}`}
                    onClick={() => go(STEPS[i]!)}
                  >
                    {t('numbers.review.edit')}
                  </BigButton>
                </dd>
              </div>
            ))}
          </dl>
          <BigButton size="hero" onClick={submit} disabled={busy}>
            {t('declare.submit')}
          </BigButton>
        </div>
      </PatientFrame>
    );
  }

  return (
    <PatientFrame onBack={back} onCallStaff={callStaff}>
      <div className="screen screen-declare" key={step}>
        <StepProgress current={index + 1} total={STEPS.length} />
        {index === 0 ? <p className="quiet">{t('declare.title')}</p> : null}
        <ScreenTitle>{t(LABEL[step])}</ScreenTitle>
        {index === 0 ? <p className="lead">{t('declare.intro')}</p> : null}
        {step === 'nameKana' ? (
          <KanaField
            label={t(LABEL.nameKana)}
            help={t('declare.name.help')}
            value={name}
            onChange={(v) => {
              setError(null);
              setName(v);
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
          />
        ) : step === 'birthDate' ? (
          <DateEntry label={t(LABEL.birthDate)} value={birth} onChange={setBirth} showError={tried} />
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
            <BigButton variant="quiet" onClick={skip}>
              {t('common.skip')}
            </BigButton>
          ) : null}
          <BigButton size="large" onClick={next}>
            {t('common.next')}
          </BigButton>
        </div>
      </div>
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
}) {
  const { label, help, value, onChange, error } = props;
  const id = useId();
  return (
    <div className="kana-field">
      {/* The heading says the same: the label stays for assistive tech. */}
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

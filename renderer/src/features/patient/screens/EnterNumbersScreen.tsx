import { useState } from 'react';
import { parseBranch, parseInsurerNumber, parseNumber, parseSymbol } from '../../../../../shared/insurance/index';
import type { InsuranceValidationError } from '../../../../../shared/insurance/validation';
import { BigButton } from '../../../components/BigButton';
import { DateEntry } from '../components/DateEntry';
import { checkDraft, emptyDraft, type DateDraft } from '../../../components/dates';
import { formatDate } from '../../../components/formatDate';
import { KeypadField } from '../components/KeypadField';
import { SampleDocument, type SampleField } from '../components/Pictogram';
import { StepProgress } from '../components/Progress';
import { useT, type UiKey } from '../../../i18n';
import { useSessionBusy } from '../store/session';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';

type TextStep = 'insurerNumber' | 'symbol' | 'number' | 'branch';
type Step = TextStep | 'birthDate' | 'review';
const STEPS: readonly Step[] = ['insurerNumber', 'symbol', 'number', 'branch', 'birthDate', 'review'];

const LABEL: Record<SampleField, UiKey> = {
  insurerNumber: 'numbers.insurerNumber.label',
  symbol: 'numbers.symbol.label',
  number: 'numbers.number.label',
  branch: 'numbers.branch.label',
  birthDate: 'numbers.birthDate.label',
};
const WHERE: Record<SampleField, UiKey> = {
  insurerNumber: 'numbers.insurerNumber.where',
  symbol: 'numbers.symbol.where',
  number: 'numbers.number.where',
  branch: 'numbers.branch.where',
  birthDate: 'numbers.birthDate.where',
};
const MAX: Record<TextStep, number> = { insurerNumber: 8, symbol: 20, number: 20, branch: 2 };
const OPTIONAL: ReadonlySet<Step> = new Set(['symbol', 'branch']);

/**
 * 5. The printed numbers, one field per screen with a sample document showing where it is printed, then
 * a review. Each field is checked as the patient leaves it (shared/insurance, the same rules the core
 * applies again), with a message that says what is wrong and what to do.
 */
export function EnterNumbersScreen({ flow }: { flow: PatientFlow }) {
  const { t, tCode, locale } = useT();
  const busy = useSessionBusy();
  const [step, setStep] = useState<Step>('insurerNumber');
  const [fields, setFields] = useState<Record<TextStep, string>>({
    insurerNumber: '',
    symbol: '',
    number: '',
    branch: '',
  });
  const [birth, setBirth] = useState<DateDraft>(emptyDraft('showa'));
  const [error, setError] = useState<InsuranceValidationError | null>(null);
  const [triedDate, setTriedDate] = useState(false);
  const [returnToReview, setReturnToReview] = useState(false);

  const index = STEPS.indexOf(step);
  const go = (s: Step) => {
    setError(null);
    setTriedDate(false);
    setStep(s);
  };

  const validate = (s: TextStep): InsuranceValidationError | null => {
    const insurer = parseInsurerNumber(fields.insurerNumber);
    const context = insurer.ok ? insurer.value : undefined;
    const r =
      s === 'insurerNumber'
        ? insurer
        : s === 'symbol'
          ? parseSymbol(fields.symbol, context)
          : s === 'number'
            ? parseNumber(fields.number, context)
            : parseBranch(fields.branch);
    return r.ok ? null : r.error;
  };

  const advance = () => (returnToReview ? go('review') : go(STEPS[index + 1] ?? 'review'));

  const next = () => {
    if (step === 'review') return;
    if (step === 'birthDate') {
      if (!checkDraft(birth).ok) {
        setTriedDate(true);
        return;
      }
      advance();
      return;
    }
    const e = validate(step);
    if (e) {
      setError(e);
      return;
    }
    advance();
  };

  const skip = () => {
    if (step === 'symbol' || step === 'branch') {
      setFields((f) => ({ ...f, [step]: '' }));
      advance();
    }
  };

  const back = () => {
    if (index === 0) void flow.send({ type: 'back' });
    else go(STEPS[index - 1]!);
  };

  const submit = () => {
    const date = checkDraft(birth);
    const firstBad = (['insurerNumber', 'symbol', 'number', 'branch'] as const).find((s) => validate(s));
    if (firstBad) {
      setReturnToReview(true);
      go(firstBad);
      setError(validate(firstBad));
      return;
    }
    if (!date.ok) {
      setReturnToReview(true);
      go('birthDate');
      return;
    }
    const trim = (v: string) => v.normalize('NFKC').trim();
    void flow.send({
      type: 'submit-numbers',
      numbers: {
        insurerNumber: trim(fields.insurerNumber),
        number: trim(fields.number),
        ...(trim(fields.symbol) ? { symbol: trim(fields.symbol) } : {}),
        ...(trim(fields.branch) ? { branch: trim(fields.branch) } : {}),
        birthDate: date.iso,
      },
    });
  };

  const callStaff = () => void flow.send({ type: 'call-staff' });
  const labels = Object.fromEntries(
    Object.entries(LABEL).map(([k, v]) => [k, t(v).replace(/\s*\(.*\)$/, '')]),
  ) as Record<SampleField, string>;

  if (step === 'review') {
    const date = checkDraft(birth);
    const rows: { field: SampleField; value: string }[] = [
      { field: 'insurerNumber', value: fields.insurerNumber },
      { field: 'symbol', value: fields.symbol },
      { field: 'number', value: fields.number },
      { field: 'branch', value: fields.branch },
      { field: 'birthDate', value: date.ok ? formatDate(locale, date.iso) : '' },
    ];
    return (
      <PatientFrame onBack={back} onCallStaff={callStaff}>
        <div className="screen screen-numbers">
          <StepProgress current={STEPS.length} total={STEPS.length} />
          <ScreenTitle>{t('numbers.review.title')}</ScreenTitle>
          <dl className="review">
            {rows.map((r) => (
              <div key={r.field} className="review-row">
                <dt>{t(LABEL[r.field])}</dt>
                <dd>{r.value || t('common.none')}</dd>
                <dd>
                  <BigButton
                    variant="quiet"
                    aria-label={`${t(LABEL[r.field])} ${t('numbers.review.edit')}`}
                    onClick={() => {
                      setReturnToReview(true);
                      go(r.field);
                    }}
                  >
                    {t('numbers.review.edit')}
                  </BigButton>
                </dd>
              </div>
            ))}
          </dl>
          <BigButton size="hero" onClick={submit} disabled={busy}>
            {t('numbers.submit')}
          </BigButton>
        </div>
      </PatientFrame>
    );
  }

  return (
    <PatientFrame onBack={back} onCallStaff={callStaff}>
      <div className="screen screen-numbers" key={step}>
        <StepProgress current={index + 1} total={STEPS.length} />
        <ScreenTitle>{t(LABEL[step])}</ScreenTitle>
        <div className="numbers-body">
          <figure className="sample">
            <SampleDocument highlight={step} labels={labels} />
            <figcaption>{t(WHERE[step])}</figcaption>
          </figure>
          {step === 'birthDate' ? (
            <DateEntry label={t(LABEL.birthDate)} value={birth} onChange={setBirth} showError={triedDate} />
          ) : (
            <KeypadField
              hideLabel
              label={t(LABEL[step])}
              value={fields[step]}
              maxLength={MAX[step]}
              digitsOnly={step === 'insurerNumber' || step === 'branch'}
              error={error ? tCode('field', `${error.field}.${error.code}`, 'field.generic') : undefined}
              onChange={(v) => {
                setError(null);
                setFields((f) => ({ ...f, [step]: v }));
              }}
            />
          )}
        </div>
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

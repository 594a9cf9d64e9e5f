import { useState } from 'react';
import {
  keepAllowed,
  parseBranch,
  parseInsurerNumber,
  parseNumber,
  parseSymbol,
  validateInsuranceNumbers,
} from '../../../../../shared/insurance/index';
import type { InsuranceValidationError } from '../../../../../shared/insurance/validation';
import { draftFromIso, emptyDraft, type DateDraft } from '../../../../../shared/insurance/wareki';
import { BigButton } from '../../../components/BigButton';
import { DateEntry, plausibleIso } from '../components/DateEntry';
import { formatDate } from '../../../components/formatDate';
import { KeypadField } from '../components/KeypadField';
import { SampleDocument, type SampleField } from '../components/Pictogram';
import { StepProgress } from '../components/Progress';
import { useT, type UiKey } from '../../../i18n';
import { currentSession, useSessionBusy } from '../store/session';
import { useToday } from '../../../stores/status';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import { ConfirmLeave } from '../components/ConfirmLeave';
import type { PatientFlow } from '../hooks/usePatientFlow';
import { restoredDraft, useDraftSaver } from '../hooks/useDraft';
import { settled, useStepMark } from '../store/stepGuard';

type TextStep = 'symbol' | 'number' | 'branch' | 'insurerNumber';
type Step = TextStep | 'birthDate' | 'review';
/** The order the fields are printed in: 記号・番号（枝番） on top, 保険者番号 at the bottom. */
const TEXT_STEPS: readonly TextStep[] = ['symbol', 'number', 'branch', 'insurerNumber'];

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

const byPrintedOrder = (errors: readonly InsuranceValidationError[]) =>
  [...errors].sort((a, b) => TEXT_STEPS.indexOf(a.field) - TEXT_STEPS.indexOf(b.field))[0] ?? null;

/** What each field keeps of what is typed: exactly the characters its format allows. */
const clean = (s: TextStep, v: string) =>
  s === 'symbol' || s === 'number' ? keepAllowed(v, s) : v.normalize('NFKC').replace(/\D/g, '').slice(0, MAX[s]);

/**
 * 5. The printed numbers, one field per screen in the order they are printed, with a sample document
 * showing where, then a review. The birth date given with the document choice is used again (asked here
 * only when it was not). Each field is checked as the patient leaves it (shared/insurance, the rules the
 * core applies again), with a message that says what is wrong and what to do.
 */
export function EnterNumbersScreen({ flow }: { flow: PatientFlow }) {
  const { t, tCode, locale } = useT();
  const busy = useSessionBusy();
  const today = useToday() ?? '';
  const [restored] = useState(restoredDraft);
  // The birth date the patient gave for the rules is the birth date of the numbers: asked once.
  const [knownBirth] = useState(() => currentSession()?.birthDate);
  const steps: readonly Step[] = [...TEXT_STEPS, ...(knownBirth ? [] : (['birthDate'] as const)), 'review'];
  const [step, setStep] = useState<Step>(() =>
    steps.includes(restored.step as Step) ? (restored.step as Step) : steps[0]!,
  );
  const [fields, setFields] = useState<Record<TextStep, string>>(() => ({
    symbol: restored.symbol ?? '',
    number: restored.number ?? '',
    branch: restored.branch ?? '',
    insurerNumber: restored.insurerNumber ?? '',
  }));
  const [birth, setBirth] = useState<DateDraft>(
    () => restored.birthDate ?? (knownBirth ? draftFromIso(knownBirth, 'showa') : emptyDraft('showa')),
  );
  const [error, setError] = useState<InsuranceValidationError | null>(null);
  const [triedDate, setTriedDate] = useState(false);
  // Where 次へ goes after fixing a field out of order: the review (after なおす), or the step after the
  // insurer number (when its rules showed a problem in an earlier field).
  const [returnTo, setReturnTo] = useState<Step | null>(null);
  const [confirming, setConfirming] = useState(false);
  useStepMark(`numbers:${step}`);
  useDraftSaver(flow, { step, ...fields, ...(knownBirth ? {} : { birthDate: birth }) });

  const index = steps.indexOf(step);
  const birthIso = knownBirth ?? plausibleIso(birth, 'birth-date', today);
  const go = (s: Step) => {
    setError(null);
    setTriedDate(false);
    setStep(s);
  };

  /** A field on its own (the insurer-specific rules wait until the insurer number is known). */
  const validate = (s: TextStep): InsuranceValidationError | null => {
    const r =
      s === 'insurerNumber'
        ? parseInsurerNumber(fields.insurerNumber)
        : s === 'symbol'
          ? parseSymbol(fields.symbol)
          : s === 'number'
            ? parseNumber(fields.number)
            : parseBranch(fields.branch);
    return r.ok ? null : r.error;
  };
  /** Everything together: the first wrong field in printed order, with the insurer's own rules. */
  const firstProblem = (): InsuranceValidationError | null => {
    const all = validateInsuranceNumbers(fields);
    return all.ok ? null : byPrintedOrder(all.errors);
  };

  const afterInsurer = steps[steps.indexOf('insurerNumber') + 1] ?? 'review';
  /** Go on from `from`, checking everything together once the insurer number is in. */
  const advanceFrom = (from: Step, values: Record<TextStep, string>) => {
    if (from === 'insurerNumber' || returnTo) {
      // With the insurer known: 後期 has no 記号, 協会けんぽ's 記号 is 7–8 digits, …
      const all = validateInsuranceNumbers(values);
      const p = all.ok ? null : byPrintedOrder(all.errors);
      if (p && values.insurerNumber !== '' && p.field !== from) {
        setReturnTo(returnTo ?? afterInsurer);
        go(p.field);
        setError(p);
        return;
      }
    }
    if (returnTo) {
      setReturnTo(null);
      go(returnTo);
    } else go(steps[steps.indexOf(from) + 1] ?? 'review');
  };
  const advance = (from: Step) => advanceFrom(from, fields);

  const next = () => {
    if (step === 'review') return;
    if (step === 'birthDate') {
      if (!plausibleIso(birth, 'birth-date', today)) {
        setTriedDate(true);
        return;
      }
      advance(step);
      return;
    }
    const e = validate(step);
    if (e) {
      setError(e);
      return;
    }
    advance(step);
  };

  const skip = () => {
    if (step === 'symbol' || step === 'branch') {
      setFields((f) => ({ ...f, [step]: '' }));
      advance(step);
    }
  };

  const typed = Object.values(fields).some((v) => v !== '');
  const back = () => {
    if (index > 0) go(steps[index - 1]!);
    else if (typed) setConfirming(true);
    else void flow.send({ type: 'back' });
  };

  const submit = () => {
    const p = firstProblem();
    if (p) {
      setReturnTo('review');
      go(p.field);
      setError(p);
      return;
    }
    if (!birthIso) {
      setReturnTo('review');
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
        birthDate: birthIso,
      },
    });
  };

  const callStaff = () => void flow.send({ type: 'call-staff' });
  const labels = Object.fromEntries(
    Object.entries(LABEL).map(([k, v]) => [k, t(v).replace(/\s*\(.*\)$/, '')]),
  ) as Record<SampleField, string>;
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
    const rows: { field: SampleField; value: string }[] = [
      { field: 'symbol', value: fields.symbol },
      { field: 'number', value: fields.number },
      { field: 'branch', value: fields.branch },
      { field: 'insurerNumber', value: fields.insurerNumber },
      { field: 'birthDate', value: birthIso ? formatDate(locale, birthIso) : '' },
    ];
    return (
      <PatientFrame onBack={settled(back)} onCallStaff={settled(callStaff)}>
        <div className="screen screen-numbers">
          <StepProgress current={steps.length} total={steps.length} />
          <ScreenTitle>{t('numbers.review.title')}</ScreenTitle>
          <dl className="review">
            {rows.map((r) => (
              <div key={r.field} className="review-row">
                <dt>{t(LABEL[r.field])}</dt>
                <dd>{r.value || t('common.none')}</dd>
                <dd>
                  {r.field !== 'birthDate' || !knownBirth ? (
                    <BigButton
                      variant="quiet"
                      aria-label={`${t(LABEL[r.field])} ${t('numbers.review.edit')}`}
                      onClick={settled(() => {
                        setReturnTo('review');
                        go(r.field);
                      })}
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
              {t('numbers.submit')}
            </BigButton>
          </div>
        </div>
      </PatientFrame>
    );
  }

  const textStep = step === 'birthDate' ? null : step;
  return (
    <PatientFrame onBack={settled(back)} onCallStaff={settled(callStaff)}>
      <div className="screen screen-numbers" key={step}>
        <StepProgress current={index + 1} total={steps.length} />
        <ScreenTitle>{t(LABEL[step])}</ScreenTitle>
        <div className="numbers-body">
          <figure className="sample">
            <SampleDocument highlight={step} labels={labels} />
            <figcaption>{t(WHERE[step])}</figcaption>
          </figure>
          {textStep === null ? (
            <DateEntry
              label={t(LABEL.birthDate)}
              value={birth}
              onChange={setBirth}
              purpose="birth-date"
              today={today}
              showError={triedDate}
            />
          ) : (
            <KeypadField
              hideLabel
              label={t(LABEL[textStep])}
              value={fields[textStep]}
              maxLength={MAX[textStep]}
              clean={(v) => clean(textStep, v)}
              hyphenKey={textStep === 'symbol' || textStep === 'number'}
              textInput={textStep === 'symbol'}
              error={error ? tCode('field', `${error.field}.${error.code}`, 'field.generic') : undefined}
              onChange={(v) => {
                setError(null);
                setFields((f) => ({ ...f, [textStep]: v }));
                // A full 枝番 (2 digits) or a complete, valid 保険者番号 (8 digits) moves on by itself.
                const full =
                  (textStep === 'branch' && v.length === 2) ||
                  (textStep === 'insurerNumber' && v.length === 8 && parseInsurerNumber(v).ok);
                if (full && v !== fields[textStep]) advanceFrom(textStep, { ...fields, [textStep]: v });
              }}
            />
          )}
        </div>
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

import { useState } from 'react';
import {
  type InsurerNumber,
  completeByFormat,
  keepAllowed,
  printedFieldsOf,
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
import { currentSession, useInsurerShortcuts, useSessionBusy } from '../store/session';
import { InsurerShortcuts } from '../components/InsurerShortcuts';
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
/**
 * With insurer buttons to pick from, the insurer comes first: one tap instead of 6–8 digits, and once the
 * insurer is known the rest follows its format (後期 has no 記号 and no 枝番; 協会けんぽ's 8-digit 記号 and
 * 後期's 8-digit 番号 move on by themselves).
 */
const INSURER_FIRST: readonly TextStep[] = ['insurerNumber', 'symbol', 'number', 'branch'];

const insurerOf = (digits: string): InsurerNumber | undefined => {
  const r = parseInsurerNumber(digits);
  return r.ok ? r.value : undefined;
};
/** The steps for these values: only the fields the insurer (known first) prints — 後期 has no 記号 or 枝番. */
const textSteps = (insurerFirst: boolean, insurerNumber: string): readonly TextStep[] => {
  if (!insurerFirst) return TEXT_STEPS;
  const printed = printedFieldsOf(insurerOf(insurerNumber));
  return INSURER_FIRST.filter((s) => printed.includes(s));
};

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

const firstInOrder = (errors: readonly InsuranceValidationError[], order: readonly TextStep[]) =>
  [...errors].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))[0] ?? null;

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
  const shortcuts = useInsurerShortcuts();
  const [insurerFirst] = useState(() => shortcuts.length > 0);
  const [fields, setFields] = useState<Record<TextStep, string>>(() => ({
    symbol: restored.symbol ?? '',
    number: restored.number ?? '',
    branch: restored.branch ?? '',
    insurerNumber: restored.insurerNumber ?? '',
  }));
  const stepsFor = (values: Record<TextStep, string>): readonly Step[] => [
    ...textSteps(insurerFirst, values.insurerNumber),
    ...(knownBirth ? [] : (['birthDate'] as const)),
    'review',
  ];
  const order = textSteps(insurerFirst, '');
  const steps = stepsFor(fields);
  const [step, setStep] = useState<Step>(() =>
    steps.includes(restored.step as Step) ? (restored.step as Step) : steps[0]!,
  );
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

  /** A field on its own, with the insurer's rules once the insurer number is known. */
  const validate = (s: TextStep, values: Record<TextStep, string> = fields): InsuranceValidationError | null => {
    const insurer = insurerOf(values.insurerNumber);
    const r =
      s === 'insurerNumber'
        ? parseInsurerNumber(values.insurerNumber)
        : s === 'symbol'
          ? parseSymbol(values.symbol, insurer)
          : s === 'number'
            ? parseNumber(values.number, insurer)
            : parseBranch(values.branch);
    return r.ok ? null : r.error;
  };
  /** Everything together: the first wrong field in the order asked, with the insurer's own rules. */
  const firstProblem = (): InsuranceValidationError | null => {
    const all = validateInsuranceNumbers(fields);
    return all.ok ? null : firstInOrder(all.errors, order);
  };

  /** Go on from `from`, checking everything together once the insurer number is in. */
  const advanceFrom = (from: Step, values: Record<TextStep, string>) => {
    const steps = stepsFor(values);
    const afterInsurer = steps[steps.indexOf('insurerNumber') + 1] ?? 'review';
    // Printed order: the insurer is the last field, so its rules are checked against the earlier ones then.
    if ((from === 'insurerNumber' && !insurerFirst) || returnTo) {
      // With the insurer known: 後期 has no 記号, 協会けんぽ's 記号 is 7–8 digits, …
      const all = validateInsuranceNumbers(values);
      const p = all.ok ? null : firstInOrder(all.errors, order);
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
      const values = { ...fields, [step]: '' };
      setFields(values);
      advanceFrom(step, values);
    }
  };

  /** A new insurer: fields its documents do not print (後期: 記号, 枝番) are dropped if typed earlier. */
  const withInsurer = (insurerNumber: string): Record<TextStep, string> => {
    const printed = insurerFirst ? printedFieldsOf(insurerOf(insurerNumber)) : TEXT_STEPS;
    return {
      insurerNumber,
      number: fields.number,
      symbol: printed.includes('symbol') ? fields.symbol : '',
      branch: printed.includes('branch') ? fields.branch : '',
    };
  };
  const pick = (insurerNumber: string) => {
    const values = withInsurer(insurerNumber);
    setFields(values);
    advanceFrom('insurerNumber', values);
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
      ...textSteps(insurerFirst, fields.insurerNumber).map((f) => ({ field: f, value: fields[f] })),
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
          {step === 'insurerNumber' && insurerFirst ? (
            <InsurerShortcuts shortcuts={shortcuts} onPick={settled(pick)} />
          ) : (
            <figure className="sample">
              <SampleDocument highlight={step} labels={labels} />
              <figcaption>{t(WHERE[step])}</figcaption>
            </figure>
          )}
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
                const values = textStep === 'insurerNumber' ? withInsurer(v) : { ...fields, [textStep]: v };
                setFields(values);
                // A field complete by its format moves on by itself: a 2-digit 枝番, a valid 8-digit 保険者番号,
                // 協会けんぽ's 8-digit 記号, 後期's 8-digit 番号 with its check digit.
                const full = completeByFormat(textStep, v, insurerOf(values.insurerNumber));
                if (full && v !== fields[textStep]) advanceFrom(textStep, values);
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

import { useId, useState } from 'react';
import { BigButton } from '../../../components/BigButton';
import { DateEntry, plausibleIso } from '../components/DateEntry';
import { commonExpiryDates, emptyDraft, type DateDraft } from '../../../../../shared/insurance/wareki';
import { DOCUMENT_CHOICES, type DocumentChoice } from '../../../components/documents';
import { DocumentPictogram } from '../components/Pictogram';
import { StepProgress } from '../components/Progress';
import { useT } from '../../../i18n';
import { LOCALE_TAGS } from '../../../../../shared/i18n/locales';
import { useSessionBusy } from '../store/session';
import { useStatus } from '../../../stores/status';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import { ConfirmLeave } from '../components/ConfirmLeave';
import type { PatientFlow } from '../hooks/usePatientFlow';
import { restoredDraft, useDraftSaver } from '../hooks/useDraft';
import { settled, useStepMark } from '../store/stepGuard';
import { DocumentHelper } from './DocumentHelper';
import { useNeededInputs } from '../hooks/useNeededInputs';

type Stage = 'list' | 'helper' | 'validUntil' | 'birthDate';
const STAGES: readonly Stage[] = ['list', 'helper', 'validUntil', 'birthDate'];

/**
 * 2. What the patient brought. One question per screen: the document, then (when it changes today's
 * decision) the printed 有効期限, then the birth date — asked here once, and used again for the printed
 * numbers. 「わからない」 opens a short helper. The core decides what follows; offline, the banner says so.
 */
export function ChooseDocumentScreen({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  const busy = useSessionBusy();
  const [restored] = useState(restoredDraft);
  const [choice, setChoice] = useState<DocumentChoice | null>(
    () => DOCUMENT_CHOICES.find((c) => c.document === restored.document) ?? null,
  );
  const [stage, setStage] = useState<Stage>(() =>
    restored.document && STAGES.includes(restored.step as Stage) ? (restored.step as Stage) : 'list',
  );
  const [validUntil, setValidUntil] = useState<DateDraft>(restored.printedValidUntil ?? emptyDraft('reiwa'));
  const [birth, setBirth] = useState<DateDraft>(restored.birthDate ?? emptyDraft('showa'));
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useStepMark(`choose:${stage}`);

  const status = useStatus();
  const today = status?.today ?? '';
  useDraftSaver(
    flow,
    choice && (stage === 'validUntil' || stage === 'birthDate')
      ? { step: stage, document: choice.document, printedValidUntil: validUntil, birthDate: birth }
      : {},
  );

  const needed = useNeededInputs();
  // Ask only what changes today's decision with the clinic's policy (e.g. no old 保険証 is valid after
  // 2025-12-01, so its printed date is not asked any more): the core says which (session.neededInputs);
  // until it has, the static flags say which documents have such a date at all.
  const asks = (c: DocumentChoice) => {
    const n = needed?.find((d) => d.document === c.document);
    if (!n) return { validUntil: c.asksValidUntil, birthDate: c.asksBirthDate };
    return { validUntil: c.asksValidUntil && n.printedValidUntil, birthDate: c.asksBirthDate && n.birthDate };
  };

  const send = (c: DocumentChoice, printedValidUntil?: string, birthDate?: string) =>
    void flow.send({
      type: 'choose-document',
      document: c.document,
      ...(printedValidUntil ? { printedValidUntil } : {}),
      ...(birthDate ? { birthDate } : {}),
    });

  const choose = (c: DocumentChoice) => {
    setTried(false);
    if (asks(c).validUntil) {
      setChoice(c);
      setValidUntil(emptyDraft('reiwa'));
      setBirth(emptyDraft('showa'));
      setStage('validUntil');
    } else if (asks(c).birthDate) {
      setChoice(c);
      setStage('birthDate');
    } else {
      send(c);
    }
  };

  const after = (c: DocumentChoice, from: Stage, valid?: string) => {
    if (from === 'validUntil' && asks(c).birthDate) {
      setTried(false);
      setStage('birthDate');
      return;
    }
    send(c, valid ?? plausibleIso(validUntil, 'valid-until', today), plausibleIso(birth, 'birth-date', today));
  };

  const next = (skip = false) => {
    if (!choice || (stage !== 'validUntil' && stage !== 'birthDate')) return;
    const iso =
      stage === 'validUntil'
        ? plausibleIso(validUntil, 'valid-until', today)
        : plausibleIso(birth, 'birth-date', today);
    if (!skip && !iso) {
      setTried(true);
      return;
    }
    after(choice, stage);
  };

  const back = () => {
    setTried(false);
    if (stage === 'birthDate' && choice && asks(choice).validUntil) setStage('validUntil');
    else if (stage !== 'list') setStage('list');
    else setConfirming(true);
  };

  const callStaff = () => void flow.send({ type: 'call-staff' });
  const confirm = confirming ? (
    <ConfirmLeave
      title="leave.cancel.title"
      body="leave.cancel.body"
      leaveLabel="leave.cancel.leave"
      onStay={() => setConfirming(false)}
      onLeave={() => {
        setConfirming(false);
        void flow.send({ type: 'cancel' });
      }}
    />
  ) : null;

  if (stage === 'helper') {
    return (
      <PatientFrame onBack={settled(() => setStage('list'))} onCallStaff={settled(callStaff)}>
        <DocumentHelper onChoose={choose} onClose={() => setStage('list')} />
      </PatientFrame>
    );
  }

  if (stage === 'list' || !choice) {
    return (
      <PatientFrame onBack={settled(back)} onCallStaff={settled(callStaff)} offlineBanner>
        <div className="screen screen-choose">
          <ScreenTitle>{t('choose.title')}</ScreenTitle>
          <div className="choose-lead">
            <p className="lead">{t('choose.subtitle')}</p>
            <button
              type="button"
              className="btn btn-secondary btn-normal helper-btn"
              onClick={settled(() => setStage('helper'))}
            >
              <span className="doc-helper-mark" aria-hidden="true">
                ?
              </span>
              <span className="helper-btn-text">
                <span className="helper-btn-name">{t('helper.button')}</span>
                <span className="helper-btn-hint">{t('helper.button.hint')}</span>
              </span>
            </button>
          </div>
          <div className="doc-grid">
            {DOCUMENT_CHOICES.map((c, i) => (
              <DocumentButton
                key={c.document}
                choice={c}
                primary={i === 0}
                disabled={busy}
                onChoose={settled(() => choose(c))}
              />
            ))}
          </div>
        </div>
        {confirm}
      </PatientFrame>
    );
  }

  const total = (asks(choice).validUntil ? 1 : 0) + (asks(choice).birthDate ? 1 : 0);
  const current = stage === 'validUntil' ? 1 : total;
  const docName = t(choice.name);
  const suggestions = choice.document === 'eligibility-certificate' && today ? commonExpiryDates(today) : undefined;
  return (
    <PatientFrame onBack={settled(back)} onCallStaff={settled(callStaff)} offlineBanner>
      <div className="screen screen-date" key={stage}>
        {total > 1 ? <StepProgress current={current} total={total} /> : null}
        {stage === 'validUntil' ? (
          <>
            <ScreenTitle>{t('choose.validUntil.title', { document: docName })}</ScreenTitle>
            <p className="lead">{t('choose.validUntil.help')}</p>
            <DateEntry
              label={t('choose.validUntil.title', { document: docName })}
              value={validUntil}
              onChange={setValidUntil}
              purpose="valid-until"
              today={today}
              showError={tried}
              suggestions={suggestions}
              onPick={settled((iso: string) => after(choice, 'validUntil', iso))}
            />
          </>
        ) : (
          <>
            <ScreenTitle>{t('choose.birthDate.title')}</ScreenTitle>
            <p className="lead">{t('choose.birthDate.help')}</p>
            <DateEntry
              label={t('choose.birthDate.title')}
              value={birth}
              onChange={setBirth}
              purpose="birth-date"
              today={today}
              showError={tried}
            />
          </>
        )}
        <div className="actions">
          <BigButton variant="quiet" onClick={settled(() => next(true))} disabled={busy}>
            {t('common.skip')}
          </BigButton>
          <BigButton size="large" onClick={settled(() => next())} disabled={busy}>
            {t('common.next')}
          </BigButton>
        </div>
      </div>
    </PatientFrame>
  );
}

/**
 * A document as a button. Its accessible name starts with the name of the document (and always contains
 * the Japanese name printed on it: the contract's selector, and what a foreign resident sees on the paper
 * they hold), then the one-line hint: everything visible on the button is in its name (WCAG 2.5.3).
 */
function DocumentButton({
  choice,
  primary,
  disabled,
  onChoose,
}: {
  choice: DocumentChoice;
  primary: boolean;
  disabled: boolean;
  onChoose: () => void;
}) {
  const { t, tIn, locale } = useT();
  const id = useId();
  const showJa = LOCALE_TAGS[locale] !== 'ja'; // やさしい日本語 names already carry the printed kanji
  return (
    <button
      type="button"
      className={primary ? 'doc-btn doc-btn-primary' : 'doc-btn'}
      aria-labelledby={showJa ? `${id}-name ${id}-ja ${id}-hint` : `${id}-name ${id}-hint`}
      disabled={disabled}
      onClick={onChoose}
    >
      <DocumentPictogram document={choice.document} />
      <span className="doc-text">
        <span id={`${id}-name`} className="doc-name">
          {t(choice.name)}
        </span>
        {showJa ? (
          <span id={`${id}-ja`} className="doc-name-ja" lang="ja">
            {tIn('ja', choice.name)}
          </span>
        ) : null}
        <span id={`${id}-hint`} className="doc-hint">
          {t(choice.hint)}
        </span>
      </span>
    </button>
  );
}

import { useEffect, useId, useState } from 'react';
import type { DocumentInputs } from '../../../../../shared/api/index';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { DateEntry } from '../components/DateEntry';
import { checkDraft, emptyDraft, type DateDraft } from '../../../components/dates';
import { DOCUMENT_CHOICES, type DocumentChoice } from '../../../components/documents';
import { DocumentPictogram } from '../components/Pictogram';
import { StepProgress } from '../components/Progress';
import { useT } from '../../../i18n';
import { LOCALE_TAGS } from '../../../../../shared/i18n/locales';
import { useSessionBusy, useSessionId } from '../store/session';
import { useStatus } from '../../../stores/status';
import { PatientFrame, ScreenTitle } from '../components/PatientFrame';
import type { PatientFlow } from '../hooks/usePatientFlow';

type Stage = 'list' | 'validUntil' | 'birthDate';

/**
 * 2. What the patient brought. One question per screen: the document, then (for 保険証 / 資格確認書) the
 * printed 有効期限, then (資格確認書) the birth date. The core decides what follows; offline, the banner
 * says so and the patient still chooses.
 */
export function ChooseDocumentScreen({ flow }: { flow: PatientFlow }) {
  const { t } = useT();
  const busy = useSessionBusy();
  const [choice, setChoice] = useState<DocumentChoice | null>(null);
  const [stage, setStage] = useState<Stage>('list');
  const [validUntil, setValidUntil] = useState<DateDraft>(emptyDraft('reiwa'));
  const [birth, setBirth] = useState<DateDraft>(emptyDraft('showa'));
  const [tried, setTried] = useState(false);

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
    if (asks(c).validUntil) {
      setChoice(c);
      setValidUntil(emptyDraft('reiwa'));
      setBirth(emptyDraft('showa'));
      setTried(false);
      setStage('validUntil');
    } else if (asks(c).birthDate) {
      setChoice(c);
      setStage('birthDate');
    } else {
      send(c);
    }
  };

  const validIso = (d: DateDraft) => {
    const c = checkDraft(d);
    return c.ok ? c.iso : undefined;
  };

  const next = (skip = false) => {
    if (!choice) return;
    const check = checkDraft(stage === 'validUntil' ? validUntil : birth);
    if (!skip && !check.ok) {
      setTried(true);
      return;
    }
    setTried(false);
    if (stage === 'validUntil' && asks(choice).birthDate) {
      setStage('birthDate');
      return;
    }
    send(choice, validIso(validUntil), validIso(birth));
  };

  const back = () => {
    setTried(false);
    if (stage === 'birthDate' && choice && asks(choice).validUntil) setStage('validUntil');
    else if (stage !== 'list') setStage('list');
    else void flow.send({ type: 'cancel' });
  };

  const callStaff = () => void flow.send({ type: 'call-staff' });

  if (stage === 'list' || !choice) {
    return (
      <PatientFrame onBack={back} onCallStaff={callStaff} offlineBanner>
        <div className="screen screen-choose">
          <ScreenTitle>{t('choose.title')}</ScreenTitle>
          <p className="lead">{t('choose.subtitle')}</p>
          <div className="doc-grid">
            {DOCUMENT_CHOICES.map((c, i) => (
              <DocumentButton
                key={c.document}
                choice={c}
                primary={i === 0}
                disabled={busy}
                onChoose={() => choose(c)}
              />
            ))}
          </div>
        </div>
      </PatientFrame>
    );
  }

  const total = (asks(choice).validUntil ? 1 : 0) + (asks(choice).birthDate ? 1 : 0);
  const current = stage === 'validUntil' ? 1 : total;
  const docName = t(choice.name);
  return (
    <PatientFrame onBack={back} onCallStaff={callStaff} offlineBanner>
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
              showError={tried}
            />
          </>
        ) : (
          <>
            <ScreenTitle>{t('choose.birthDate.title')}</ScreenTitle>
            <p className="lead">{t('choose.birthDate.help')}</p>
            <DateEntry label={t('choose.birthDate.title')} value={birth} onChange={setBirth} showError={tried} />
          </>
        )}
        <div className="actions">
          <BigButton variant="quiet" onClick={() => next(true)} disabled={busy}>
            {t('common.skip')}
          </BigButton>
          <BigButton size="large" onClick={() => next()} disabled={busy}>
            {t('common.next')}
          </BigButton>
        </div>
      </div>
    </PatientFrame>
  );
}

/** What the core says to ask for each document, for this session; asked again when online state or the day changes. */
function useNeededInputs(): DocumentInputs[] | null {
  const api = useApi();
  const sessionId = useSessionId();
  const status = useStatus();
  const online = status?.online.online;
  const today = status?.today;
  const [needed, setNeeded] = useState<{ key: string; inputs: DocumentInputs[] } | null>(null);
  const key = `${sessionId}|${String(online)}|${today}`;
  useEffect(() => {
    if (!sessionId) return;
    let live = true;
    void api.request('session.neededInputs', { sessionId }).then((r) => {
      if (live && r.ok) setNeeded({ key, inputs: r.value });
    });
    return () => {
      live = false;
    };
  }, [api, sessionId, key]);
  return needed?.key === key ? needed.inputs : null;
}

/**
 * A document as a button. Its accessible name always contains the Japanese name printed on the
 * document (the contract's selector, and what a foreign resident sees on the paper they hold); the
 * one-line hint is its description.
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
      aria-labelledby={showJa ? `${id}-name ${id}-ja` : `${id}-name`}
      aria-describedby={`${id}-hint`}
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

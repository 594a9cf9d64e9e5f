import { useState } from 'react';
import { BigButton } from '../../../components/BigButton';
import { DOCUMENT_CHOICES, type DocumentChoice, type PresentedDocument } from '../../../components/documents';
import { useT, type UiKey } from '../../../i18n';
import { DocumentPictogram } from '../components/Pictogram';
import { ScreenTitle } from '../components/PatientFrame';
import { settled, useStepMark } from '../store/stepGuard';

type Question = 'card' | 'paper' | 'which';
type Stage = Question | { result: PresentedDocument };

const choice = (d: PresentedDocument): DocumentChoice => DOCUMENT_CHOICES.find((c) => c.document === d)!;

/** The paper documents an insurer sends, as a patient would recognise them by their title. */
const PAPERS: readonly { document: PresentedDocument; label: UiKey }[] = [
  { document: 'eligibility-certificate', label: 'helper.which.certificate' },
  { document: 'insurance-card', label: 'helper.which.insuranceCard' },
  { document: 'notice-only', label: 'helper.which.notice' },
];

/** Yes/no questions: a picture of what is meant, and where each answer leads. */
const QUESTIONS: Record<
  Exclude<Question, 'which'>,
  { title: UiKey; help: UiKey; picture: PresentedDocument; yes: Stage; no: Stage }
> = {
  card: {
    title: 'helper.card.title',
    help: 'helper.card.help',
    picture: 'myna-card',
    yes: { result: 'myna-card' },
    no: 'paper',
  },
  paper: {
    title: 'helper.paper.title',
    help: 'helper.paper.help',
    picture: 'eligibility-certificate',
    yes: 'which',
    no: { result: 'nothing' },
  },
};

/**
 * 「わからない」 on the document choice (issue 10): two or three plain questions with pictures that lead to
 * the right button. It only chooses for the patient what they could have chosen themselves; the usual
 * flow (and its rules) follows.
 */
export function DocumentHelper({ onChoose, onClose }: { onChoose: (c: DocumentChoice) => void; onClose: () => void }) {
  const { t } = useT();
  const [stage, setStage] = useState<Stage>('card');
  useStepMark(typeof stage === 'string' ? `helper:${stage}` : `helper:result:${stage.result}`);
  const go = (s: Stage) => settled(() => setStage(s));

  if (typeof stage !== 'string') {
    const c = choice(stage.result);
    return (
      <div className="screen screen-helper">
        <ScreenTitle>{t('helper.result.title')}</ScreenTitle>
        <div className="helper-result">
          <DocumentPictogram document={c.document} />
          <p className="helper-result-name">{t(c.name)}</p>
        </div>
        <p className="lead">{t(c.hint)}</p>
        <div className="actions">
          <BigButton variant="secondary" onClick={go('card')}>
            {t('helper.again')}
          </BigButton>
          <BigButton size="large" onClick={settled(() => onChoose(c))}>
            {t('helper.result.go')}
          </BigButton>
        </div>
      </div>
    );
  }

  if (stage === 'which') {
    return (
      <div className="screen screen-helper">
        <ScreenTitle>{t('helper.which.title')}</ScreenTitle>
        <p className="lead">{t('helper.which.help')}</p>
        <div className="helper-choices">
          {PAPERS.map((p) => (
            <button key={p.document} type="button" className="doc-btn" onClick={go({ result: p.document })}>
              <DocumentPictogram document={p.document} />
              <span className="doc-text">
                <span className="doc-name">{t(p.label)}</span>
              </span>
            </button>
          ))}
        </div>
        <div className="actions">
          <BigButton variant="quiet" onClick={settled(onClose)}>
            {t('helper.close')}
          </BigButton>
        </div>
      </div>
    );
  }

  const q = QUESTIONS[stage];
  return (
    <div className="screen screen-helper" key={stage}>
      <ScreenTitle>{t(q.title)}</ScreenTitle>
      <div className="helper-picture">
        <DocumentPictogram document={q.picture} />
      </div>
      <p className="lead">{t(q.help)}</p>
      <div className="helper-answers">
        <BigButton size="large" onClick={go(q.yes)}>
          {t('helper.yes')}
        </BigButton>
        <BigButton size="large" variant="secondary" onClick={go(q.no)}>
          {t('helper.no')}
        </BigButton>
      </div>
      <div className="actions">
        <BigButton variant="quiet" onClick={settled(onClose)}>
          {t('helper.close')}
        </BigButton>
      </div>
    </div>
  );
}

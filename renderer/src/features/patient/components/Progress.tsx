import { useT } from '../../../i18n';

/** A calm waiting indicator: slow dots (still under prefers-reduced-motion) and the words to go with it. */
export function Waiting({ label }: { label: string }) {
  return (
    <div className="waiting" role="status">
      <span className="waiting-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span className="waiting-label">{label}</span>
    </div>
  );
}

/** "2 / 5" with dots: where the patient is in a short sequence of questions. */
export function StepProgress({ current, total }: { current: number; total: number }) {
  const { t } = useT();
  const label = t('common.step', { current, total });
  return (
    <div className="step-progress" role="img" aria-label={label}>
      {Array.from({ length: total }, (_, i) => (
        <span key={i} className={i < current ? 'step-dot done' : 'step-dot'} aria-hidden="true" />
      ))}
      <span className="step-text" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}

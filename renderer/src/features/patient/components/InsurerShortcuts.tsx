import { useId } from 'react';
import type { InsurerShortcut } from '../../../../../shared/api/index';
import { useT } from '../../../i18n';

/**
 * The insurers this clinic verifies most often, as buttons: the patient finds the insurer's name printed
 * on the document and taps it instead of typing its 保険者番号. The number is shown too, for comparing with
 * the document. Typing stays possible beside it (the keypad), for any other insurer.
 */
export function InsurerShortcuts({
  shortcuts,
  onPick,
  orType = 'numbers.insurerShortcuts.orType',
}: {
  shortcuts: readonly InsurerShortcut[];
  onPick: (insurerNumber: string) => void;
  /** What to do when the insurer is not among them (type its number, or its name). */
  orType?: 'numbers.insurerShortcuts.orType' | 'numbers.insurerShortcuts.orTypeName';
}) {
  const { t } = useT();
  const titleId = useId();
  const helpId = useId();
  return (
    <section className="insurer-shortcuts" role="group" aria-labelledby={titleId} aria-describedby={helpId}>
      <h2 id={titleId} className="insurer-shortcuts-title">
        {t('numbers.insurerShortcuts.title')}
      </h2>
      <div className="insurer-shortcut-list">
        {shortcuts.map((s) => (
          <button
            key={s.insurerNumber}
            type="button"
            className="btn btn-secondary btn-normal insurer-shortcut"
            onClick={() => onPick(s.insurerNumber)}
          >
            {s.name ? (
              <span className="insurer-shortcut-name" lang="ja">
                {s.name}
              </span>
            ) : null}
            <span className="insurer-shortcut-number">{s.insurerNumber}</span>
          </button>
        ))}
      </div>
      <p id={helpId} className="quiet">
        {t(orType)}
      </p>
    </section>
  );
}

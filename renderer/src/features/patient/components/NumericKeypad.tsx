import type { MouseEvent } from 'react';
import { useT } from '../../../i18n';

interface NumericKeypadProps {
  onDigit: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
  /** What the keys type into, for the group's name (e.g. 「保険者番号を入力」). */
  label?: string;
  disabled?: boolean;
  /** One more key under the digits, e.g. 「-」 for 記号・番号. */
  extraKey?: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A phone-style keypad with big keys. The keys never take focus, so the field keeps its caret. */
export function NumericKeypad({ onDigit, onDelete, onClear, label, disabled, extraKey }: NumericKeypadProps) {
  const { t } = useT();
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div className={extraKey ? 'keypad keypad-extra' : 'keypad'} role="group" aria-label={label ?? t('keypad.label')}>
      {DIGITS.map((d) => (
        <button key={d} type="button" className="key" onMouseDown={keep} onClick={() => onDigit(d)} disabled={disabled}>
          {d}
        </button>
      ))}
      <button type="button" className="key key-fn" onMouseDown={keep} onClick={onClear} disabled={disabled}>
        {t('common.clear')}
      </button>
      <button type="button" className="key" onMouseDown={keep} onClick={() => onDigit('0')} disabled={disabled}>
        0
      </button>
      <button type="button" className="key key-fn" onMouseDown={keep} onClick={onDelete} disabled={disabled}>
        {t('common.delete')}
      </button>
      {extraKey ? (
        <button
          type="button"
          className="key key-extra"
          onMouseDown={keep}
          onClick={() => onDigit(extraKey)}
          disabled={disabled}
          aria-label={extraKey === '-' ? t('keypad.hyphen') : extraKey}
        >
          {extraKey === '-' ? '－' : extraKey}
        </button>
      ) : null}
    </div>
  );
}

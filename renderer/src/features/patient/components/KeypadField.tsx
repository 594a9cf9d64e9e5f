import { useId, useRef } from 'react';
import { NumericKeypad } from './NumericKeypad';

interface KeypadFieldProps {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  error?: string;
  /** Digits only (保険者番号, 枝番, 電話) or free text that the keypad can help with (記号, 番号). */
  digitsOnly?: boolean;
  /** The screen's heading already says it: keep the label for assistive tech only. */
  hideLabel?: boolean;
}

/**
 * One labelled field with the keypad under it. The field also takes a hardware keyboard (and, for free
 * text, the system's IME); with `digitsOnly` the system's own touch keyboard stays closed.
 */
export function KeypadField({
  label,
  help,
  value,
  onChange,
  maxLength,
  error,
  digitsOnly = true,
  hideLabel = false,
}: KeypadFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const set = (v: string) => {
    const cleaned = digitsOnly ? v.normalize('NFKC').replace(/\D/g, '') : v;
    onChange([...cleaned].slice(0, maxLength).join(''));
  };
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="keypad-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
      <input
        ref={input}
        id={id}
        className="field-input"
        value={value}
        inputMode={digitsOnly ? 'none' : 'text'}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => set(e.target.value)}
      />
      <p id={`${id}-error`} className="field-error" role="alert">
        {error ?? ''}
      </p>
      <NumericKeypad
        onDigit={(d) => set(value + d)}
        onDelete={() => set([...value].slice(0, -1).join(''))}
        onClear={() => set('')}
      />
    </div>
  );
}

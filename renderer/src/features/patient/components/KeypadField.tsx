import { useId, useRef } from 'react';
import { NumericKeypad } from './NumericKeypad';

interface KeypadFieldProps {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  error?: string;
  /**
   * What the field keeps of what is typed (the characters its format allows). Default: digits only
   * (保険者番号, 枝番, 電話).
   */
  clean?: (value: string) => string;
  /** Offer a 「-」 key beside the digits (記号・番号 are often printed with a hyphen). */
  hyphenKey?: boolean;
  /** Let the system's own keyboard (and IME) open, for fields that may hold kanji (記号). */
  textInput?: boolean;
  /** The screen's heading already says it: keep the label for assistive tech only. */
  hideLabel?: boolean;
}

const digitsOnly = (v: string) => v.normalize('NFKC').replace(/\D/g, '');

/**
 * One labelled field with the keypad under it. The field also takes a hardware keyboard (and, for text
 * fields, the system's IME); whatever is typed, it keeps only what `clean` allows.
 */
export function KeypadField({
  label,
  help,
  value,
  onChange,
  maxLength,
  error,
  clean = digitsOnly,
  hyphenKey = false,
  textInput = false,
  hideLabel = false,
}: KeypadFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const set = (v: string) => onChange([...clean(v)].slice(0, maxLength).join(''));
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
        inputMode={textInput ? 'text' : 'none'}
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
        extraKey={hyphenKey ? '-' : undefined}
      />
    </div>
  );
}

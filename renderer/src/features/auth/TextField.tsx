import { useId } from 'react';

/** A labelled input with its error line; the label is the accessible name. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  type?: 'text' | 'password';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric';
  maxLength?: number;
  help?: string;
}) {
  const id = useId();
  return (
    <div className="auth-field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <input
        id={id}
        className="field-input"
        type={props.type ?? 'text'}
        value={props.value}
        maxLength={props.maxLength ?? 128}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${id}-error${props.help ? ` ${id}-help` : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.help ? (
        <p id={`${id}-help`} className="quiet">
          {props.help}
        </p>
      ) : null}
      <p id={`${id}-error`} className="field-error">
        {props.error ?? ''}
      </p>
    </div>
  );
}

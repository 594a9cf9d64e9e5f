import { BigButton } from './BigButton';
import { NameReasonFields } from './NameReasonFields';

/**
 * The end of every audited admin form: who acts (the signed-in person) and why, then the save button. One
 * place, so every form asks for the same pair in the same way.
 */
export function AuditedSubmit(props: {
  staff: string;
  reason: string;
  tried: boolean;
  onStaff: (v: string) => void;
  onReason: (v: string) => void;
  label: string;
  disabled?: boolean;
}) {
  const { label, disabled, ...who } = props;
  return (
    <>
      <div className="settings-who">
        <NameReasonFields {...who} rows={2} />
      </div>
      <BigButton type="submit" disabled={disabled}>
        {label}
      </BigButton>
    </>
  );
}

/** What the last save said: a polite status line, red when it failed. */
export function FormStatus({ result }: { result: { ok: boolean; text: string } | null | undefined }) {
  return (
    <p className={result?.ok === false ? 'field-error' : 'form-result'} role="status">
      {result?.text ?? ''}
    </p>
  );
}

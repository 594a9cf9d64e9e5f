import { useId } from 'react';
import { REASON_MAX } from '../../../shared/api/limits';
import { useT } from '../i18n';

/** 担当者名 and 理由, the pair every audited act asks for; errors show only after a first attempt. */
export function NameReasonFields(props: {
  staff: string;
  reason: string;
  tried: boolean;
  onStaff: (v: string) => void;
  onReason: (v: string) => void;
  rows?: number;
}) {
  const { staff, reason, tried, onStaff, onReason, rows = 3 } = props;
  const { t } = useT();
  const id = useId();
  const staffMissing = staff.trim() === '';
  const reasonMissing = reason.trim() === '';
  return (
    <>
      <label htmlFor={`${id}-staff`} className="field-label">
        {t('staff.dialog.staffName')}
      </label>
      <input
        id={`${id}-staff`}
        className="field-input"
        value={staff}
        maxLength={60}
        autoComplete="off"
        aria-invalid={tried && staffMissing ? true : undefined}
        aria-describedby={`${id}-staff-error`}
        onChange={(e) => onStaff(e.target.value)}
      />
      <p id={`${id}-staff-error`} className="field-error">
        {tried && staffMissing ? t('staff.dialog.staffRequired') : ''}
      </p>
      <label htmlFor={`${id}-reason`} className="field-label">
        {t('staff.dialog.reason')}
      </label>
      <textarea
        id={`${id}-reason`}
        className="field-input"
        rows={rows}
        value={reason}
        maxLength={REASON_MAX}
        aria-invalid={tried && reasonMissing ? true : undefined}
        aria-describedby={`${id}-reason-hint ${id}-reason-error`}
        onChange={(e) => onReason(e.target.value)}
      />
      {/* Reasons are kept in the audit log: short, and never a name, phone number or birth date. */}
      <p id={`${id}-reason-hint`} className="field-hint">
        {t('staff.reason.hint', { max: REASON_MAX })}
      </p>
      <p id={`${id}-reason-error`} className="field-error">
        {tried && reasonMissing ? t('staff.dialog.reasonRequired') : ''}
      </p>
    </>
  );
}

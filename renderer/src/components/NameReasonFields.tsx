import { useId } from 'react';
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
        maxLength={500}
        aria-invalid={tried && reasonMissing ? true : undefined}
        aria-describedby={`${id}-reason-error`}
        onChange={(e) => onReason(e.target.value)}
      />
      <p id={`${id}-reason-error`} className="field-error">
        {tried && reasonMissing ? t('staff.dialog.reasonRequired') : ''}
      </p>
    </>
  );
}

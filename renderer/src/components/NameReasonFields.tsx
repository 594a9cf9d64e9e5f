import { useEffect, useId } from 'react';
import { REASON_MAX } from '../../../shared/api/limits';
import { useSignedIn } from '../api';
import { useT } from '../i18n';

/**
 * 担当者名 and 理由, the pair every audited act asks for; errors show only after a first attempt. When the
 * window is signed in, the 担当者 is the signed-in person, shown and not editable: the core records that
 * account whatever name a request carries, so a typed name would only mislead.
 */
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
  const signedIn = useSignedIn();
  useEffect(() => {
    if (signedIn && staff !== signedIn.name) onStaff(signedIn.name);
  }, [signedIn, staff, onStaff]);
  const staffMissing = staff.trim() === '';
  const reasonMissing = reason.trim() === '';
  return (
    <>
      {signedIn ? (
        <p className="field-label">{t('staff.dialog.signedInAs', { name: signedIn.name })}</p>
      ) : (
        <StaffNameInput id={id} staff={staff} tried={tried} staffMissing={staffMissing} onStaff={onStaff} />
      )}
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

function StaffNameInput(props: {
  id: string;
  staff: string;
  tried: boolean;
  staffMissing: boolean;
  onStaff: (v: string) => void;
}) {
  const { id, staff, tried, staffMissing, onStaff } = props;
  const { t } = useT();
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
    </>
  );
}

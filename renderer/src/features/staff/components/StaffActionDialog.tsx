import { useState } from 'react';
import type { StaffEvent } from '../../../../../shared/api/index';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { Dialog } from '../../../components/Dialog';
import { useT, type UiKey } from '../../../i18n';
import { NameReasonFields } from '../../../components/NameReasonFields';
import { useStaffActions } from '../store/staff';

export type StaffActionKind = 'approve' | 'reject' | 'override-complete' | 'override-cancel';

export const ACTION_LABEL: Record<StaffActionKind, UiKey> = {
  approve: 'staff.action.approve',
  reject: 'staff.action.reject',
  'override-complete': 'staff.action.overrideComplete',
  'override-cancel': 'staff.action.overrideCancel',
};

function toEvent(kind: StaffActionKind, staff: string, reason: string): StaffEvent {
  switch (kind) {
    case 'approve':
      return { type: 'staff-approve', staff, reason };
    case 'reject':
      return { type: 'staff-reject', staff, reason };
    case 'override-complete':
      return { type: 'staff-override', staff, reason, outcome: 'complete' };
    case 'override-cancel':
      return { type: 'staff-override', staff, reason, outcome: 'cancel' };
  }
}

/**
 * Every staff act names who and why (the core audits both and refuses an empty reason too). The name is
 * remembered for this window's next act; the reason is always typed fresh.
 */
export function StaffActionDialog(props: {
  sessionId: string;
  kind: StaffActionKind;
  lastStaff: string;
  onStaff: (name: string) => void;
  onClose: () => void;
}) {
  const { sessionId, kind, lastStaff, onStaff, onClose } = props;
  const { t } = useT();
  const api = useApi();
  const { sessionUpdated } = useStaffActions();
  const [staff, setStaff] = useState(lastStaff);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const staffMissing = staff.trim() === '';
  const reasonMissing = reason.trim() === '';

  const submit = async () => {
    setTried(true);
    if (staffMissing || reasonMissing) return;
    setBusy(true);
    setFailure(null);
    const r = await api.request('staff.act', { sessionId, event: toEvent(kind, staff.trim(), reason.trim()) });
    setBusy(false);
    if (!r.ok) {
      setFailure(t('staff.dialog.failed', { message: r.error.message }));
      return;
    }
    sessionUpdated(r.value);
    onStaff(staff.trim());
    onClose();
  };

  return (
    <Dialog title={t(ACTION_LABEL[kind])} onDismiss={onClose} className="staff-dialog">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <NameReasonFields staff={staff} reason={reason} tried={tried} onStaff={setStaff} onReason={setReason} />
        {failure ? (
          <p className="field-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="dialog-actions">
          <BigButton variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </BigButton>
          <BigButton
            type="submit"
            variant={kind === 'override-cancel' || kind === 'reject' ? 'danger' : 'primary'}
            disabled={busy}
          >
            {t('staff.dialog.submit')}
          </BigButton>
        </div>
      </form>
    </Dialog>
  );
}

import { useState } from 'react';
import type { UnmatchedRead } from '../../../../../shared/api/index';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { Dialog } from '../../../components/Dialog';
import { documentNameKey } from '../../../components/documents';
import { useT } from '../../../i18n';
import { kioskLabel, useKioskLabel, useStaffActions, useWaitingForCard } from '../store/staff';
import { clinicTime } from '../../../components/clinicTime';
import { NameReasonFields } from '../../../components/NameReasonFields';

export type ReadActionKind = 'assign' | 'dismiss';

/**
 * Attach an unmatched card read to a check-in that waits on the card screen (`staff.assignRead`), or
 * dismiss it (`staff.dismissRead`). Both name who and why; the core audits them.
 */
export function ReadActionDialog(props: {
  read: UnmatchedRead;
  kind: ReadActionKind;
  lastStaff: string;
  onStaff: (name: string) => void;
  onClose: () => void;
}) {
  const { read, kind, lastStaff, onStaff, onClose } = props;
  const { t, locale } = useT();
  const kioskNames = useKioskLabel();
  const api = useApi();
  const { sessionUpdated, readUpdated, selected } = useStaffActions();
  const waiting = useWaitingForCard();
  // Sessions that were waiting when the card was read come first: the likeliest owners.
  const options = [...waiting].sort(
    (a, b) => Number(read.candidates.includes(b.id)) - Number(read.candidates.includes(a.id)),
  );
  const [sessionId, setSessionId] = useState<string | null>(options.length === 1 ? options[0]!.id : null);
  const [staff, setStaff] = useState(lastStaff);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = sessionId && options.some((s) => s.id === sessionId) ? sessionId : null;

  const submit = async () => {
    setTried(true);
    if (staff.trim() === '' || reason.trim() === '') return;
    if (kind === 'assign' && !chosen) return;
    setBusy(true);
    setFailure(null);
    const who = { staff: staff.trim(), reason: reason.trim() };
    if (kind === 'assign') {
      const r = await api.request('staff.assignRead', { readId: read.id, sessionId: chosen!, ...who });
      setBusy(false);
      if (!r.ok) return setFailure(t('staff.dialog.failed', { message: r.error.message }));
      sessionUpdated(r.value);
      readUpdated({ ...read, status: 'assigned', sessionId: r.value.id });
      selected(r.value.id);
    } else {
      const r = await api.request('staff.dismissRead', { readId: read.id, ...who });
      setBusy(false);
      if (!r.ok) return setFailure(t('staff.dialog.failed', { message: r.error.message }));
      readUpdated(r.value);
    }
    onStaff(who.staff);
    onClose();
  };

  return (
    <Dialog
      title={t(kind === 'assign' ? 'staff.unmatched.assignTitle' : 'staff.unmatched.dismissTitle')}
      onDismiss={onClose}
      className="staff-dialog"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {kind === 'assign' ? (
          options.length ? (
            <fieldset className="mode-choices">
              <legend className="field-label">{t('staff.unmatched.chooseSession')}</legend>
              {options.map((s) => (
                <label key={s.id} className="choice">
                  <input
                    type="radio"
                    name={`assign-${read.id}`}
                    value={s.id}
                    checked={chosen === s.id}
                    onChange={() => setSessionId(s.id)}
                  />
                  <span>
                    {t('staff.unmatched.sessionOption', {
                      kiosk: kioskLabel(kioskNames, s.kioskId),
                      time: clinicTime(locale, s.startedAt),
                      document: s.document ? t(documentNameKey(s.document)) : t('common.none'),
                    })}
                    {read.candidates.includes(s.id) ? ` ${t('staff.unmatched.candidate')}` : ''}
                  </span>
                </label>
              ))}
              <p className="field-error">{tried && !chosen ? t('staff.unmatched.sessionRequired') : ''}</p>
            </fieldset>
          ) : (
            <p className="field-error" role="alert">
              {t('staff.unmatched.noWaiting')}
            </p>
          )
        ) : null}
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
            variant={kind === 'dismiss' ? 'danger' : 'primary'}
            disabled={busy || (kind === 'assign' && options.length === 0)}
          >
            {t('staff.dialog.submit')}
          </BigButton>
        </div>
      </form>
    </Dialog>
  );
}

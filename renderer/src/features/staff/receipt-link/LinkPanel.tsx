import { useId, useState, type ReactNode } from 'react';
import type { LinkStatus } from '../../../../../shared/receipt-link/index';
import { useApi } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { Dialog } from '../../../components/Dialog';
import { NameReasonFields } from '../../../components/NameReasonFields';
import { useT } from '../../../i18n';
import { useLink, useLinkActions } from './store';

export type LinkActionKind =
  { kind: 'retry' } | { kind: 'pick'; patientId: string } | { kind: 'byHand' } | { kind: 'cancel' };

const OPEN: readonly LinkStatus['state'][] = ['needs-staff', 'failed', 'waiting'];

/** The ORCA link of the selected check-in: state, why, ORCA's ids and warnings, candidates, and the acts. */
export function LinkPanel({
  checkinId,
  lastStaff,
  onStaff,
}: {
  checkinId: string;
  lastStaff: string;
  onStaff: (s: string) => void;
}) {
  const { t } = useT();
  const link = useLink(checkinId);
  const [acting, setActing] = useState<LinkActionKind | null>(null);
  if (!link) return null;
  const rows: [string, ReactNode][] = [[t('link.field.state'), t(`link.state.${link.state}`)]];
  if (link.reason) rows.push([t('link.field.reason'), t(`link.reason.${link.reason}`)]);
  if (link.detail) rows.push([t('link.field.detail'), link.detail]);
  if (link.acceptanceId) rows.push([t('link.field.acceptanceId'), link.acceptanceId]);
  if (link.patientId) rows.push([t('link.field.patientId'), link.patientId]);
  if (link.warnings.length) rows.push([t('link.field.warnings'), link.warnings.join(' / ')]);
  if (link.attempts > 0 && link.state !== 'registered') rows.push([t('link.field.attempts'), link.attempts]);
  const open = OPEN.includes(link.state);
  return (
    <section className="link-panel" aria-label={t('link.section')}>
      <h3>{t('link.section')}</h3>
      <dl className="detail-list">
        {rows.map(([k, v]) => (
          <div key={k} className="detail-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {link.candidates.length > 0 && open ? (
        <div role="group" aria-label={t('link.candidates')} className="link-candidates">
          <h4>{t('link.candidates')}</h4>
          {link.candidates.map((c) => (
            <BigButton
              key={c.patientId}
              variant="secondary"
              onClick={() => setActing({ kind: 'pick', patientId: c.patientId })}
            >
              {t('link.action.pick', { patientId: c.patientId })} —{' '}
              {t('link.candidate', { patientId: '', kanaName: c.kanaName, birthDate: c.birthDate }).trim()}
            </BigButton>
          ))}
        </div>
      ) : null}
      <div className="detail-actions">
        {open ? (
          <>
            <BigButton variant="secondary" onClick={() => setActing({ kind: 'retry' })}>
              {t('link.action.retry')}
            </BigButton>
            <BigButton variant="secondary" onClick={() => setActing({ kind: 'byHand' })}>
              {t('link.action.byHand')}
            </BigButton>
          </>
        ) : null}
        {link.state === 'registered' ? (
          <BigButton variant="danger" onClick={() => setActing({ kind: 'cancel' })}>
            {t('link.action.cancel')}
          </BigButton>
        ) : null}
      </div>
      {acting ? (
        <LinkActionDialog
          checkinId={checkinId}
          action={acting}
          lastStaff={lastStaff}
          onStaff={onStaff}
          onClose={() => setActing(null)}
        />
      ) : null}
    </section>
  );
}

function LinkActionDialog(props: {
  checkinId: string;
  action: LinkActionKind;
  lastStaff: string;
  onStaff: (s: string) => void;
  onClose: () => void;
}) {
  const { checkinId, action, lastStaff, onStaff, onClose } = props;
  const { t } = useT();
  const api = useApi();
  const { linkUpdated } = useLinkActions();
  const [staff, setStaff] = useState(lastStaff);
  const [reason, setReason] = useState('');
  const [acceptanceId, setAcceptanceId] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const title =
    action.kind === 'pick'
      ? t('link.action.pick', { patientId: action.patientId })
      : t(
          action.kind === 'retry'
            ? 'link.action.retry'
            : action.kind === 'byHand'
              ? 'link.action.byHand'
              : 'link.action.cancel',
        );

  const submit = async () => {
    setTried(true);
    const who = staff.trim();
    const why = reason.trim();
    if (!who || !why) return;
    setBusy(true);
    setFailure(null);
    const r =
      action.kind === 'cancel'
        ? await api.request('staff.receiptLinkCancel', { checkinId, staff: who, reason: why })
        : action.kind === 'byHand'
          ? await api.request('staff.receiptLinkByHand', {
              checkinId,
              staff: who,
              reason: why,
              ...(acceptanceId.trim() ? { acceptanceId: acceptanceId.trim() } : {}),
            })
          : await api.request('staff.receiptLinkRetry', {
              checkinId,
              staff: who,
              reason: why,
              ...(action.kind === 'pick' ? { patientId: action.patientId } : {}),
            });
    setBusy(false);
    if (!r.ok) {
      setFailure(t('staff.dialog.failed', { message: r.error.message }));
      return;
    }
    linkUpdated(r.value);
    onStaff(who);
    onClose();
  };

  return (
    <Dialog title={title} onDismiss={onClose} className="staff-dialog">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <NameReasonFields staff={staff} reason={reason} tried={tried} onStaff={setStaff} onReason={setReason} />
        {action.kind === 'byHand' ? (
          <>
            <label htmlFor={`${fieldId}-acceptance`} className="field-label">
              {t('link.dialog.acceptanceId')}
            </label>
            <input
              id={`${fieldId}-acceptance`}
              className="field-input"
              inputMode="numeric"
              maxLength={10}
              value={acceptanceId}
              onChange={(e) => setAcceptanceId(e.target.value.replace(/\D/g, ''))}
            />
          </>
        ) : null}
        {failure ? (
          <p className="field-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="dialog-actions">
          <BigButton variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </BigButton>
          <BigButton type="submit" variant={action.kind === 'cancel' ? 'danger' : 'primary'} disabled={busy}>
            {t('staff.dialog.submit')}
          </BigButton>
        </div>
      </form>
    </Dialog>
  );
}

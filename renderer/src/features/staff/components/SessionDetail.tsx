import type { ReactNode } from 'react';
import type { CheckInSession } from '../../../../../shared/flow/session';
import { isFinal } from '../../../../../shared/flow/session';
import { BigButton } from '../../../components/BigButton';
import { documentNameKey } from '../../../components/documents';
import { formatDate } from '../../../components/formatDate';
import { useT, type Translator } from '../../../i18n';
import { clinicDateTime, clinicTime } from '../../../components/clinicTime';
import { ACTION_LABEL, type StaffActionKind } from './StaffActionDialog';
import { kioskLabel, useKioskLabel } from '../store/staff';

/** A staff reason code as words: 'card-not-found' -> 「カード読取: 該当なし」. */
export function staffReasonText(tr: Translator, code: string): string {
  const m = /^(card|numbers)-(.+)$/.exec(code);
  if (m) {
    const result = tr.tDynamic(`validity.${m[2]}`, 'validity.unknown');
    return tr.t(m[1] === 'card' ? 'staffReason.card' : 'staffReason.numbers', { result });
  }
  return tr.tDynamic(`staffReason.${code}`, 'common.none').replace(/^—$/, code);
}

export function verificationText(tr: Translator, s: CheckInSession): string {
  const v = s.verification;
  const base = tr.t(`verification.${v.status}`);
  if (v.status === 'failed' && v.validity)
    return tr.t('verification.failedWith', {
      status: base,
      validity: tr.tDynamic(`validity.${v.validity}`, 'validity.unknown'),
    });
  return base;
}

/** Which acts fit the session now: approve/reject only while it waits for staff; overrides while open. */
export function availableActions(s: CheckInSession): StaffActionKind[] {
  if (isFinal(s.state)) return [];
  const acts: StaffActionKind[] = s.state === 'staff-confirm' ? ['approve', 'reject'] : [];
  return [...acts, 'override-complete', 'override-cancel'];
}

export function SessionDetail({ session, onAct }: { session: CheckInSession; onAct: (kind: StaffActionKind) => void }) {
  const tr = useT();
  const { t, locale } = tr;
  const kioskNames = useKioskLabel();
  const id = session.identity;
  const d = session.declaration;
  const rows: [string, ReactNode][] = [
    [t('staff.col.ticket'), session.ticketNumber ?? t('staff.noTicket')],
    [t('staff.col.state'), t(`state.${session.state}`)],
    [t('staff.field.kiosk'), kioskLabel(kioskNames, session.kioskId)],
    ...(session.patientCardNumber ? [[t('staff.patientCard'), session.patientCardNumber] as [string, ReactNode]] : []),
    [t('staff.field.started'), clinicDateTime(locale, session.startedAt)],
    [t('staff.field.document'), session.document ? t(documentNameKey(session.document)) : t('common.none')],
  ];
  if (session.decision) {
    rows.push([t('staff.field.decision'), t(`action.${session.decision.action}`)]);
    if (session.decision.reasons.length)
      rows.push([
        t('staff.field.decisionReasons'),
        session.decision.reasons
          .map((c) => tr.tCode('reasonStaff', c, 'common.none').replace(/^—$/, c))
          .join(t('common.listSeparator')),
      ]);
    if (session.decision.alsoNeeded.length)
      rows.push([
        t('staff.field.alsoNeeded'),
        session.decision.alsoNeeded
          .map((c) => tr.tDynamic(`alsoNeeded.${c}`, 'alsoNeeded.generic'))
          .join(t('common.listSeparator')),
      ]);
  }
  if (session.staffReasons.length)
    rows.push([
      t('staff.field.staffReasons'),
      session.staffReasons.map((c) => staffReasonText(tr, c)).join(t('common.listSeparator')),
    ]);
  rows.push([t('staff.field.verification'), verificationText(tr, session)]);
  if (session.verification.status === 'failed' && (session.verification.code || session.verification.message))
    rows.push(['', [session.verification.code, session.verification.message].filter(Boolean).join(' ')]);
  if (session.notice) rows.push([t('staff.field.notice'), tr.tDynamic(`notice.${session.notice}`, 'notice.generic')]);
  if (id) {
    if (id.nameKana) rows.push([t('staff.field.nameKana'), id.nameKana]);
    if (id.name) rows.push([t('staff.field.name'), id.name]);
    if (id.birthDate) rows.push([t('staff.field.birthDate'), formatDate(locale, id.birthDate)]);
    if (id.insurerNumber || id.insurerName)
      rows.push([t('staff.field.insurer'), [id.insurerName, id.insurerNumber].filter(Boolean).join(' ')]);
    if (id.number || id.symbol)
      rows.push([t('staff.field.numbers'), [id.symbol, id.number, id.branch].filter(Boolean).join(' / ')]);
    if (id.copayPercent !== undefined)
      rows.push([
        t('staff.field.copay'),
        t('staff.copay.value', { percent: id.copayPercent, wari: id.copayPercent / 10 }),
      ]);
    if (id.limitClass) rows.push([t('staff.field.limitClass'), id.limitClass]);
    if (id.validUntil) rows.push([t('staff.field.validUntil'), formatDate(locale, id.validUntil)]);
  }
  if (d?.phone) rows.push([t('staff.field.phone'), d.phone]);
  for (const a of session.staffActions) {
    rows.push([
      t('staff.field.history'),
      t('staff.history.entry', {
        time: clinicTime(locale, a.at),
        staff: a.staff,
        action: t(`staff.history.${a.action}`),
        reason: a.reason,
      }),
    ]);
  }
  const acts = availableActions(session);
  return (
    <div className="detail">
      <dl className="detail-list">
        {rows.map(([k, v], i) => (
          <div key={i} className="detail-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {acts.length ? (
        <div className="detail-actions">
          {acts.map((kind) => (
            <BigButton
              key={kind}
              variant={
                kind === 'approve'
                  ? 'primary'
                  : kind === 'override-cancel' || kind === 'reject'
                    ? 'danger'
                    : 'secondary'
              }
              onClick={() => onAct(kind)}
            >
              {t(ACTION_LABEL[kind])}
            </BigButton>
          ))}
        </div>
      ) : null}
    </div>
  );
}

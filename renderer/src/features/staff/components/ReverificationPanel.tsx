import type { ReverificationEntry } from '../../../../../shared/api/index';
import { useT, type Translator } from '../../../i18n';
import {
  reverificationNeedsStaff,
  useReverifications,
  useSelectedId,
  useStaffActions,
  useStaffSession,
} from '../store/staff';
import { clinicTime } from '../../../components/clinicTime';
import { personName } from '../../../components/personName';

/** The online check's short answer ('valid', 'not-found', …) in words when it is a known validity. */
export function reverifyResultText(tr: Translator, result: string | undefined): string {
  if (!result) return tr.t('common.none');
  const key = `validity.${result}`;
  const text = tr.tDynamic(key, 'common.none');
  return text === tr.t('common.none') ? result : text;
}

/** 「あとで確認（再照会）」: check-ins recorded offline and what the online check said later. */
export function ReverificationPanel() {
  const { t } = useT();
  const entries = useReverifications();
  return (
    <div className="queue">
      <p className="quiet">{t('staff.reverify.help')}</p>
      {entries.length === 0 ? (
        <p className="quiet">{t('staff.reverify.empty')}</p>
      ) : (
        <table className="session-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.col.ticket')}</th>
              <th scope="col">{t('staff.reverify.queued')}</th>
              <th scope="col">{t('staff.col.name')}</th>
              <th scope="col">{t('staff.reverify.status')}</th>
              <th scope="col">{t('staff.reverify.result')}</th>
              <th scope="col">{t('staff.reverify.attempts')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <ReverifyRow key={e.sessionId} entry={e} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ReverifyRow({ entry }: { entry: ReverificationEntry }) {
  const tr = useT();
  const { t, locale } = tr;
  const session = useStaffSession(entry.sessionId);
  const selectedId = useSelectedId();
  const { selected } = useStaffActions();
  const mismatch = reverificationNeedsStaff(entry) || (session?.staffReasons.includes('reverify-mismatch') ?? false);
  const ticket = session?.ticketNumber !== undefined ? String(session.ticketNumber) : t('staff.noTicket');
  const isSelected = selectedId === entry.sessionId;
  return (
    <tr className={[mismatch ? 'row-attention' : '', isSelected ? 'row-selected' : ''].join(' ')}>
      <td>
        {session ? (
          <button
            type="button"
            className="row-select"
            aria-pressed={isSelected}
            aria-label={t('staff.reverify.select', { ticket })}
            onClick={() => selected(entry.sessionId)}
          >
            {ticket}
          </button>
        ) : (
          <span className="quiet">{t('staff.reverify.notToday')}</span>
        )}
      </td>
      <td>{clinicTime(locale, entry.queuedAt)}</td>
      <td>{personName(session?.identity)}</td>
      <td>
        <span
          className={`state-pill ${mismatch ? 'state-staff-confirm' : entry.status === 'done' ? 'state-completed' : ''}`}
        >
          {tr.tDynamic(`staff.reverify.status.${entry.status}`, 'common.none')}
        </span>
      </td>
      <td className="wrap">{reverifyResultText(tr, entry.result)}</td>
      <td>{entry.attempts}</td>
    </tr>
  );
}

import { useEffect, useId, useState } from 'react';
import type { CallBoard } from '../../../../../shared/calls/board';
import type { CheckInSession } from '../../../../../shared/flow/session';
import { useApi, useSignedIn } from '../../../api';
import { BigButton } from '../../../components/BigButton';
import { useT } from '../../../i18n';
import { useStatus } from '../../../stores/status';

/**
 * 呼び出し and the 受付票 for a completed check-in: call the number to a room (the waiting-room display
 * shows it and chimes), call again, mark the call done, and reprint the slip. Every act carries the
 * staff member's name (audited).
 */
export function CallPanel({
  session,
  staff,
  onStaff,
}: {
  session: CheckInSession;
  staff: string;
  onStaff: (s: string) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const rooms = useStatus()?.callRooms ?? [];
  const id = useId();
  const [board, setBoard] = useState<CallBoard | undefined>(undefined);
  const [message, setMessage] = useState('');
  const n = session.ticketNumber;
  // Signed in: the 担当者 is that person (the core records the account whatever a request says).
  const signedIn = useSignedIn();

  useEffect(() => {
    let live = true;
    void api.request('calls.board', {}).then((r) => live && r.ok && setBoard(r.value));
    const off = api.on('calls.board', setBoard);
    return () => {
      live = false;
      off();
    };
  }, [api]);

  if (n === undefined) return null;
  const called = [...(board?.nowCalling ?? []), ...(board?.recentlyCalled ?? [])].find((c) => c.ticketNumber === n);
  const name = signedIn?.name ?? staff.trim();
  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    if (!name) return setMessage(t('staff.dialog.staffRequired'));
    const r = await run();
    setMessage(r.ok ? '' : t('staff.calls.failed', { message: r.error?.message ?? '' }));
  };
  const reprint = async () => {
    if (!name) return setMessage(t('staff.dialog.staffRequired'));
    const r = await api.request('devices.reprint', { sessionId: session.id, staff: name });
    if (!r.ok) return setMessage(t('staff.calls.failed', { message: r.error.message }));
    setMessage(
      r.value.outcome === 'printed'
        ? t('staff.ticket.printed')
        : t('staff.ticket.failed', { code: r.value.code ?? r.value.outcome }),
    );
  };
  return (
    <section className="call-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t('staff.calls.title')}: {n} —{' '}
        {called ? `${t('staff.calls.status.called')} (${called.roomLabel})` : t('staff.calls.status.waiting')}
      </h3>
      {signedIn ? null : (
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
            onChange={(e) => onStaff(e.target.value)}
          />
        </>
      )}
      <div className="detail-actions">
        {rooms.map((room) => (
          <BigButton
            key={room.id}
            onClick={() => void act(() => api.request('calls.call', { ticketNumber: n, room: room.id, staff: name }))}
          >
            {t('staff.calls.call', { room: room.label })}
          </BigButton>
        ))}
        {called ? (
          <>
            <BigButton
              variant="secondary"
              onClick={() => void act(() => api.request('calls.recall', { ticketNumber: n, staff: name }))}
            >
              {t('staff.calls.recall')}
            </BigButton>
            <BigButton
              variant="secondary"
              onClick={() => void act(() => api.request('calls.done', { ticketNumber: n, staff: name }))}
            >
              {t('staff.calls.done')}
            </BigButton>
          </>
        ) : null}
        <BigButton variant="secondary" onClick={() => void reprint()}>
          {t('staff.ticket.reprint')}
        </BigButton>
      </div>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

/**
 * 呼び出し as a core feature: the board for the waiting-room display (role 'display'), staff and admin;
 * staff call, recall and mark done (audited); a check-in that completes joins the waiting list in order.
 */
import type { Settings } from '../../../shared/settings';
import type { AuditLog } from '../audit/index';
import type { SessionManager } from '../checkin/sessions';
import type { Clock } from '../clock';
import { defineFeature } from '../feature';
import type { Logger } from '../logger';
import { actorName, fail, ok, type RequestTable } from '../requests';
import type { Db } from '../store/index';
import { CALLS_MIGRATIONS } from './migrations';
import { createCallsService, type CallError, type CallResult, type CallsService } from './service';

export interface CallsDeps {
  audit: AuditLog;
  clock: Clock;
  log: Logger;
  settings: { get(): Settings };
  sessions: SessionManager;
}

const asApi = (r: CallResult) => (r.ok ? ok(r.board) : fromError(r));
function fromError(e: CallError) {
  const code = e.code === 'not-found' ? 'not-found' : e.code === 'invalid-state' ? 'conflict' : 'invalid-payload';
  return fail(code, e.message);
}

export const callsFeature = defineFeature({
  name: 'calls',
  migrations: CALLS_MIGRATIONS,
  create({ db, audit, clock, log, settings, sessions }: CallsDeps & { db: Db }) {
    const service: CallsService = createCallsService({
      db,
      clock,
      logger: log,
      audit,
      rooms: () => settings.get().callRooms,
    });
    const queueCompleted = () => {
      for (const s of sessions.list(clock.today())) {
        if (s.state === 'completed' && s.ticketNumber !== undefined && service.status(s.ticketNumber) === undefined) {
          service.enqueue(s.ticketNumber, 'kiosk');
        }
      }
    };
    let offUpdate: (() => void) | undefined;
    const handlers: Pick<RequestTable, 'calls.board' | 'calls.call' | 'calls.recall' | 'calls.done'> = {
      'calls.board': () => ok(service.board()),
      'calls.call': (ctx, { ticketNumber, room, staff }) =>
        asApi(service.call(ticketNumber, room, `${ctx.caller.role}:${actorName(ctx, staff)}`)),
      'calls.recall': (ctx, { ticketNumber, staff }) =>
        asApi(service.recall(ticketNumber, `${ctx.caller.role}:${actorName(ctx, staff)}`)),
      'calls.done': (ctx, { ticketNumber, staff }) =>
        asApi(service.done(ticketNumber, `${ctx.caller.role}:${actorName(ctx, staff)}`)),
    };
    return {
      service,
      handlers,
      subscribe(caller, emit) {
        if (caller.role === 'kiosk') return () => {};
        return service.onBoard((b) => emit('calls.board', b));
      },
      start() {
        // Completed check-ins join the list; after a restart, any completed while the process was down too.
        queueCompleted();
        offUpdate = sessions.onUpdate((s) => {
          if (s.state !== 'completed' || s.ticketNumber === undefined || s.today !== clock.today()) return;
          if (service.status(s.ticketNumber) === undefined) service.enqueue(s.ticketNumber, 'kiosk');
        });
      },
      close() {
        offUpdate?.();
      },
    };
  },
});

/**
 * Re-verification (再確認): check-ins accepted while オンライン資格確認 was unavailable are queued in the same
 * transaction as their transition, and verified when the terminal is back (service.ts). Owns the queue's
 * SQL, the staff request 'staff.reverifications' and the staff-only 'reverify.updated' event.
 */
import type { SessionManager } from '../checkin/sessions';
import type { Clock } from '../clock';
import { defineFeature } from '../feature';
import type { Logger } from '../logger';
import type { OnlineMonitor } from '../monitor';
import type { PrintedNumbers } from '../../../shared/flow/session';
import type { NumberQueryOutcome } from '../../terminal/transport';
import { ok, type RequestTable } from '../requests';
import type { Db } from '../store/index';
import { createReverifyService, type ReverifyService } from './service';
import { createReverifyStore, reverifyMigrations, type ReverifyStore } from './store';

export interface ReverifyDeps {
  sessions: SessionManager;
  monitor: OnlineMonitor;
  verify: (sessionId: string, numbers: PrintedNumbers) => Promise<NumberQueryOutcome>;
  clock: Clock;
  log: Logger;
  intervalMs: number;
}

export interface Reverify extends ReverifyService {
  store: ReverifyStore;
}

export const reverifyFeature = defineFeature({
  name: 'reverify',
  migrations: reverifyMigrations,
  create({ db, sessions, ...deps }: ReverifyDeps & { db: Db }) {
    const store = createReverifyStore(db);
    const offPersist = sessions.onPersist((next, effects, at) => {
      if (effects.some((fx) => fx.kind === 'queue-reverification')) store.queue(next.id, at);
    });
    const service = createReverifyService({ ...deps, store, sessions });
    const handlers: Pick<RequestTable, 'staff.reverifications'> = {
      'staff.reverifications': () => ok(store.list()),
    };
    return {
      service: { ...service, store } satisfies Reverify,
      handlers,
      subscribe: (caller, emit) =>
        caller.role === 'staff' || caller.role === 'admin'
          ? service.onUpdate((e) => emit('reverify.updated', e))
          : () => {},
      start() {
        if (deps.monitor.status().online) void service.runOnce();
      },
      async close() {
        offPersist();
        await service.close();
      },
    };
  },
});

/**
 * The real core (createCore: every feature, SQLite file, embedded terminal simulator) on a data folder,
 * with the storage feature's probe made fast and the staff's storage alerts collected.
 */
import type { StorageAlert, StorageStatus } from '../../../../shared/api/index';
import type { CheckInSession } from '../../../../shared/flow/session';
import { createCore, type Core, type CoreOptions } from '../../../../electron/core/index';

export const KIOSK = { role: 'kiosk', kioskId: 'kiosk-1' } as const;
export const STAFF = { role: 'staff', kioskId: 'desk' } as const;
export const ADMIN = { role: 'admin', kioskId: 'desk' } as const;

export interface Kit {
  core: Core;
  alerts: StorageAlert[];
  /** 'storage.changed' as a kiosk window receives it. */
  kioskSaw: StorageStatus[];
  close(): Promise<void>;
}

export async function storageCore(
  dataDir: string,
  options: { failingProbeMs?: number; restore?: 'latest'; core?: Partial<CoreOptions> } = {},
): Promise<Kit> {
  const core = await createCore({
    dataDir,
    now: '2026-11-25T09:00:00+09:00',
    logToConsole: false,
    settings: { simulatorAnswerMs: 0 },
    storage: { failingProbeMs: options.failingProbeMs ?? 0, okProbeMs: 0 },
    ...(options.restore ? { restore: options.restore } : {}),
    ...options.core,
  });
  const alerts: StorageAlert[] = [];
  const kioskSaw: StorageStatus[] = [];
  const off1 = core.subscribe(STAFF, (event, payload) => {
    if (event === 'storage.alert') alerts.push(payload as StorageAlert);
  });
  const off2 = core.subscribe(KIOSK, (event, payload) => {
    if (event === 'storage.changed') kioskSaw.push(payload as StorageStatus);
  });
  return {
    core,
    alerts,
    kioskSaw,
    async close() {
      off1();
      off2();
      await core.close();
    },
  };
}

async function send(kit: Kit, s: CheckInSession, event: Record<string, unknown>): Promise<CheckInSession> {
  const r =
    'staff' in event
      ? await kit.core.handle(STAFF, 'staff.act', { sessionId: s.id, event })
      : await kit.core.handle({ role: 'kiosk', kioskId: s.kioskId }, 'session.send', { sessionId: s.id, event });
  if (!r.ok) throw new Error(`${String(event.type)}: ${r.error.message}`);
  return r.value as CheckInSession;
}

/** One whole check-in to a 受付番号 through the API (no document → 10割 → staff approve). */
export async function checkInToTicket(kit: Kit, kioskId = 'kiosk-1'): Promise<CheckInSession> {
  const r = await kit.core.handle({ role: 'kiosk', kioskId }, 'session.start', { kioskId });
  if (!r.ok) throw new Error(r.error.message);
  let s = r.value as CheckInSession;
  s = await send(kit, s, { type: 'choose-document', document: 'nothing' });
  s = await send(kit, s, { type: 'accept-self-pay' });
  s = await send(kit, s, { type: 'staff-approve', staff: '受付', reason: '10割で受付' });
  if (s.state !== 'completed' || s.ticketNumber === undefined) throw new Error(`not completed: ${s.state}`);
  return s;
}

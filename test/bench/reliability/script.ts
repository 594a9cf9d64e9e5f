/**
 * The scripted check-ins the kill and soak proofs drive through the real core (createCore: SQLite, the
 * session manager, the embedded terminal simulator). Three paths, all ending in a 受付番号:
 *   A: no document → 10割 → staff approve            (4 writes)
 *   B: no document → 受付の人を呼ぶ → staff approve    (3 writes)
 *   C: 資格確認書 numbers → 個別照会 answered by the simulator through its folder → completed
 * `driveToEnd` continues any session from whatever state it is in, which is what "resumable" means.
 */
import type { Core } from '../../../electron/core/index';
import type { CheckInSession } from '../../../shared/flow/session';

export const KIOSK = (n: number) => ({ role: 'kiosk', kioskId: `kiosk-${n}` }) as const;
export const DESK = { role: 'staff', kioskId: 'desk' } as const;

export type Ack = (s: CheckInSession) => void;

async function send(core: Core, s: CheckInSession, event: unknown, ack: Ack): Promise<CheckInSession> {
  const staff = typeof event === 'object' && event !== null && 'staff' in event;
  const r = staff
    ? await core.handle(DESK, 'staff.act', { sessionId: s.id, event })
    : await core.handle({ role: 'kiosk', kioskId: s.kioskId }, 'session.send', { sessionId: s.id, event });
  if (!r.ok) throw new Error(`${JSON.stringify(event)} in ${s.state}: ${r.error.code} ${r.error.message}`);
  const next = r.value as CheckInSession;
  ack(next);
  return next;
}

/** Waits (bounded) until the core's own effects move a session on (an answer or a card read by the simulator). */
async function settle(
  core: Core,
  s: CheckInSession,
  from: CheckInSession['state'] = 'verifying',
): Promise<CheckInSession> {
  for (let i = 0; i < 6000; i++) {
    const now = core.internals.checkin.sessions.get(s.id)!;
    if (now.state !== from) return now;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`session ${s.id} stuck in verifying`);
}

/** Numbers the simulator's main-insured persona answers as valid. */
export const NUMBERS = {
  insurerNumber: '01130012',
  symbol: '12345678',
  number: '1234',
  branch: '00',
  birthDate: '1980-01-15',
};

export type ScriptPath = 'A' | 'B' | 'C' | 'D';

/**
 * D: マイナ保険証 on the reader — the simulator writes a real face file (the demo's virtual card) that the
 * onshi-folder adapter picks up. `card` serialises card reads (one waiting kiosk at a time, as a single
 * reader would; several at once would be matched by birth date, which is not what this measures).
 */
export async function driveToEnd(
  core: Core,
  s0: CheckInSession,
  path: ScriptPath,
  ack: Ack,
  card?: (run: () => Promise<CheckInSession>) => Promise<CheckInSession>,
): Promise<CheckInSession> {
  let s = s0;
  for (let step = 0; step < 12; step++) {
    switch (s.state) {
      case 'completed':
      case 'cancelled':
      case 'expired':
        return s;
      case 'choose-document':
        if (path === 'B') s = await send(core, s, { type: 'call-staff' }, ack);
        else if (path === 'D' && card) {
          const at = s;
          s = await card(async () => {
            const waiting = await send(
              core,
              at,
              { type: 'choose-document', document: 'myna-card', birthDate: NUMBERS.birthDate },
              ack,
            );
            if (waiting.state !== 'read-card') return waiting;
            const presented = core.internals.simulator?.presentCard('main-insured');
            if (!presented?.ok) throw new Error(`presentCard: ${presented ? presented.message : 'no simulator'}`);
            return settle(core, waiting, 'read-card');
          });
        } else if (path === 'C')
          s = await send(
            core,
            s,
            {
              type: 'choose-document',
              document: 'eligibility-certificate',
              printedValidUntil: '2027-03-31',
              birthDate: NUMBERS.birthDate,
            },
            ack,
          );
        else s = await send(core, s, { type: 'choose-document', document: 'nothing' }, ack);
        break;
      case 'confirm-self-pay':
        s = await send(core, s, { type: 'accept-self-pay' }, ack);
        break;
      case 'enter-numbers':
        s = await send(core, s, { type: 'submit-numbers', numbers: NUMBERS }, ack);
        break;
      case 'verifying':
        s = await settle(core, s);
        break;
      case 'read-card':
        // Resumed while waiting for a card: the patient gives up and staff finish at the desk.
        s = await send(core, s, { type: 'call-staff' }, ack);
        break;
      case 'staff-confirm':
        s = await send(core, s, { type: 'staff-approve', staff: '受付', reason: 'scripted check-in' }, ack);
        break;
      default:
        // Anything else (a refused document, a card state): staff end it as a check-in at the desk.
        s = await send(
          core,
          s,
          { type: 'staff-override', staff: '受付', reason: 'scripted check-in', outcome: 'complete' },
          ack,
        );
    }
  }
  throw new Error(`session ${s.id} did not end (state ${s.state})`);
}

export async function startSession(core: Core, kiosk: number, ack: Ack): Promise<CheckInSession> {
  const r = await core.handle(KIOSK(kiosk), 'session.start', { kioskId: `kiosk-${kiosk}` });
  if (!r.ok) throw new Error(`start: ${r.error.code} ${r.error.message}`);
  const s = r.value as CheckInSession;
  ack(s);
  return s;
}

export const pathFor = (i: number, paths: readonly ScriptPath[] = ['A', 'B', 'C']): ScriptPath =>
  paths[i % paths.length]!;

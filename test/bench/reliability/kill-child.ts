/**
 * The kill test's child: the real core on a data folder, driving scripted check-ins until the folder holds
 * TARGET sessions for the day. Every committed transition it hears about (the core pushes a snapshot only
 * after its SQLite commit) is written to stdout as an acknowledgement, synchronously, before the next step:
 *   A <session> <version> <state> <ticket|->
 * On start it first resumes every unfinished session it finds (R ok|fail <session> …): that is "resumable";
 * then it says READY and the parent's kill timer starts.
 * The parent SIGKILLs it at random moments.
 */
import fs from 'node:fs';
import { createCore } from '../../../electron/core/index';
import type { CheckInSession } from '../../../shared/flow/session';
import { DESK, driveToEnd, pathFor, startSession } from './script';

const say = (line: string) => fs.writeSync(1, line + '\n');

async function main(): Promise<void> {
  const dataDir = process.env.KILL_DATA_DIR!;
  const target = Number(process.env.KILL_TARGET ?? 1000);
  const kiosks = 4;
  // The clinic clock moves on across restarts as a real one would (a fixed KIOSK_NOW would restart at the same
  // moment every time, and a restored 個別照会 would never reach its timeout).
  const now = new Date(
    Date.parse('2026-11-25T09:00:00+09:00') + Number(process.env.KILL_ELAPSED_MS ?? 0),
  ).toISOString();
  // A short number-query timeout: a query whose request file never landed (killed between its record and the
  // file) ends as 'verification-unavailable' after 2 s instead of 15 s, on each restart.
  const core = await createCore({
    dataDir,
    now,
    logToConsole: false,
    settings: { simulatorAnswerMs: 0, readerQueryTimeoutMs: 2000 },
  });
  const ack = (s: CheckInSession) => say(`A ${s.id} ${s.version} ${s.state} ${s.ticketNumber ?? '-'}`);
  core.subscribe(DESK, (event, payload) => {
    if (event === 'session.updated') ack(payload as CheckInSession);
  });
  const today = core.internals.clock.today();
  for (const s of core.internals.checkin.sessions.list(today)) {
    if (['completed', 'cancelled', 'expired'].includes(s.state)) continue;
    try {
      const end = await driveToEnd(core, s, 'A', ack);
      say(`R ok ${s.id} ${s.state}->${end.state}`);
    } catch (e) {
      say(`R fail ${s.id} ${s.state} ${e instanceof Error ? e.message.replace(/\s+/g, ' ') : String(e)}`);
    }
  }
  // Kills land while new check-ins are scripted; what was resumed is checked after the next kill.
  say('READY');
  let n = core.internals.checkin.sessions.list(today).length;
  while (n < target) {
    // A new session on a kiosk ends that kiosk's unfinished one: drive each to its end so none is cancelled.
    const s = await startSession(core, n % kiosks, ack);
    await driveToEnd(core, s, pathFor(n), ack);
    n += 1;
  }
  say('DONE');
  await core.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    say(`ERROR ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);

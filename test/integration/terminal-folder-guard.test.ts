/**
 * The onshi-folder adapter against a hostile face/ folder (issue 9), through real folders and the real
 * store and online monitor: a symlink to a valid result elsewhere must not complete a check-in, a FIFO must
 * not stop card reads, 5,000 junk files are one staff alert with a count (and a real read in the middle is
 * still delivered), names are forgotten once the files go, and an unreadable folder or a stuck reader is a
 * fault in the online status, not "up".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnmatchedRead } from '../../shared/api/index';
import { newSession, type CheckInSession } from '../../shared/flow/session';
import { createCardReadsService, type CardEvent, type CardReadsService } from '../../electron/core/card-reads/service';
import { createClock, type Clock } from '../../electron/core/clock';
import { createLogger } from '../../electron/core/logger';
import { createOnlineMonitor, linkTerminalHealth, type OnlineMonitor } from '../../electron/core/monitor';
import { buildOnshiResultXml } from '../../electron/onshi/index';
import {
  createTerminalTransport,
  type TerminalConfig,
  type TerminalTransport,
} from '../../electron/terminal/transport';
import { openReaderStores, type ReaderStores } from '../helpers/core';
import { tempDir } from '../helpers/temp';

const clock = createClock({ timeZone: 'Asia/Tokyo' }) as Clock;
const log = createLogger({ console: false });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const resultBytes = (nameKana = 'ｼｹﾝ ﾀﾛｳ'): Uint8Array =>
  buildOnshiResultXml(
    {
      source: 'card',
      institutionCode: '1312345678',
      confirmationDate: clock.today(),
      people: [{ insurerNumber: '01130012', number: '1234', name: '試験　太郎', nameKana, birthDate: '1980-01-15' }],
    },
    { encoding: 'utf-8' },
  );
let seq = 0;
const faceName = () => `OQSsiquc01res_face_1312345678G${String(++seq).padStart(5, '0')}_20261125090000.xml`;

interface Rig {
  dir: string;
  face: string;
  store: ReaderStores;
  monitor: OnlineMonitor;
  transport: TerminalTransport;
  cards: CardReadsService;
  unmatched: UnmatchedRead[];
  wait(id: string): CardEvent[];
  place(bytes: Uint8Array, name?: string): string;
}
const rigs: Rig[] = [];
afterEach(async () => {
  while (rigs.length) {
    const r = rigs.pop()!;
    r.cards.close();
    await r.transport.close();
    r.monitor.close();
    r.store.close();
  }
});

type RigConfig = Partial<TerminalConfig & { clockSkewMs: number; junkQuietMs: number }>;

/**
 * As the composition root wires it: the real folder transport, the real card-reads service, a monitor whose
 * probe is the transport's and which `linkTerminalHealth` feeds — on real folders and a real SQLite file.
 */
function rig(config: RigConfig = {}): Rig {
  const dir = tempDir('onshi-guard-');
  for (const sub of ['req', 'res', 'face']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const store = openReaderStores(tempDir('data-'));
  const cfg = () => ({
    pollMs: 10,
    idlePollMs: 20,
    stabilityMs: 10,
    cardWaitMs: 20_000,
    clockSkewMs: 1000,
    watch: false,
    junkQuietMs: 300,
    settleMs: 0,
    ...config,
  });
  const transport = createTerminalTransport({
    dir,
    store: store.terminal,
    clock,
    log,
    institutionCode: () => '1312345678',
    config: cfg,
  });
  const monitor = createOnlineMonitor(clock, {
    mode: 'auto',
    failuresForDown: 3,
    probe: () => transport.probe(),
    probeIntervalMs: 60_000,
  });
  linkTerminalHealth(monitor, transport);
  const cards = createCardReadsService({ store: store.cardReads, transport, clock, log, config: cfg });
  const sessions = new Map<string, CheckInSession>();
  const unmatched: UnmatchedRead[] = [];
  cards.onUnmatched((u) => unmatched.push(u));
  transport.start();
  const r: Rig = {
    dir,
    face: path.join(dir, 'face'),
    store,
    monitor,
    transport,
    cards,
    unmatched,
    wait(id) {
      const s: CheckInSession = { ...newSession(id, `kiosk-${id}`, clock.nowIso(), clock.today()), state: 'read-card' };
      sessions.set(id, s);
      const events: CardEvent[] = [];
      cards.awaitCard({
        session: s,
        current: () => sessions.get(id),
        deliver: (e) => {
          events.push(e);
          sessions.set(id, { ...sessions.get(id)!, state: e.type === 'card-read' ? 'completed' : 'card-failed' });
        },
      });
      return events;
    },
    place(bytes, name = faceName()) {
      const tmp = path.join(dir, 'face', `.${name}.tmp`);
      fs.writeFileSync(tmp, bytes);
      fs.renameSync(tmp, path.join(dir, 'face', name));
      return name;
    },
  };
  rigs.push(r);
  return r;
}

describe('terminal folder: nothing in face/ can stall or mislead the adapter', () => {
  it('a symlink to /etc/shadow-like file outside the folder is never read; one alert names it', async () => {
    const r = rig();
    const outside = tempDir('outside-');
    fs.writeFileSync(path.join(outside, 'shadow'), 'root:$6$very-secret-hash:19000:0:99999:7:::');
    fs.symlinkSync(path.join(outside, 'shadow'), path.join(r.face, faceName()));
    await expect.poll(() => r.unmatched.length, { timeout: 3000 }).toBe(1);
    expect(r.unmatched[0]).toMatchObject({ reason: 'unreadable', errorCode: 'symlink' });
    expect(JSON.stringify(r.unmatched)).not.toMatch(/secret/);
    expect(JSON.stringify(r.cards.unmatchedReads())).not.toMatch(/secret/);
    await sleep(400);
    expect(r.unmatched).toHaveLength(1); // reported once, not on every poll
  });

  it('a symlink to a valid result elsewhere does not complete a waiting check-in; a real card read then does', async () => {
    const r = rig();
    const events = r.wait('s1');
    const elsewhere = tempDir('elsewhere-');
    const name = faceName();
    fs.writeFileSync(path.join(elsewhere, name), resultBytes());
    fs.symlinkSync(path.join(elsewhere, name), path.join(r.face, name));
    await expect.poll(() => r.unmatched.length, { timeout: 3000 }).toBe(1);
    expect(events).toEqual([]);
    r.place(resultBytes());
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ type: 'card-read', outcome: { ok: true, identity: { nameKana: 'ｼｹﾝ ﾀﾛｳ' } } });
  });

  it('a FIFO named like a result file: card reads continue, the status stays up, one alert', async () => {
    const r = rig();
    execFileSync('mkfifo', [path.join(r.face, faceName())]);
    const first = r.wait('s1');
    r.place(resultBytes());
    await expect.poll(() => first.length).toBe(1);
    const second = r.wait('s2');
    r.place(resultBytes());
    await expect.poll(() => second.length).toBe(1);
    expect(second[0]).toMatchObject({ type: 'card-read', outcome: { ok: true } });
    await expect.poll(() => r.unmatched.map((u) => u.errorCode)).toEqual(['fifo']);
    expect(await r.transport.probe()).toEqual({ ok: true });
    expect((await r.monitor.probeNow()).state).not.toBe('down');
  });

  it('5,000 junk files: one staff alert with a count; a real card read among them is delivered; memory is given back', async () => {
    const r = rig({ junkQuietMs: 1500, forgetAfterMs: 300 });
    const face = r.face;
    const junkNames: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const name = faceName();
      junkNames.push(name);
      fs.writeFileSync(path.join(face, name), i % 2 ? `junk ${i}` : '<XmlMsg><MessageHeader>');
    }
    await sleep(150); // the junk is dumped first; then a patient starts waiting
    const events = r.wait('real');
    r.place(resultBytes());
    await expect.poll(() => events.length, { timeout: 20_000 }).toBe(1);
    expect(events[0]).toMatchObject({ type: 'card-read', outcome: { ok: true } });
    await expect.poll(() => r.unmatched.length, { timeout: 20_000 }).toBe(1);
    await sleep(500);
    expect(r.unmatched).toHaveLength(1);
    expect(r.unmatched[0]).toMatchObject({ reason: 'unreadable', errorCode: 'flood', count: 5000 });
    expect(r.unmatched[0]!.detail).toMatch(/^5000 entries in face\//);
    expect(r.cards.unmatchedReads()).toHaveLength(1);
    expect(r.transport.internals.face.stats()).toMatchObject({ pending: 0, done: 5001 });
    // Only the real read is written to SQLite (plus the one alert row), not 5,000 rows.
    expect(r.store.terminal.consumedFileNames('face')).toEqual([expect.stringMatching(/^OQSsiquc01res_face_/)]);
    // The files go (the clinic cleans up): the names are forgotten, not kept for the rest of the day.
    for (const name of fs.readdirSync(face)) fs.unlinkSync(path.join(face, name));
    await expect
      .poll(() => r.transport.internals.face.stats(), { timeout: 3000 })
      .toEqual({ pending: 0, done: 0, skipped: 0 });
  });

  it('an empty file is retried, never reported as broken; once written it is delivered', async () => {
    const r = rig({ settleMs: 50 });
    const events = r.wait('s1');
    const name = faceName();
    fs.writeFileSync(path.join(r.face, name), '');
    await sleep(600); // far beyond settleMs, the stability gap and the junk quiet time
    expect(events).toEqual([]);
    expect(r.unmatched).toEqual([]);
    fs.writeFileSync(path.join(r.face, name), resultBytes());
    await expect.poll(() => events.length, { timeout: 7000 }).toBe(1);
    expect(events[0]).toMatchObject({ type: 'card-read', outcome: { ok: true } });
    expect(r.unmatched).toEqual([]);
  });

  it('an unreadable face/ folder is a fault: health says so and the online status is down, then recovers', async () => {
    const r = rig();
    expect((await r.monitor.probeNow()).state).toBe('up');
    fs.rmSync(r.face, { recursive: true });
    fs.writeFileSync(r.face, 'a file where the folder was');
    await expect.poll(async () => (await r.transport.probe()).ok).toBe(false);
    await expect.poll(() => r.monitor.status().state).toBe('down');
    fs.rmSync(r.face);
    fs.mkdirSync(r.face);
    await expect.poll(async () => (await r.monitor.probeNow()).state).not.toBe('down');
    const events = r.wait('s1');
    r.place(resultBytes());
    await expect.poll(() => events.length).toBe(1);
  });

  it('a face/ reader that makes no progress is a fault (watchdog), not "up"', async () => {
    const r = rig({ stallMs: 200 });
    expect((await r.monitor.probeNow()).state).toBe('up');
    // Stop the face poller's loop without telling anyone: what a poll stuck on a hung share looks like.
    await r.transport.internals.face.stop();
    await expect.poll(async () => (await r.transport.probe()).ok, { timeout: 3000 }).toBe(false);
    expect(await r.transport.probe()).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/face\/: no polling pass/),
    });
    expect((await r.monitor.probeNow()).state).toBe('down');
  });
});

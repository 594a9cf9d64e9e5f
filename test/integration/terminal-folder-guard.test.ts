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
import { createClock, type Clock } from '../../electron/core/clock';
import { createLogger } from '../../electron/core/logger';
import { createOnlineMonitor, type OnlineMonitor } from '../../electron/core/monitor';
import type { CardEvent } from '../../electron/core/readers';
import { openStore, type Store } from '../../electron/core/store/index';
import { buildOnshiResultXml } from '../../electron/onshi/index';
import {
  createOnshiFolderReader,
  type OnshiFolderConfig,
  type OnshiFolderReader,
} from '../../electron/readers/onshi-folder';
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
  store: Store;
  monitor: OnlineMonitor;
  reader: OnshiFolderReader;
  unmatched: UnmatchedRead[];
  wait(id: string): CardEvent[];
  place(bytes: Uint8Array, name?: string): string;
}
const rigs: Rig[] = [];
afterEach(async () => {
  while (rigs.length) {
    const r = rigs.pop()!;
    await r.reader.close();
    r.monitor.close();
    r.store.close();
  }
});

function rig(config: Partial<OnshiFolderConfig> = {}): Rig {
  const dir = tempDir('onshi-guard-');
  for (const sub of ['req', 'res', 'face']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const store = openStore(tempDir('data-'));
  const holder: { reader?: OnshiFolderReader } = {};
  const monitor = createOnlineMonitor(clock, {
    mode: 'auto',
    failuresForDown: 3,
    probe: () => holder.reader!.health!(),
    probeIntervalMs: 60_000,
  });
  const sessions = new Map<string, CheckInSession>();
  const reader = createOnshiFolderReader({
    dir,
    store,
    clock,
    monitor,
    log,
    institutionCode: () => '1312345678',
    session: (id) => sessions.get(id),
    config: () => ({
      pollMs: 10,
      idlePollMs: 20,
      stabilityMs: 10,
      cardWaitMs: 20_000,
      watch: false,
      junkQuietMs: 300,
      settleMs: 0,
      ...config,
    }),
  });
  holder.reader = reader;
  const unmatched: UnmatchedRead[] = [];
  reader.onUnmatched!((u) => unmatched.push(u));
  reader.start();
  const r: Rig = {
    dir,
    face: path.join(dir, 'face'),
    store,
    monitor,
    reader,
    unmatched,
    wait(id) {
      const s: CheckInSession = { ...newSession(id, `kiosk-${id}`, clock.nowIso(), clock.today()), state: 'read-card' };
      sessions.set(id, s);
      const events: CardEvent[] = [];
      reader.awaitCard(s, (e) => {
        events.push(e);
        sessions.set(id, { ...sessions.get(id)!, state: e.type === 'card-read' ? 'completed' : 'card-failed' });
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
    expect(JSON.stringify(r.reader.unmatchedReads!())).not.toMatch(/secret/);
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
    expect(await r.reader.health!()).toEqual({ ok: true });
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
    const events = r.wait('real');
    r.place(resultBytes());
    await expect.poll(() => events.length, { timeout: 20_000 }).toBe(1);
    expect(events[0]).toMatchObject({ type: 'card-read', outcome: { ok: true } });
    await expect.poll(() => r.unmatched.length, { timeout: 20_000 }).toBe(1);
    await sleep(500);
    expect(r.unmatched).toHaveLength(1);
    expect(r.unmatched[0]).toMatchObject({ reason: 'unreadable', errorCode: 'flood', count: 5000 });
    expect(r.unmatched[0]!.detail).toMatch(/^5000 entries in face\//);
    expect(r.reader.unmatchedReads!()).toHaveLength(1);
    expect(r.reader.internals.face.stats()).toMatchObject({ pending: 0, done: 5001 });
    expect(r.reader.internals.consumedInMemory()).toBe(5001);
    // Only the real read and the alert's first file are written to SQLite, not 5,000 rows.
    expect(r.store.consumedFileNames('face')).toHaveLength(2);
    // The files go (the clinic cleans up): the names are forgotten, not kept for the rest of the day.
    for (const name of fs.readdirSync(face)) fs.unlinkSync(path.join(face, name));
    await expect
      .poll(() => r.reader.internals.face.stats(), { timeout: 3000 })
      .toEqual({ pending: 0, done: 0, skipped: 0 });
    expect(r.reader.internals.consumedInMemory()).toBe(0);
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
    await expect.poll(async () => (await r.reader.health!()).ok).toBe(false);
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
    await r.reader.internals.face.stop();
    await expect.poll(async () => (await r.reader.health!()).ok, { timeout: 3000 }).toBe(false);
    expect(await r.reader.health!()).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/face\/: no polling pass/),
    });
    expect((await r.monitor.probeNow()).state).toBe('down');
  });
});

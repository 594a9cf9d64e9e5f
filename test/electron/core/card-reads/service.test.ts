import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnmatchedRead } from '../../../../shared/api/index';
import { newSession, type CheckInSession } from '../../../../shared/flow/session';
import { createClock, type Clock } from '../../../../electron/core/clock';
import { createLogger } from '../../../../electron/core/logger';
import { createCardReadsService, type CardEvent } from '../../../../electron/core/card-reads/service';
import { createOnlineMonitor, linkTerminalHealth, type OnlineMonitor } from '../../../../electron/core/monitor';
import {
  createTerminalTransport,
  type NumberQueryOutcome,
  type TerminalConfig,
} from '../../../../electron/terminal/transport';
import {
  buildOnshiResultXml,
  parseNumberQuery,
  type OnshiPersonInput,
  type OnshiResultInput,
  outcomeFromResult,
} from '../../../../electron/onshi/index';
import { openReaderStores, type ReaderStores } from '../../../helpers/core';
import { tempDir } from '../../../helpers/temp';

const clock = createClock({ timeZone: 'Asia/Tokyo' }) as Clock;
const log = createLogger({ console: false });

const TARO: OnshiPersonInput = {
  insurerNumber: '01130012',
  symbol: '12345678',
  number: '1234',
  branch: '00',
  relationship: 'self',
  name: '試験　太郎',
  nameKana: 'ｼｹﾝ ﾀﾛｳ',
  birthDate: '1980-01-15',
  sex: 'male',
  insuredName: '試験　太郎',
  address: '東京都千代田区1-1',
  postNumber: '100-0001',
  insurerName: '全国健康保険協会',
  validUntil: '2027-03-31',
};
const HANAKO: OnshiPersonInput = {
  ...TARO,
  number: '5678',
  branch: '01',
  relationship: 'family',
  name: '試験　花子',
  nameKana: 'ｼｹﾝ ﾊﾅｺ',
  birthDate: '1985-04-20',
};

const result = (over: Partial<OnshiResultInput> = {}): Uint8Array =>
  buildOnshiResultXml(
    { source: 'card', institutionCode: '1312345678', confirmationDate: clock.today(), people: [TARO], ...over },
    { encoding: 'utf-8' },
  );

let seq = 0;
const faceName = () => `OQSsiquc01res_face_1312345678T${String(++seq).padStart(4, '0')}_20261125090000.xml`;

interface Rig {
  dir: string;
  store: ReaderStores;
  monitor: OnlineMonitor;
  reader: ReturnType<typeof composeReader>;
  sessions: Map<string, CheckInSession>;
  unmatched: UnmatchedRead[];
  wait(id: string, over?: Partial<CheckInSession>): CardEvent[];
  placeFace(bytes: Uint8Array, options?: { mtimeMs?: number; name?: string }): string;
  reopen(): Rig;
  /** Resolves once the transport has polled that folder `n` more times (state, not time). */
  polled(folder: 'face' | 'res', n: number): Promise<void>;
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

/**
 * The real terminal transport and the real card-reads service on real folders and a real SQLite file,
 * with the transport's health linked to a monitor exactly as the composition root does.
 */
function composeReader(o: {
  dir: string;
  store: ReaderStores;
  monitor: OnlineMonitor;
  sessions: Map<string, CheckInSession>;
  config:
    | (() => Partial<
        TerminalConfig & { cardWaitMs: number; clockSkewMs: number; junkQuietMs: number; heartbeatMs: number }
      >)
    | undefined;
}) {
  const cfg = () => ({
    pollMs: 10,
    idlePollMs: 20,
    stabilityMs: 10,
    queryTimeoutMs: 600,
    cardWaitMs: 10_000,
    clockSkewMs: 1000,
    watch: false,
    ...(o.config?.() ?? {}),
  });
  const transport = createTerminalTransport({
    dir: o.dir,
    store: o.store.terminal,
    clock,
    log,
    institutionCode: () => '1312345678',
    config: cfg,
  });
  linkTerminalHealth(o.monitor, transport);
  const cards = createCardReadsService({ store: o.store.cardReads, transport, clock, log, config: cfg });
  return {
    ...cards,
    transport,
    start: () => transport.start(),
    verifyNumbers: (s: CheckInSession, n: Parameters<typeof transport.query>[1]) => transport.query(s.id, n),
    health: () => transport.probe(),
    async close() {
      cards.close();
      await transport.close();
    },
  };
}

function rig(
  existing?: { dir: string; dataDir: string },
  config:
    | (() => Partial<
        TerminalConfig & { cardWaitMs: number; clockSkewMs: number; junkQuietMs: number; heartbeatMs: number }
      >)
    | undefined = undefined,
): Rig {
  const dir = existing?.dir ?? tempDir('onshi-');
  const dataDir = existing?.dataDir ?? tempDir('data-');
  for (const sub of ['req', 'res', 'face']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const store = openReaderStores(dataDir);
  const monitor = createOnlineMonitor(clock, { mode: 'auto', failuresForDown: 3 });
  const sessions = new Map<string, CheckInSession>();
  const reader = composeReader({ dir, store, monitor, sessions, config });
  const unmatched: UnmatchedRead[] = [];
  reader.onUnmatched((r) => unmatched.push(r));
  reader.start();
  const r: Rig = {
    dir,
    store,
    monitor,
    reader,
    sessions,
    unmatched,
    wait(id, over = {}) {
      const s: CheckInSession = {
        ...newSession(id, `kiosk-${id}`, clock.nowIso(), clock.today()),
        state: 'read-card',
        ...over,
      };
      sessions.set(id, s);
      const events: CardEvent[] = [];
      reader.awaitCard({
        session: s,
        current: () => sessions.get(id),
        deliver: (e) => {
          events.push(e);
          sessions.set(id, { ...sessions.get(id)!, state: e.type === 'card-read' ? 'completed' : 'card-failed' });
        },
      });
      return events;
    },
    placeFace(bytes, options = {}) {
      const name = options.name ?? faceName();
      const tmp = path.join(dir, 'face', `.${name}.tmp`);
      fs.writeFileSync(tmp, bytes);
      if (options.mtimeMs) fs.utimesSync(tmp, options.mtimeMs / 1000, options.mtimeMs / 1000);
      fs.renameSync(tmp, path.join(dir, 'face', name));
      return name;
    },
    reopen() {
      return rig({ dir, dataDir }, config);
    },
    async polled(folder, n) {
      const poller = reader.transport.internals[folder];
      const from = poller.passes;
      await expect.poll(() => poller.passes).toBeGreaterThanOrEqual(from + n);
    },
  };
  rigs.push(r);
  return r;
}

describe('outcomeFromResult', () => {
  it('keeps only what the flow may keep: no address, no 被保険者氏名, no consents', () => {
    // The insurer's own name is kept (it says no more than the insurer number; staff read it, and the kiosk
    // offers frequent insurers by name).
    const o = outcomeFromResult({
      source: 'card',
      status: 'ok',
      validity: 'valid',
      people: [{ ...TARO, copayPercent: 30, limitClass: 'A03', insurerName: ' 全国健康保険協会東京支部 ' }],
    } as never);
    expect(o).toEqual({
      ok: true,
      validity: 'valid',
      identity: {
        name: '試験　太郎',
        nameKana: 'ｼｹﾝ ﾀﾛｳ',
        birthDate: '1980-01-15',
        insurerNumber: '01130012',
        symbol: '12345678',
        number: '1234',
        branch: '00',
        copayPercent: 30,
        limitClass: 'A03',
        validUntil: '2027-03-31',
        insurerName: '全国健康保険協会東京支部',
      },
    });
    expect(JSON.stringify(o)).not.toContain(TARO.address!); // nor the 郵便番号
    expect(JSON.stringify(o)).not.toContain(TARO.postNumber!);
  });

  it('a valid answer without exactly one person is not something to complete on', () => {
    const o = outcomeFromResult({ source: 'card', status: 'ok', validity: 'valid', people: [] } as never);
    expect(o).toMatchObject({ ok: false, errorCode: 'result-person-count' });
  });
});

describe('onshi-folder adapter: card reads (face/)', () => {
  it('delivers a face file to the single waiting session, records it, and leaves the file in place', async () => {
    const r = rig();
    const events = r.wait('s1');
    const name = r.placeFace(result());
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({
      type: 'card-read',
      outcome: { ok: true, validity: 'valid', identity: { nameKana: 'ｼｹﾝ ﾀﾛｳ', birthDate: '1980-01-15' } },
    });
    expect(JSON.stringify(events[0])).not.toContain('東京都'); // the address never leaves the adapter
    expect(fs.existsSync(path.join(r.dir, 'face', name))).toBe(true);
    expect(r.store.cardWait('s1')).toBeUndefined();
    expect(r.reader.waiting()).toEqual([]);
    expect(r.monitor.status().state).toBe('up');
  });

  it('a file written before the session started waiting is stale: recorded for staff, never applied', async () => {
    const r = rig();
    const events = r.wait('s1');
    r.placeFace(result(), { mtimeMs: Date.now() - 60_000 });
    await expect.poll(() => r.unmatched.length).toBe(1);
    expect(r.unmatched[0]).toMatchObject({
      reason: 'stale',
      status: 'open',
      candidates: ['s1'],
      terminalTime: '2026-11-25T09:00:00',
    });
    expect(events).toEqual([]);
    expect(r.reader.waiting()).toEqual(['s1']);
  });

  it('two waiting sessions: a file whose person matches neither uniquely goes to staff; staff can attach it', async () => {
    const r = rig();
    const a = r.wait('sa');
    const b = r.wait('sb');
    r.placeFace(result());
    await expect.poll(() => r.unmatched.length).toBe(1);
    const read = r.unmatched[0]!;
    expect(read).toMatchObject({
      reason: 'ambiguous',
      candidates: ['sa', 'sb'],
      outcome: { ok: true, validity: 'valid' },
    });
    expect(a.length + b.length).toBe(0);
    expect(r.reader.unmatchedReads()).toHaveLength(1);

    expect(r.reader.assign('nope', 'sa', '山田')).toMatchObject({ ok: false, code: 'not-found' });
    expect(r.reader.assign(read.id, 'sb', '山田')).toMatchObject({ ok: true, session: { id: 'sb' } });
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ type: 'card-read', outcome: { identity: { name: '試験　太郎' } } });
    expect(r.reader.assign(read.id, 'sa', '山田')).toMatchObject({ ok: false, code: 'conflict' });
    expect(r.reader.unmatchedReads()).toEqual([]);
    expect(r.reader.unmatchedReads({ all: true })[0]).toMatchObject({
      status: 'assigned',
      sessionId: 'sb',
      resolvedBy: '山田',
    });
  });

  it('two waiting sessions: birth date (and kana) the patient confirmed pick exactly one', async () => {
    const r = rig();
    const a = r.wait('sa', { numbers: { insurerNumber: '01130012', number: '5678', birthDate: '1985-04-20' } });
    const b = r.wait('sb', { declaration: { nameKana: 'シケン タロウ', birthDate: '1980-01-15' } });
    r.placeFace(result({ people: [HANAKO] }));
    await expect.poll(() => a.length).toBe(1);
    r.placeFace(result());
    await expect.poll(() => b.length).toBe(1);
    expect(b[0]).toMatchObject({ outcome: { identity: { name: '試験　太郎' } } });
    expect(r.unmatched).toEqual([]);
  });

  it('an unreadable file for the single waiting session is delivered as a failed read (staff), never a crash', async () => {
    const r = rig();
    const events = r.wait('s1');
    r.placeFace(
      new TextEncoder().encode(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><XmlMsg>&e;</XmlMsg>',
      ),
    );
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({
      type: 'card-read',
      outcome: { ok: false, errorCode: 'unreadable-forbidden-dtd' },
    });
  });

  it('a terminal error result (status error) for the waiting session is delivered with ok:false and counts against the monitor', async () => {
    const r = rig();
    const events = r.wait('s1');
    r.placeFace(result({ failure: { kind: 'segment', code: 'EQ1', message: '異常終了' }, people: [] }));
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ outcome: { ok: false, errorCode: 'EQ1', errorMessage: '異常終了' } });
    expect(r.monitor.status().state).toBe('degraded');
  });

  it('with nobody waiting, hostile XML is recorded as unreadable with its error code', async () => {
    const r = rig(undefined, () => ({ settleMs: 50, junkQuietMs: 50 }));
    r.placeFace(new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><XmlMsg/>'));
    await expect.poll(() => r.unmatched.length).toBe(1);
    expect(r.unmatched[0]).toMatchObject({
      reason: 'unreadable',
      errorCode: 'forbidden-dtd',
      terminalTime: '2026-11-25T09:00:00',
    });
    expect(r.unmatched[0]!.count).toBeUndefined();
    expect(r.reader.unmatchedReads()).toEqual([expect.objectContaining({ errorCode: 'forbidden-dtd' })]);
  });

  it('with nobody waiting, several unreadable files together are one alert with a count (stored with it)', async () => {
    // The truncated file is retried while fresh (settleMs): the burst stays open longer than that.
    const r = rig(undefined, () => ({ settleMs: 50, junkQuietMs: 400 }));
    r.placeFace(new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><XmlMsg/>'));
    r.placeFace(new TextEncoder().encode('<XmlMsg><MessageHeader>'));
    await expect.poll(() => r.unmatched.length).toBe(1);
    expect(r.unmatched[0]).toMatchObject({ reason: 'unreadable', errorCode: 'flood', count: 2 });
    expect(r.unmatched[0]!.detail).toMatch(/unreadable-forbidden-dtd ×1/);
    expect(r.unmatched[0]!.detail).toMatch(/unreadable-not-xml ×1/);
    expect(r.reader.unmatchedReads()).toEqual([expect.objectContaining({ errorCode: 'flood', count: 2 })]);
  });

  it('a partial file (writer paused) is not consumed as broken while it is fresh; the full content is delivered', async () => {
    const r = rig();
    const events = r.wait('s1');
    const full = result();
    const name = faceName();
    const file = path.join(r.dir, 'face', name);
    fs.writeFileSync(file, full.subarray(0, 100)); // a non-atomic writer: the name appears first
    await r.polled('face', 5); // the half file has been looked at, and looks stable
    expect(events).toEqual([]);
    fs.appendFileSync(file, full.subarray(100));
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ outcome: { ok: true, validity: 'valid' } });
  });

  it('with nobody waiting, a new file is recorded for staff; files older than the kiosk start are ignored quietly', async () => {
    const dir = tempDir('onshi-');
    for (const sub of ['req', 'res', 'face']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
    const old = path.join(dir, 'face', faceName());
    fs.writeFileSync(old, result());
    fs.utimesSync(old, (Date.now() - 3_600_000) / 1000, (Date.now() - 3_600_000) / 1000);
    const r = rig({ dir, dataDir: tempDir('data-') });
    r.placeFace(result());
    await expect.poll(() => r.unmatched.length).toBe(1);
    expect(r.unmatched[0]!.reason).toBe('no-waiting-session');
    await r.polled('face', 3);
    expect(r.unmatched).toHaveLength(1);
    expect(r.store.consumedFileNames('face')).toHaveLength(2);
  });

  it('remembers consumed files across a restart: an old file is never applied to a new wait', async () => {
    const r = rig();
    const a = r.wait('sa');
    r.wait('sb');
    r.placeFace(result());
    await expect.poll(() => r.unmatched.length).toBe(1); // ambiguous between sa and sb
    await r.reader.close();
    rigs.splice(rigs.indexOf(r), 1);
    r.monitor.close();
    r.store.close();

    const again = r.reopen();
    const b = again.wait('sb'); // the same wait, restored: it started before the file was written
    expect(again.store.cardWait('sb')).toBeDefined();
    await again.polled('face', 3);
    expect(b).toEqual([]);
    expect(a).toEqual([]);
    expect(again.unmatched).toEqual([]);
    const name = again.placeFace(result({ people: [HANAKO] }));
    await expect.poll(() => b.length).toBe(1);
    expect(again.store.consumedFileNames('face')).toContain(name);
  });

  it('a card wait ends with card-failed timeout; stopCard ends a wait quietly', async () => {
    const r = rig(undefined, () => ({ cardWaitMs: 80 }));
    const events = r.wait('s1');
    const quiet = r.wait('s2');
    r.reader.stopCard('s2');
    await expect.poll(() => events).toEqual([{ type: 'card-failed', reason: 'timeout' }]);
    await r.polled('face', 3);
    expect(quiet).toEqual([]);
    expect(r.store.cardWait('s1')).toBeUndefined();
    expect(r.store.cardWait('s2')).toBeUndefined();
    // A stored wait the adapter does not hold in memory (ended while the app was down) is removed too.
    r.store.saveCardWait('s3', clock.nowIso(), Date.now());
    r.reader.stopCard('s3');
    expect(r.store.cardWait('s3')).toBeUndefined();
  });

  it('a kiosk whose last connection closed takes no part in matching: the next read goes to the other kiosk', async () => {
    // A heartbeat far longer than the test: the closed kiosk's wait is still held, and still does not count.
    const r = rig(undefined, () => ({ heartbeatMs: 3_600_000 }));
    const a = r.wait('sa');
    const b = r.wait('sb');
    r.reader.kioskConnected('kiosk-sb'); // kiosk B's screen stays connected
    r.reader.kioskConnected('kiosk-sa')(); // kiosk A's tab is closed on the card screen
    r.placeFace(result());
    await expect.poll(() => b.length).toBe(1);
    expect(b[0]).toMatchObject({ type: 'card-read', outcome: { identity: { name: '試験　太郎' } } });
    expect(a).toEqual([]);
    expect(r.unmatched).toEqual([]);
    expect(r.reader.waiting()).toEqual(['sa']);
  });

  it("a closed kiosk's wait ends after heartbeatMs (card-failed timeout); a kiosk that reconnects keeps its wait", async () => {
    const r = rig(undefined, () => ({ heartbeatMs: 40 }));
    const a = r.wait('sa');
    const b = r.wait('sb');
    const c = r.wait('sc'); // never connected (in-process): not affected
    r.reader.kioskConnected('kiosk-sa')();
    const first = r.reader.kioskConnected('kiosk-sb');
    const second = r.reader.kioskConnected('kiosk-sb');
    first(); // two screens of one kiosk: one closing is not leaving
    second(); // the last one closes: the heartbeat starts …
    r.reader.kioskConnected('kiosk-sb'); // … and a reload comes back within it
    await expect.poll(() => a).toEqual([{ type: 'card-failed', reason: 'timeout' }]);
    expect(r.store.cardWait('sa')).toBeUndefined();
    await r.polled('face', 5);
    expect(b).toEqual([]);
    expect(c).toEqual([]);
    expect(r.reader.waiting().sort()).toEqual(['sb', 'sc']);
  });

  it('health says which terminal folder is missing', async () => {
    const r = rig();
    expect(await r.reader.health()).toEqual({ ok: true });
    fs.rmSync(path.join(r.dir, 'res'), { recursive: true });
    expect(await r.reader.health()).toMatchObject({ ok: false, detail: expect.stringContaining('res/') });
  });
});

describe('onshi-folder adapter: number queries (req/ → res/)', () => {
  const numbers = {
    insurerNumber: '０１１３００１２',
    symbol: '12345678',
    number: '1234',
    branch: '0',
    birthDate: '1980-01-15',
  };
  const session = (id: string): CheckInSession => ({
    ...newSession(id, 'k', clock.nowIso(), clock.today()),
    state: 'verifying',
  });

  async function nextRequest(dir: string): Promise<{ name: string; fileId: string }> {
    let name: string | undefined;
    await expect
      .poll(() => (name = fs.readdirSync(path.join(dir, 'req')).find((n) => n.endsWith('.xml') && !n.startsWith('.'))))
      .toBeDefined();
    const q = parseNumberQuery(fs.readFileSync(path.join(dir, 'req', name!)));
    if (!q.ok) throw new Error(q.detail);
    return { name: name!, fileId: q.query.fileId };
  }
  const answer = (dir: string, reqName: string, bytes: Uint8Array) => {
    const resName = reqName.replace('req_', 'res_');
    fs.writeFileSync(path.join(dir, 'res', `.${resName}.tmp`), bytes);
    fs.renameSync(path.join(dir, 'res', `.${resName}.tmp`), path.join(dir, 'res', resName));
  };

  it('writes a complete request (normalised numbers) and resolves with the answer; then removes its own request', async () => {
    const r = rig();
    const pending = r.reader.verifyNumbers(session('s1'), numbers);
    const { name, fileId } = await nextRequest(r.dir);
    expect(name).toBe(`OQSsiquc01req_${fileId}.xml`);
    const q = parseNumberQuery(fs.readFileSync(path.join(r.dir, 'req', name)));
    expect(q.ok && q.query).toMatchObject({
      insurerNumber: '01130012',
      symbol: '12345678',
      number: '1234',
      branch: '00',
      birthDate: '1980-01-15',
      institutionCode: '1312345678',
    });
    expect(fs.readdirSync(path.join(r.dir, 'req')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    answer(r.dir, name, result({ source: 'numbers', fileId }));
    const out = await pending;
    expect(out).toMatchObject({
      kind: 'answer',
      outcome: { ok: true, validity: 'valid', identity: { name: '試験　太郎' } },
    });
    await expect.poll(() => fs.existsSync(path.join(r.dir, 'req', name))).toBe(false);
    expect(fs.existsSync(path.join(r.dir, 'res', name.replace('req_', 'res_')))).toBe(true); // the terminal's file stays
    expect(r.store.getNumberQuery(fileId)).toMatchObject({ status: 'answered' });
  });

  it('times out cleanly as unavailable; a late answer to that request is never applied', async () => {
    const r = rig();
    const out = await r.reader.verifyNumbers(session('s1'), numbers);
    expect(out).toMatchObject({ kind: 'unavailable', detail: expect.stringContaining('no answer') });
    const rec = r.store.db.prepare(`SELECT file_id AS fileId, status FROM number_queries`).all() as {
      fileId: string;
      status: string;
    }[];
    expect(rec).toEqual([{ fileId: expect.any(String), status: 'timed-out' }]);
    answer(r.dir, `OQSsiquc01req_${rec[0]!.fileId}.xml`, result({ source: 'numbers', fileId: rec[0]!.fileId }));
    await expect.poll(() => r.store.consumedFileNames('res').length).toBe(1);
    expect(r.store.db.prepare(`SELECT disposition FROM onshi_files WHERE folder = 'res'`).get()).toEqual({
      disposition: 'late-answer',
    });
  });

  it('a system error (SegmentOfResult 9) is an answer for staff and counts toward degraded', async () => {
    const r = rig();
    const pending = r.reader.verifyNumbers(session('s1'), numbers);
    const { name, fileId } = await nextRequest(r.dir);
    answer(
      r.dir,
      name,
      result({
        source: 'numbers',
        fileId,
        failure: { kind: 'segment', code: 'EQ999', message: 'システムエラー' },
        people: [],
      }),
    );
    const out = await pending;
    expect(out).toMatchObject({ kind: 'answer', systemError: true, outcome: { ok: false, errorCode: 'EQ999' } });
    expect(r.monitor.status()).toMatchObject({ state: 'degraded', detail: expect.stringContaining('EQ999') });
  });

  it('numbers that cannot be sent are an answer for staff, not a terminal failure', async () => {
    const r = rig();
    const out = await r.reader.verifyNumbers(session('s1'), { ...numbers, insurerNumber: '12' });
    expect(out).toMatchObject({ kind: 'answer', outcome: { ok: false, errorCode: 'invalid-numbers' } });
    expect(fs.readdirSync(path.join(r.dir, 'req'))).toEqual([]);
  });

  it('a missing req/ folder is unavailable (the terminal share is down), not a crash', async () => {
    const r = rig();
    fs.rmSync(path.join(r.dir, 'req'), { recursive: true });
    const out = await r.reader.verifyNumbers(session('s1'), numbers);
    expect(out).toMatchObject({ kind: 'unavailable', detail: expect.stringContaining('req/') });
  });

  it('a restart while waiting resumes the same request: the answer is applied once', async () => {
    const r = rig(undefined, () => ({ queryTimeoutMs: 5000 }));
    void r.reader.verifyNumbers(session('s1'), numbers);
    const { name, fileId } = await nextRequest(r.dir);
    await r.reader.close();
    rigs.splice(rigs.indexOf(r), 1);
    r.monitor.close();
    r.store.close();

    const again = r.reopen();
    // The answer arrives before the session manager asks again: it is held, not thrown away.
    answer(again.dir, name, result({ source: 'numbers', fileId }));
    await again.polled('res', 3);
    expect(again.store.consumedFileNames('res')).toEqual([]);
    const out: NumberQueryOutcome = await again.reader.verifyNumbers(session('s1'), numbers);
    expect(out).toMatchObject({ kind: 'answer', outcome: { ok: true } });
    await expect.poll(() => fs.readdirSync(path.join(again.dir, 'req')).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(again.store.db.prepare(`SELECT COUNT(*) AS n FROM number_queries`).get()).toEqual({ n: 1 });
  });
});

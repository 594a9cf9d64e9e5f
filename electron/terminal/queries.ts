/**
 * Number queries (個別照会) through the terminal folder: req/ → res/ correlation by request id, timeouts,
 * resuming after a restart, and never applying a late answer. Part of the terminal transport
 * (transport.ts), split out to keep each file readable; it shares the transport's store and pollers.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PrintedNumbers } from '../../shared/flow/session';
import { normalisePrintedNumbers } from '../../shared/insurance/printed';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import {
  OnshiBuildError,
  buildNumberQueryXml,
  outcomeFromResult,
  requestFileName,
  unreadableOutcome,
  type OnshiParse,
} from '../onshi/index';
import type { FileVerdict, StableFile } from './folder-poller';
import type { ConsumedFile, TerminalStore } from './store';
import type { NumberQueryOutcome, TerminalConfig } from './transport';

export const RES_NAME = /^OQSsiquc01res_(?!face_)([A-Za-z0-9_-]{1,64})\.xml$/i;

interface QueryWait {
  fileId: string;
  owner: string;
  promise: Promise<NumberQueryOutcome>;
  resolve: (o: NumberQueryOutcome) => void;
  timer?: NodeJS.Timeout;
}

export interface NumberQueryDeps {
  dir: string;
  store: TerminalStore;
  clock: Clock;
  log: Logger;
  institutionCode: () => string;
  cfg: () => TerminalConfig;
  wallNow: () => number;
  isClosed: () => boolean;
  parseFile: (file: StableFile) => OnshiParse;
  mayBePartial: (parse: OnshiParse, file: StableFile) => boolean;
  fileRecord: (folder: ConsumedFile['folder'], file: StableFile, disposition: string, owner?: string) => ConsumedFile;
  markConsumed: (name: string) => void;
  /** The health signal of every finished query (one place turns it into monitor reports). */
  reportAnswer: (outcome: NumberQueryOutcome) => void;
  /** Poll res/ now. */
  kick: () => void;
}

const errCode = (e: unknown) => (e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : 'EUNKNOWN');

export function createNumberQueries(deps: NumberQueryDeps) {
  const { dir, store, clock, log, cfg, wallNow, parseFile, mayBePartial, fileRecord, reportAnswer } = deps;
  const reqDir = path.join(dir, 'req');
  const queries = new Map<string, QueryWait>();
  let counter = 0;

  const removeOwnRequest = (fileId: string) => {
    let name: string;
    try {
      name = requestFileName(fileId);
    } catch {
      return;
    }
    fs.promises.unlink(path.join(reqDir, name)).catch(() => undefined);
  };

  const finishQuery = (q: QueryWait, outcome: NumberQueryOutcome, status: 'answered' | 'timed-out' | 'failed') => {
    if (q.timer) clearTimeout(q.timer);
    queries.delete(q.fileId);
    try {
      store.finishNumberQuery(q.fileId, status, clock.nowIso());
    } catch (e) {
      log.warn('could not record a query result', { fileId: q.fileId, error: String(e) });
    }
    removeOwnRequest(q.fileId);
    reportAnswer(outcome);
    q.resolve(outcome);
  };

  const handleRes = (file: StableFile): FileVerdict => {
    if (deps.isClosed()) return 'retry';
    const fileId = RES_NAME.exec(file.name)?.[1];
    if (!fileId) return 'done';
    const parse = parseFile(file);
    if (mayBePartial(parse, file)) return 'retry';
    const q = queries.get(fileId);
    let disposition = 'answer';
    if (!q) {
      let rec;
      try {
        rec = store.getNumberQuery(fileId);
      } catch {
        return 'retry';
      }
      // Ours and still waiting, but nobody listens yet (a restart before the query was asked again).
      if (
        rec &&
        rec.status === 'waiting' &&
        wallNow() - Date.parse(rec.requestedAt) < cfg().queryTimeoutMs * 2 + 60_000
      )
        return 'retry';
      disposition = rec ? 'late-answer' : 'foreign';
    }
    try {
      store.recordConsumedFile(fileRecord('res', file, disposition, q?.owner));
    } catch (e) {
      log.error('could not record an answer file', { file: file.name, error: String(e) });
      return 'retry';
    }
    deps.markConsumed(file.name);
    if (!q) {
      if (disposition === 'late-answer') {
        log.warn('late answer to a query that already ended: not applied', { file: file.name });
        try {
          store.finishNumberQuery(fileId, 'timed-out', clock.nowIso());
        } catch {
          // best effort
        }
        removeOwnRequest(fileId);
      }
      return 'done';
    }
    let outcome: NumberQueryOutcome;
    if (parse.ok) {
      const r = parse.result;
      if (r.fileId && r.fileId !== fileId)
        log.warn('answer echoes another file id', { file: file.name, echoed: r.fileId });
      const systemError = r.codes?.segmentOfResult === '9';
      outcome = { kind: 'answer', outcome: outcomeFromResult(r), ...(systemError ? { systemError } : {}) };
    } else {
      outcome = { kind: 'answer', outcome: unreadableOutcome(parse) };
    }
    log.info('number query answered', { fileId, owner: q.owner, ok: outcome.outcome.ok });
    finishQuery(q, outcome, 'answered');
    return 'done';
  };

  const waitForAnswer = (fileId: string, owner: string, timeoutMs: number): Promise<NumberQueryOutcome> => {
    const existing = queries.get(fileId);
    if (existing) return existing.promise;
    let resolve!: (o: NumberQueryOutcome) => void;
    const promise = new Promise<NumberQueryOutcome>((r) => (resolve = r));
    const q: QueryWait = { fileId, owner, promise, resolve };
    q.timer = setTimeout(() => {
      if (queries.get(fileId) !== q || deps.isClosed()) return;
      log.warn('number query timed out', { fileId, owner, timeoutMs });
      finishQuery(
        q,
        { kind: 'unavailable', detail: `no answer from the terminal within ${Math.round(timeoutMs / 1000)} s` },
        'timed-out',
      );
    }, timeoutMs);
    q.timer.unref();
    queries.set(fileId, q);
    deps.kick();
    return promise;
  };

  const newFileId = (owner: string) => {
    counter += 1;
    const sid = owner.replace(/[^A-Za-z0-9]/g, '').slice(0, 12);
    return `K${sid}${wallNow().toString(36)}${counter.toString(36)}${randomBytes(2).toString('hex')}`;
  };

  async function writeRequest(fileId: string, bytes: Uint8Array): Promise<void> {
    const name = requestFileName(fileId);
    const tmp = path.join(reqDir, `.${name}.tmp`);
    await fs.promises.writeFile(tmp, bytes, { flag: 'wx' });
    try {
      await fs.promises.rename(tmp, path.join(reqDir, name));
    } catch (e) {
      await fs.promises.unlink(tmp).catch(() => undefined);
      throw e;
    }
  }

  const unavailable = (detail: string): NumberQueryOutcome => {
    const o: NumberQueryOutcome = { kind: 'unavailable', detail };
    reportAnswer(o);
    return o;
  };

  async function query(owner: string, numbers: PrintedNumbers): Promise<NumberQueryOutcome> {
    if (deps.isClosed()) return { kind: 'unavailable', detail: 'the reader is closing' };
    const { queryTimeoutMs } = cfg();
    const n = normalisePrintedNumbers(numbers);
    const key = createHash('sha256')
      .update(JSON.stringify([n.insurerNumber, n.symbol ?? '', n.number, n.branch ?? '', n.birthDate]))
      .digest('hex');
    let existing;
    try {
      existing = store.waitingNumberQuery(owner, key);
    } catch (e) {
      return unavailable(`the kiosk database is unavailable (${String(e)})`);
    }
    if (existing) {
      // Already waiting (in memory), or a restart while waiting: the same request may still be answered.
      if (!queries.has(existing.fileId))
        log.info('resuming a number query after a restart', { fileId: existing.fileId, owner });
      return waitForAnswer(existing.fileId, owner, queryTimeoutMs);
    }
    const fileId = newFileId(owner);
    let bytes: Uint8Array;
    try {
      bytes = buildNumberQueryXml({
        ...n,
        confirmationDate: clock.today(),
        institutionCode: deps.institutionCode(),
        fileId,
      });
    } catch (e) {
      // The numbers cannot be sent as they are: that is for staff, not a terminal failure.
      if (e instanceof OnshiBuildError)
        return { kind: 'answer', outcome: { ok: false, errorCode: 'invalid-numbers', errorMessage: e.message } };
      throw e;
    }
    try {
      store.insertNumberQuery({ fileId, sessionId: owner, numbersKey: key, requestedAt: clock.nowIso() });
    } catch (e) {
      return unavailable(`the kiosk database is unavailable (${String(e)})`);
    }
    try {
      await writeRequest(fileId, bytes);
    } catch (e) {
      try {
        store.finishNumberQuery(fileId, 'failed', clock.nowIso());
      } catch {
        // best effort
      }
      log.warn('could not write a number query', { fileId, error: String(e) });
      return unavailable(`the terminal folder req/ cannot be written (${errCode(e)})`);
    }
    log.info('number query sent', { fileId, owner });
    return waitForAnswer(fileId, owner, queryTimeoutMs);
  }

  return {
    handleRes,
    query,
    pending: () => [...queries.keys()],
    close() {
      for (const w of queries.values()) if (w.timer) clearTimeout(w.timer);
      queries.clear();
    },
  };
}

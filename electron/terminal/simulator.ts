/**
 * The terminal simulator: plays the 資格確認端末's side of the shared folder from the persona fixtures, so
 * that a fresh checkout's `npm start`, the tests and the benchmark all run the real onshi-folder adapter.
 *
 * - req/: it polls (with the same stability check) for OQSsiquc01req_*.xml, reads each request with the
 *   parser helper, finds the persona by insurer number + 番号 + birth date (else 該当資格なし) and writes
 *   the answer to res/ (write to a dot-temp file, then rename) after the persona's delay: 'slow' answers
 *   after `slowAnswerMs`, 'no-answer' never, 'system-error' with SegmentOfResult 9.
 * - face/: `presentCard(persona)` writes the card-read file the terminal writes after a face / PIN check,
 *   named OQSsiquc01res_face_<医療機関コード><id>_<yyyyMMddHHmmss>.xml in the clinic's time zone.
 *
 * It never touches files of its own making except through rename, and it never deletes requests: the
 * adapter removes its own.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DemoPersona } from '../../shared/api/index';
import { sameInsurerNumber, samePrintedText } from '../../shared/insurance/index';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import {
  buildOnshiResultXml,
  faceFileName,
  formatTimestamp,
  parseNumberQuery,
  responseFileNameFor,
  type OnshiNumberQuery,
} from '../onshi/index';
import { createFolderPoller, type FolderPoller, type StableFile } from './folder-poller';
import { localIso, localParts } from './local-time';
import { defaultPersonas, demoPersona, personaNumbers, personaResult, type Persona } from './personas';

export interface SimulatorConfig {
  /** How long a normal answer takes (default 300 ms; a real terminal takes about a second). */
  answerDelayMs: number;
  /** The 'slow' persona's delay: longer than typical, shorter than the adapter's timeout (default 5 s). */
  slowAnswerMs: number;
  /** How often req/ is polled (default 50 ms). */
  pollMs: number;
}

export const DEFAULT_SIMULATOR_CONFIG: SimulatorConfig = {
  answerDelayMs: DEFAULT_SETTINGS.simulatorAnswerMs,
  slowAnswerMs: DEFAULT_SETTINGS.simulatorSlowAnswerMs,
  pollMs: DEFAULT_SETTINGS.readerPollMs,
};

export interface TerminalSimulatorOptions {
  dir: string;
  clock: Clock;
  institutionCode: () => string;
  log?: Logger;
  personas?: Persona[];
  config?: () => Partial<SimulatorConfig>;
  /** How long an answered request's name is remembered after it left req/ (default: the poller's 10 min). */
  forgetAfterMs?: number;
}

export interface TerminalSimulator {
  readonly dir: string;
  /** Creates req/, res/ and face/ if missing and starts answering. */
  start(): Promise<void>;
  stop(): Promise<void>;
  personas(): DemoPersona[];
  /** Writes a card-read file for this persona into face/ (write then rename). */
  presentCard(personaId: string): { ok: true; fileName: string } | { ok: false; message: string };
  /** Like presentCard, but waits until the file is in place; resolves with its name. */
  presentCardAsync(
    personaId: string,
  ): Promise<{ ok: true; fileName: string; path: string } | { ok: false; message: string }>;
  /** The bytes presentCard would write (tests write them by hand, e.g. in chunks). */
  cardFile(personaId: string): { name: string; bytes: Uint8Array } | undefined;
  /**
   * Requests answered (name → persona id or 'unknown') that are still in req/ or left it less than
   * `forgetAfterMs` ago — the kiosk deletes each request once answered, so this stays small for a run of days.
   */
  answered(): Map<string, string>;
}

const REQ_NAME = /^OQSsiquc01req_[A-Za-z0-9_-]{1,64}\.xml$/i;

export function createTerminalSimulator(options: TerminalSimulatorOptions): TerminalSimulator {
  const dir = path.resolve(options.dir);
  const personas = options.personas ?? defaultPersonas();
  const cfg = (): SimulatorConfig => ({ ...DEFAULT_SIMULATOR_CONFIG, ...(options.config?.() ?? {}) });
  const log = options.log;
  const timers = new Set<NodeJS.Timeout>();
  const answered = new Map<string, string>();
  const writes = new Set<Promise<unknown>>();
  let stopped = false;
  let serial = 0;

  const nowLocal = () => localIso(options.clock.now(), options.clock.timeZone);

  async function atomicWrite(folder: string, name: string, bytes: Uint8Array): Promise<string> {
    const final = path.join(dir, folder, name);
    const tmp = path.join(dir, folder, `.${name}.${randomBytes(3).toString('hex')}.tmp`);
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, final);
    return final;
  }
  const track = <T>(p: Promise<T>): Promise<T> => {
    writes.add(p);
    void p.finally(() => writes.delete(p)).catch(() => undefined);
    return p;
  };

  const findPersona = (q: OnshiNumberQuery): Persona | undefined => {
    const today = options.clock.today();
    return personas.find((p) => {
      const n = personaNumbers(p, today);
      return (
        sameInsurerNumber(n.insurerNumber, q.insurerNumber) &&
        samePrintedText(n.number, q.number) &&
        n.birthDate === q.birthDate
      );
    });
  };

  const answerBytes = (q: OnshiNumberQuery, persona: Persona | undefined): Uint8Array => {
    const today = options.clock.today();
    if (!persona) {
      return buildOnshiResultXml(
        {
          source: 'numbers',
          institutionCode: options.institutionCode(),
          confirmationDate: today,
          processedAt: nowLocal(),
          fileId: q.fileId,
          validity: 'not-found',
          echo: {
            insurerNumber: q.insurerNumber,
            ...(q.symbol ? { symbol: q.symbol } : {}),
            number: q.number,
            ...(q.branch ? { branch: q.branch } : {}),
            birthDate: q.birthDate,
            limitCertificateConsent: q.limitCertificateConsent ?? false,
          },
        },
        { encoding: 'utf-8' },
      );
    }
    const input = personaResult(persona, {
      source: 'numbers',
      today,
      nowLocal: nowLocal(),
      institutionCode: options.institutionCode(),
      fileId: q.fileId,
    });
    return buildOnshiResultXml(input, { encoding: persona.encoding, newline: '\r\n' });
  };

  const handleRequest = (file: StableFile): 'done' => {
    if (stopped || answered.has(file.name)) return 'done';
    const resName = responseFileNameFor(file.name);
    const parsed = parseNumberQuery(file.bytes);
    if (!resName || !parsed.ok) {
      log?.warn('simulator: unreadable request', { file: file.name, error: parsed.ok ? 'name' : parsed.error });
      answered.set(file.name, 'unreadable');
      return 'done';
    }
    const persona = findPersona(parsed.query);
    answered.set(file.name, persona?.id ?? 'unknown');
    if (persona?.behaviour === 'no-answer') return 'done';
    const c = cfg();
    const delay = persona?.behaviour === 'slow' ? c.slowAnswerMs : c.answerDelayMs;
    const t = setTimeout(() => {
      timers.delete(t);
      if (stopped) return;
      let bytes: Uint8Array;
      try {
        bytes = answerBytes(parsed.query, persona);
      } catch (e) {
        log?.error('simulator: could not build an answer', { file: file.name, error: String(e) });
        return;
      }
      track(atomicWrite('res', resName, bytes)).catch((e) =>
        log?.warn('simulator: could not write an answer', { file: resName, error: String(e) }),
      );
    }, delay);
    t.unref();
    timers.add(t);
    return 'done';
  };

  let reqPoller: FolderPoller | undefined;

  const cardFile = (personaId: string): { name: string; bytes: Uint8Array } | undefined => {
    const persona = personas.find((p) => p.id === personaId);
    if (!persona) return undefined;
    const now = options.clock.now();
    const today = options.clock.today();
    serial += 1;
    const opaque = `S${formatTimestamp(localParts(now, options.clock.timeZone)).slice(8)}${String(serial).padStart(4, '0')}${randomBytes(2).toString('hex')}`;
    const name = faceFileName(options.institutionCode(), opaque, localParts(now, options.clock.timeZone));
    const input = personaResult(persona, {
      source: 'card',
      today,
      nowLocal: nowLocal(),
      institutionCode: options.institutionCode(),
    });
    return { name, bytes: buildOnshiResultXml(input, { encoding: persona.encoding, newline: '\r\n' }) };
  };

  const present = (personaId: string) => {
    if (stopped) return { ok: false as const, message: 'the terminal simulator is stopped' };
    const persona = personas.find((p) => p.id === personaId);
    if (!persona) return { ok: false as const, message: `unknown persona ${personaId}` };
    if (persona.behaviour === 'no-answer') return { ok: true as const, fileName: '', write: Promise.resolve('') };
    const file = cardFile(personaId)!;
    const delay = persona.behaviour === 'slow' ? cfg().slowAnswerMs : 0;
    const write = track(
      new Promise<void>((resolve) => {
        if (delay === 0) return resolve();
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, delay);
        t.unref();
        timers.add(t);
      }).then(() => atomicWrite('face', file.name, file.bytes)),
    );
    return { ok: true as const, fileName: file.name, write };
  };

  return {
    dir,
    async start() {
      stopped = false;
      for (const sub of ['req', 'res', 'face']) await fs.promises.mkdir(path.join(dir, sub), { recursive: true });
      reqPoller = createFolderPoller({
        dir: path.join(dir, 'req'),
        match: (n) => REQ_NAME.test(n),
        isKnown: (n) => answered.has(n),
        // Bounded: forget a request once it has left req/ (the kiosk removes it after the answer).
        onForget: (n) => answered.delete(n),
        ...(options.forgetAfterMs !== undefined ? { forgetAfterMs: options.forgetAfterMs } : {}),
        onFile: handleRequest,
        intervalMs: cfg().pollMs,
        idleIntervalMs: cfg().pollMs,
        stabilityMs: 20,
      });
      reqPoller.start();
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await reqPoller?.stop();
      await Promise.all([...writes].map((w) => w.catch(() => undefined)));
    },
    personas: () => personas.map((p) => demoPersona(p, options.clock.today())),
    presentCard(personaId) {
      const r = present(personaId);
      if (!r.ok) return r;
      r.write.catch((e) => log?.warn('simulator: could not write a card read', { error: String(e) }));
      return { ok: true, fileName: r.fileName };
    },
    async presentCardAsync(personaId) {
      const r = present(personaId);
      if (!r.ok) return r;
      const written = await r.write;
      return { ok: true, fileName: r.fileName, path: written };
    },
    cardFile,
    answered: () => new Map(answered),
  };
}

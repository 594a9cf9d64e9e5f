/**
 * The core's composition root: plain Node services behind the kiosk API. The Electron shell, the browser
 * host, the tests and the benchmarks all run this same code. Nothing here imports 'electron'.
 *
 * It opens the database, creates the clock, logger and online monitor, then adds the features
 * (electron/core/<feature>/, see feature.ts) in dependency order — each `app.add` migrates that feature's
 * tables and creates it — and serves the API through the request table (requests.ts).
 */
import path from 'node:path';
import type { ApiResult } from '../../shared/api/index';
import { decideEligibility } from '../../shared/eligibility/index';
import { buildClinicTimeline } from '../../shared/eligibility/policy';
import type { RuleTimeline } from '../../shared/eligibility/timeline';
import type { Settings } from '../../shared/settings';
import { createOnshiFolderReader } from '../readers/onshi-folder';
import { createTerminalSimulator, type TerminalSimulator } from '../readers/simulator';
import { createTerminalStore, terminalMigrations } from '../terminal/store';
import { createAssembly } from './assembly';
import { auditFeature, type AuditLog } from './audit/index';
import { cardReadsFeature } from './card-reads/index';
import type { CardReadsStore } from './card-reads/store';
import { checkinFeature, type Checkin } from './checkin/index';
import { createClock, isClockError, type Clock } from './clock';
import { demoFeature } from './demo/index';
import type { Caller, EmitEvent } from './feature';
import { createLogger, type Logger } from './logger';
import { createOnlineMonitor, type OnlineMonitor } from './monitor';
import type { EligibilityReader } from './readers';
import { dispatch } from './requests';
import { reverifyFeature, type Reverify } from './reverify/index';
import { settingsFeature, type SettingsService } from './settings/index';
import { statusFeature } from './status/index';
import { openDatabase, type Db } from './store/index';

export { defaultDataDir } from './paths';
export type { Caller } from './feature';

export interface CoreOptions {
  dataDir: string;
  /** KIOSK_NOW: fixes where the clinic clock starts. */
  now?: string;
  /** KIOSK_ONSHI_DIR: use the onshi-folder adapter on this folder instead of the simulator. */
  onshiDir?: string;
  settings?: Partial<Settings>;
  /** Tests inject their own reader. */
  reader?: EligibilityReader;
  logToConsole?: boolean;
}

export interface Core {
  handle(caller: Caller, name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(caller: Caller, push: EmitEvent): () => void;
  close(): Promise<void>;
  /** For the host, tests and benchmarks. */
  readonly internals: {
    db: Db;
    audit: AuditLog;
    checkin: Checkin;
    monitor: OnlineMonitor;
    clock: Clock;
    settings: SettingsService;
    reader: EligibilityReader;
    log: Logger;
    reverify: Reverify;
    cardReads: CardReadsStore;
    /** The embedded terminal simulator, when KIOSK_ONSHI_DIR is unset and no reader was injected. */
    simulator?: TerminalSimulator;
  };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = createLogger({ dir: path.join(options.dataDir, 'logs'), console: options.logToConsole ?? true });
  const db = openDatabase(options.dataDir);
  const app = createAssembly(db, log);
  try {
    return await compose(options, db, app, log);
  } catch (e) {
    await app.close();
    db.close();
    throw e;
  }
}

async function compose(
  options: CoreOptions,
  db: Db,
  app: ReturnType<typeof createAssembly>,
  log: Logger,
): Promise<Core> {
  const audit = app.add(auditFeature, {});
  const settings = app.add(settingsFeature, { audit, overrides: options.settings ?? {} });
  const s0 = settings.get();
  const clockOrError = createClock({ fixedStart: options.now, timeZone: s0.timeZone });
  if (isClockError(clockOrError)) throw new Error(clockOrError.message);
  const clock: Clock = clockOrError;

  // Step-1 wiring (see README "Core features"): the reader is created after the sessions it serves, so
  // the monitor's probe and the session manager reach it through `readerRef`.
  const readerRef: { current?: EligibilityReader } = {};
  const reader = (): EligibilityReader => {
    if (!readerRef.current) throw new Error('the reader is not ready yet');
    return readerRef.current;
  };
  const monitor = createOnlineMonitor(clock, {
    mode: s0.onlineMode,
    failuresForDown: s0.monitorFailuresForDown,
    degradedWindowMs: s0.monitorDegradedWindowMs,
    probeIntervalMs: s0.monitorProbeMs,
    probe: () => readerRef.current?.health?.() ?? Promise.resolve({ ok: true }),
  });

  // The national timeline made stricter by the clinic's policy; rebuilt only when the policy changes.
  let timelineFor: { key: string; timeline: RuleTimeline } | undefined;
  const clinicTimeline = (): RuleTimeline => {
    const policy = settings.get().policy;
    const key = JSON.stringify(policy);
    if (timelineFor?.key !== key) timelineFor = { key, timeline: buildClinicTimeline({ policy }).timeline };
    return timelineFor.timeline;
  };

  const checkin = app.add(checkinFeature, {
    audit,
    clock,
    monitor,
    log: log.child('sessions'),
    reader,
    decide: (q) => decideEligibility(q, clinicTimeline()),
    smartphoneReader: () => settings.get().smartphoneReader,
    sweepAfterSeconds: () => settings.get().idleTimeoutSeconds * settings.get().sweepIdleFactor,
  });
  const cardReads = app.add(cardReadsFeature, { audit, clock, sessions: checkin.sessions, reader });

  // The reader: injected (tests), the onshi-folder adapter on KIOSK_ONSHI_DIR, or — the default — the same
  // adapter on a folder served by the embedded terminal simulator, so `npm start` runs the real adapter.
  app.migrate('terminal', terminalMigrations);
  const terminalStore = createTerminalStore(db);
  let simulator: TerminalSimulator | undefined;
  let startReader = () => {};
  if (options.reader) {
    readerRef.current = options.reader;
  } else {
    const dir = options.onshiDir ?? path.join(options.dataDir, 'onshi-sim');
    const institutionCode = () => settings.get().institutionCode;
    if (!options.onshiDir) {
      simulator = createTerminalSimulator({
        dir,
        clock,
        institutionCode,
        log: log.child('simulator'),
        config: () => ({
          answerDelayMs: settings.get().simulatorAnswerMs,
          slowAnswerMs: settings.get().simulatorSlowAnswerMs,
        }),
      });
      await simulator.start();
    }
    const adapter = createOnshiFolderReader({
      dir,
      store: terminalStore,
      cardReads,
      clock,
      monitor,
      log: log.child('onshi'),
      institutionCode,
      config: () => readerConfig(settings.get()),
      session: (id) => checkin.sessions.get(id),
      kind: simulator ? 'simulator' : 'onshi-folder',
    });
    readerRef.current = adapter;
    startReader = () => adapter.start();
  }
  const reverify = app.add(reverifyFeature, {
    sessions: checkin.sessions,
    monitor,
    reader,
    clock,
    log: log.child('reverify'),
    intervalMs: s0.reverifyIntervalMs,
  });
  const demo = app.add(demoFeature, { ...(simulator ? { simulator } : {}), enabled: () => settings.get().demoPanel });
  app.add(statusFeature, { audit, clock, monitor, settings, readerKind: reader().kind, demoAvailable: demo.available });

  // Retention: finished check-ins and the reader records with patient data.
  const purgeDay = shiftDay(clock.today(), -s0.retentionDays);
  const purged =
    checkin.store.purgeBefore(purgeDay) + cardReads.purgeBefore(purgeDay) + terminalStore.purgeBefore(purgeDay);
  if (purged) log.info('purged finished check-ins past retention', { count: purged });

  const table = app.table();
  // Restores sessions first, so restored card waits and number queries are in place before the first poll.
  await app.start();
  startReader();
  void monitor.probeNow();

  return {
    internals: {
      db,
      audit,
      checkin,
      monitor,
      clock,
      settings,
      reader: reader(),
      log,
      reverify,
      cardReads,
      ...(simulator ? { simulator } : {}),
    },
    handle: (caller, name, input) =>
      dispatch(
        table,
        caller,
        () => clock.nowIso(),
        name,
        input,
        (n, e) => log.error('request failed', { name: n, error: e instanceof Error ? e.message : String(e) }),
      ),
    subscribe: (caller, push) => app.subscribe(caller, push),
    async close() {
      await app.close();
      monitor.close();
      await readerRef.current?.close();
      await simulator?.stop();
      db.close();
    },
  };
}

function readerConfig(s: Settings) {
  return {
    queryTimeoutMs: s.readerQueryTimeoutMs,
    cardWaitMs: s.readerCardWaitSeconds * 1000,
    pollMs: s.readerPollMs,
    idlePollMs: s.readerIdlePollMs,
    stabilityMs: s.readerStabilityMs,
    clockSkewMs: s.readerClockSkewMs,
    settleMs: s.readerSettleMs,
    watch: s.readerWatchHint,
  };
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

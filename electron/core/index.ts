/**
 * The core's composition root: plain Node services behind the kiosk API. The Electron shell, the browser
 * host, the tests and the benchmarks all run this same code. Nothing here imports 'electron'.
 *
 * It opens the database, creates the clock, logger, terminal transport and online monitor, then adds the features
 * (electron/core/<feature>/, see feature.ts) in dependency order — each `app.add` migrates that feature's
 * tables and creates it — and serves the API through the request table (requests.ts).
 */
import path from 'node:path';
import type { OrcaConfig } from '../config';
import type { ApiResult } from '../../shared/api/index';
import { buildClinicTimeline } from '../../shared/eligibility/policy';
import type { RuleTimeline } from '../../shared/eligibility/timeline';
import type { Settings } from '../../shared/settings';
import { startOrcaSimulator, type OrcaSimulator } from '../integrations/orca/simulator';
import { simPatientsFrom } from '../integrations/orca/simulator-data';
import { defaultPersonas, resolveDate } from '../terminal/personas';
import { createTerminalSimulator, type TerminalSimulator } from '../terminal/simulator';
import { createTerminalStore, terminalMigrations } from '../terminal/store';
import { createTerminalTransport, terminalConfigFrom, type TerminalTransport } from '../terminal/transport';
import { createAssembly, type Assembly } from './assembly';
import { auditFeature, type AuditLog } from './audit/index';
import { cardReadsFeature, type CardReads } from './card-reads/index';
import { checkinFeature, type Checkin } from './checkin/index';
import { createClock, isClockError, type Clock } from './clock';
import { demoFeature } from './demo/index';
import { callsFeature } from './calls/index';
import type { CallsService } from './calls/service';
import { devicesFeature, patientCardMode, type DeviceEnvironment, type Devices } from './devices/index';
import { checkPatientCardNumber } from '../../shared/patient-card/pattern';
import type { Caller, EmitEvent } from './feature';
import { createLogger, type Logger } from './logger';
import { createOnlineMonitor, linkTerminalHealth, type OnlineMonitor } from './monitor';
import { dispatch } from './requests';
import { receiptLinkFeature, type ReceiptLinkFeature } from './receipt-link/index';
import { reverifyFeature, type Reverify } from './reverify/index';
import { insurersFeature } from './insurers/index';
import { settingsFeature, type SettingsService } from './settings/index';
import {
  createGate,
  staffAccountsFeature,
  type GateConnection,
  type Identity,
  type IdentityTuning,
  type OpenOptions,
} from './staff-accounts/index';
import { statusFeature } from './status/index';
import { openCheckedDatabase, storageFeature, type Storage } from './storage/index';
import type { Db } from './store/index';

export { defaultDataDir } from './paths';
export type { Caller } from './feature';

export interface CoreOptions {
  dataDir: string;
  /** KIOSK_NOW: fixes where the clinic clock starts. */
  now?: string;
  /** KIOSK_ONSHI_DIR: use the terminal folder transport on this folder instead of the simulator's. */
  onshiDir?: string;
  settings?: Partial<Settings>;
  /** Tests inject their own terminal transport. */
  terminal?: TerminalTransport;
  /** Tests make PIN hashing cheap and sessions short. */
  identity?: IdentityTuning;
  logToConsole?: boolean;
  /** KIOSK_PRINTER, KIOSK_CARD_READER as electron/config.ts parsed them (the devices feature). */
  devices?: DeviceEnvironment;
  /** KIOSK_RESTORE=latest: if the database cannot be used, restore the newest verified backup first. */
  restore?: 'latest';
  /** Tests: the storage probe and retention schedules. */
  storage?: { failingProbeMs?: number; okProbeMs?: number; retentionEveryMs?: number };
  /** KIOSK_ORCA_* (electron/config.ts): the ORCA connection from the environment, over the admin's. */
  orca?: OrcaConfig;
  /** false: no embedded ORCA simulator even in the demo. */
  orcaDemo?: boolean;
}

export interface Core {
  /**
   * A connection from a transport (a WebSocket, an Electron window). The core decides who it is — the local
   * kiosk, an enrolled device, a signed-in staff member or admin, or nobody — and answers its requests,
   * identity requests included (staff-accounts/gate.ts). Transports use this, never `handle` directly.
   */
  connect(options: OpenOptions): GateConnection;
  /** In-process calls with a caller the code itself decided (tests, tools): no identity checks. */
  handle(caller: Caller, name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(caller: Caller, push: EmitEvent): () => void;
  close(): Promise<void>;
  /** For the host, tests and benchmarks. */
  readonly internals: {
    db: Db;
    audit: AuditLog;
    checkin: Checkin;
    cardReads: CardReads;
    reverify: Reverify;
    storage: Storage;
    monitor: OnlineMonitor;
    clock: Clock;
    settings: SettingsService;
    devices: Devices;
    calls: CallsService;
    terminal: TerminalTransport;
    log: Logger;
    identity: Identity;
    /** The embedded terminal simulator, when KIOSK_ONSHI_DIR is unset and no transport was injected. */
    simulator?: TerminalSimulator;
    receiptLink: ReceiptLinkFeature;
    /** The demo's embedded ORCA simulator (with the terminal simulator, when KIOSK_ORCA_URL is unset). */
    orcaSimulator?: OrcaSimulator;
  };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = createLogger({ dir: path.join(options.dataDir, 'logs'), console: options.logToConsole ?? true });
  // A missing, empty or corrupt database is refused here (StorageStartError with a restore path), never
  // silently replaced. (Real time only names a file moved aside by a restore; the clinic clock comes later.)
  const db = openCheckedDatabase({
    dataDir: options.dataDir,
    nowIso: new Date().toISOString(),
    log,
    ...(options.restore ? { restore: options.restore } : {}),
  });
  const app = createAssembly(db, log);
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    return await compose(options, db, app, log, cleanup);
  } catch (e) {
    await app.close();
    for (const c of cleanup.reverse()) await c();
    db.close();
    throw e;
  }
}

async function compose(
  options: CoreOptions,
  db: Db,
  app: Assembly,
  log: Logger,
  cleanup: (() => Promise<void> | void)[],
): Promise<Core> {
  const audit = app.add(auditFeature, {});
  const settings = app.add(settingsFeature, { audit, overrides: options.settings ?? {} });
  const s0 = settings.get();
  const clockOrError = createClock({ fixedStart: options.now, timeZone: s0.timeZone });
  if (isClockError(clockOrError)) throw new Error(clockOrError.message);
  const clock: Clock = clockOrError;
  const deviceEnvironment = options.devices ?? {};
  const cardMode = () => patientCardMode(deviceEnvironment, settings.get());
  const identity = app.add(staffAccountsFeature, {
    audit,
    clock,
    log: log.child('accounts'),
    ...(options.identity ? { tuning: options.identity } : {}),
  });

  // The terminal: injected (tests), the folder transport on KIOSK_ONSHI_DIR, or — the default — the same
  // transport on a folder served by the embedded terminal simulator, so `npm start` runs the real code.
  app.migrate('terminal', terminalMigrations);
  const terminalStore = createTerminalStore(db);
  let simulator: TerminalSimulator | undefined;
  const institutionCode = () => settings.get().institutionCode;
  const dir = options.onshiDir ?? path.join(options.dataDir, 'onshi-sim');
  if (!options.terminal && !options.onshiDir) {
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
    const sim = simulator;
    cleanup.push(() => sim.stop());
    await sim.start();
  }
  const terminal =
    options.terminal ??
    createTerminalTransport({
      dir,
      store: terminalStore,
      clock,
      log: log.child('terminal'),
      institutionCode,
      config: () => terminalConfigFrom(settings.get()),
      kind: simulator ? 'simulator' : 'onshi-folder',
    });
  cleanup.push(() => terminal.close());

  const monitor = createOnlineMonitor(clock, {
    mode: s0.onlineMode,
    failuresForDown: s0.monitorFailuresForDown,
    degradedWindowMs: s0.monitorDegradedWindowMs,
    probeIntervalMs: s0.monitorProbeMs,
    probe: () => terminal.probe(),
  });
  cleanup.push(() => monitor.close());
  linkTerminalHealth(monitor, terminal);

  // The national timeline made stricter by the clinic's policy; rebuilt only when the policy changes.
  let timelineFor: { key: string; timeline: RuleTimeline } | undefined;
  const clinicTimeline = (): RuleTimeline => {
    const policy = settings.get().policy;
    const key = JSON.stringify(policy);
    if (timelineFor?.key !== key) timelineFor = { key, timeline: buildClinicTimeline({ policy }).timeline };
    return timelineFor.timeline;
  };

  const cardReads = app.add(cardReadsFeature, {
    audit,
    clock,
    log: log.child('card-reads'),
    transport: terminal,
    config: () => ({
      cardWaitMs: settings.get().readerCardWaitSeconds * 1000,
      clockSkewMs: settings.get().readerClockSkewMs,
      heartbeatMs: settings.get().readerCardHeartbeatMs,
    }),
  });
  const verify = (owner: string, numbers: Parameters<TerminalTransport['query']>[1]) => terminal.query(owner, numbers);
  // Storage is added after checkin (it needs the sessions); checkin reaches it through these closures.
  const storageRef: { current?: Storage } = {};
  const checkin = app.add(checkinFeature, {
    onStoreError: (e) => storageRef.current?.health.reportFailure(e),
    holdCallStaff: (call) => storageRef.current?.held.hold(call),
    audit,
    clock,
    monitor,
    log: log.child('sessions'),
    cards: cardReads,
    verify,
    rules: clinicTimeline,
    smartphoneReader: () => settings.get().smartphoneReader,
    patientCardStep: () => cardMode() !== 'off',
    checkPatientCard: (raw) => checkPatientCardNumber(raw, settings.get().patientCardPattern),
    sweepAfterSeconds: () => settings.get().idleTimeoutSeconds * settings.get().sweepIdleFactor,
  });
  app.add(insurersFeature, {
    sessions: checkin.sessions,
    minVisits: () => settings.get().insurerShortcutsMinVisits,
  });
  const reverify = app.add(reverifyFeature, {
    sessions: checkin.sessions,
    monitor,
    verify,
    clock,
    log: log.child('reverify'),
    intervalMs: s0.reverifyIntervalMs,
  });
  // The demo's ORCA: with the embedded terminal simulator and no KIOSK_ORCA_URL, an ORCA simulator that knows
  // the demo personas, used by the receipt link until an admin configures a real ORCA.
  let orcaSimulator: OrcaSimulator | undefined;
  if (simulator && !options.orca && options.orcaDemo !== false) {
    const people = defaultPersonas().flatMap((p) =>
      p.people.map((x) => ({ name: x.name, nameKana: x.nameKana, birthDate: resolveDate(x.birthDate, clock.today()) })),
    );
    const orca = await startOrcaSimulator({ patients: simPatientsFrom(people), today: () => clock.today() });
    orcaSimulator = orca;
    cleanup.push(() => orca.stop());
  }
  const receiptLink = app.add(receiptLinkFeature, {
    audit,
    clock,
    log: log.child('receipt-link'),
    sessions: checkin.sessions,
    ...(options.orca ? { fromEnvironment: options.orca } : {}),
    demo: () =>
      orcaSimulator
        ? {
            url: orcaSimulator.url,
            user: 'ormaster',
            password: 'ormaster',
            departmentCode: '01',
            physicianCode: '10001',
          }
        : undefined,
  });
  const storage = app.add(storageFeature, {
    dataDir: options.dataDir,
    clock,
    log: log.child('storage'),
    audit,
    settings,
    sessions: checkin.sessions,
    // Retention erases the receipt link's records too (in the same transaction, before the VACUUM).
    purgeAlso: [(day) => receiptLink.link.purgeBefore(day)],
    ...options.storage,
  });
  storageRef.current = storage;
  const demo = app.add(demoFeature, { ...(simulator ? { simulator } : {}), enabled: () => settings.get().demoPanel });
  const devices = app.add(devicesFeature, {
    audit,
    clock,
    log: log.child('devices'),
    settings,
    sessions: checkin.sessions,
    environment: deviceEnvironment,
    demoEnabled: () => settings.get().demoPanel,
  });
  const calls = app.add(callsFeature, { audit, clock, log, settings, sessions: checkin.sessions });
  app.add(statusFeature, {
    audit,
    clock,
    monitor,
    settings,
    readerKind: terminal.kind,
    demoAvailable: demo.available,
    patientCardMode: cardMode,
    storage: () => storage.status(),
  });
  // Retention (finished check-ins, card-read records, receipt links, audit past the period; erased, not just
  // unlinked) runs in the storage feature's start() and daily after it.

  const table = app.table();
  // Features start in order: sessions are restored (card waits and number queries re-armed) before the
  // terminal's first poll.
  await app.start();
  terminal.start();
  void monitor.probeNow();

  const handle: Core['handle'] = (caller, name, input) =>
    dispatch(
      table,
      caller,
      () => clock.nowIso(),
      name,
      input,
      (n, e) => log.error('request failed', { name: n, error: e instanceof Error ? e.message : String(e) }),
    );
  const subscribe: Core['subscribe'] = (caller, push) => app.subscribe(caller, push);
  const gate = createGate({
    core: { handle, subscribe },
    accounts: identity.accounts,
    devices: identity.devices,
    setupCode: identity.setupCode,
    exposure: identity.served,
    exposureSetting: identity.exposure,
  });
  // Idle sign-outs and revoked devices reach open screens within seconds, even with no request.
  const recheck = setInterval(() => gate.recheckAll(), 5_000);
  recheck.unref();
  cleanup.push(() => clearInterval(recheck));

  return {
    connect: (o) => gate.open(o),
    internals: {
      db,
      audit,
      checkin,
      cardReads,
      reverify,
      storage,
      monitor,
      clock,
      settings,
      devices,
      calls,
      terminal,
      log,
      identity,
      ...(simulator ? { simulator } : {}),
      receiptLink,
      ...(orcaSimulator ? { orcaSimulator } : {}),
    },
    handle,
    subscribe,
    async close() {
      await app.close();
      for (const c of cleanup.reverse()) await c();
      db.close();
    },
  };
}

/**
 * The core: plain Node services behind the kiosk API. The Electron shell, the browser host, the tests and
 * the benchmarks all run this same code. Nothing here imports 'electron'.
 */
import os from 'node:os';
import path from 'node:path';
import {
  parseRequest,
  type AdminSettings,
  type ApiEventName,
  type ApiResult,
  type KioskStatus,
  type RequestInput,
  type RequestName,
  type Role,
} from '../../shared/api/index';
import { decideEligibility } from '../../shared/eligibility/index';
import { buildClinicTimeline } from '../../shared/eligibility/policy';
import type { RuleTimeline } from '../../shared/eligibility/timeline';
import { createOnshiFolderReader, type OnshiFolderConfig } from '../readers/onshi-folder';
import { createTerminalSimulator, type TerminalSimulator } from '../readers/simulator';
import { createClock, isClockError, type Clock } from './clock';
import { createLogger, type Logger } from './logger';
import { createOnlineMonitor, type OnlineMonitor } from './monitor';
import type { EligibilityReader } from './readers';
import { createReverifyService, type ReverifyService } from './reverify';
import { createSessionManager, type SessionManager } from './sessions';
import { createSettings, type Settings, type SettingsService } from './settings';
import { openStore, type Store } from './store/index';

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

export interface Caller {
  role: Role;
  kioskId: string;
}

export interface Core {
  handle(caller: Caller, name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(caller: Caller, push: (event: ApiEventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
  /** For the host, tests and benchmarks. */
  readonly internals: {
    store: Store;
    sessions: SessionManager;
    monitor: OnlineMonitor;
    clock: Clock;
    settings: SettingsService;
    reader: EligibilityReader;
    log: Logger;
    reverify: ReverifyService;
    /** The embedded terminal simulator, when KIOSK_ONSHI_DIR is unset and no reader was injected. */
    simulator?: TerminalSimulator;
  };
}

export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'clinic-reception-kiosk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'clinic-reception-kiosk');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'clinic-reception-kiosk');
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = createLogger({ dir: path.join(options.dataDir, 'logs'), console: options.logToConsole ?? true });
  const store = openStore(options.dataDir);
  const settings = createSettings(store, options.settings);
  const clockOrError = createClock({ fixedStart: options.now, timeZone: settings.get().timeZone });
  if (isClockError(clockOrError)) {
    store.close();
    throw new Error(clockOrError.message);
  }
  // A plain const (not a narrowed union) so hoisted functions below see a Clock too.
  const clock: Clock = clockOrError;
  const s0 = settings.get();
  // Assigned once below; the monitor's probe closes over it.
  let reader: EligibilityReader;
  const monitor = createOnlineMonitor(clock, {
    mode: s0.onlineMode,
    failuresForDown: s0.monitorFailuresForDown,
    degradedWindowMs: s0.monitorDegradedWindowMs,
    probeIntervalMs: s0.monitorProbeMs,
    // Until the reader exists (the simulator may still be starting), there is nothing to probe.
    probe: () => ((reader as EligibilityReader | undefined)?.health ? reader.health!() : Promise.resolve({ ok: true as const })),
  });
  // The reader: injected (tests), the onshi-folder adapter on KIOSK_ONSHI_DIR, or — the default — the same
  // adapter on a folder served by the embedded terminal simulator, so `npm start` runs the real adapter.
  let simulator: TerminalSimulator | undefined;
  let startReader = () => {};
  if (options.reader) {
    reader = options.reader;
  } else {
    const dir = options.onshiDir ?? path.join(options.dataDir, 'onshi-sim');
    const institutionCode = () => settings.get().institutionCode;
    if (!options.onshiDir) {
      const sim = createTerminalSimulator({
        dir,
        clock,
        institutionCode,
        log: log.child('simulator'),
        config: () => ({ answerDelayMs: settings.get().simulatorAnswerMs, slowAnswerMs: settings.get().simulatorSlowAnswerMs }),
      });
      await sim.start();
      simulator = sim;
    }
    const sim = simulator;
    const adapter = createOnshiFolderReader({
      dir,
      store,
      clock,
      monitor,
      log: log.child('onshi'),
      institutionCode,
      config: () => readerConfig(settings.get()),
      session: (id) => sessions.get(id),
      kind: sim ? 'simulator' : 'onshi-folder',
      ...(sim ? { demo: { personas: () => sim.personas(), presentCard: (id: string) => sim.presentCard(id) } } : {}),
    });
    reader = adapter;
    startReader = () => adapter.start();
  }
  // The national timeline made stricter by the clinic's policy; rebuilt only when the policy changes.
  let timelineFor: { key: string; timeline: RuleTimeline } | undefined;
  const clinicTimeline = (): RuleTimeline => {
    const policy = settings.get().policy;
    const key = JSON.stringify(policy);
    if (timelineFor?.key !== key) timelineFor = { key, timeline: buildClinicTimeline({ policy }).timeline };
    return timelineFor.timeline;
  };
  const sessions = createSessionManager({
    store,
    clock,
    monitor,
    reader: () => reader,
    decide: (q) => decideEligibility(q, clinicTimeline()),
    smartphoneReader: () => settings.get().smartphoneReader,
    log: log.child('sessions'),
  });
  const purgeDay = shiftDay(clock.today(), -settings.get().retentionDays);
  const purged = store.purgeBefore(purgeDay) + store.purgeReaderRecordsBefore(purgeDay);
  if (purged) log.info('purged finished check-ins past retention', { count: purged });
  sessions.restore();
  // After restore: restored card waits and number queries are in place before the first poll.
  startReader();
  void monitor.probeNow();
  const reverify = createReverifyService({
    store,
    sessions,
    monitor,
    reader: () => reader,
    clock,
    log: log.child('reverify'),
    intervalMs: settings.get().reverifyIntervalMs,
  });
  if (monitor.status().online) void reverify.runOnce();
  const sweeper = setInterval(() => sessions.sweep(settings.get().idleTimeoutSeconds * 3), 30_000);
  sweeper.unref();

  const status = (): KioskStatus => {
    const s = settings.get();
    return {
      now: clock.nowIso(),
      today: clock.today(),
      online: monitor.status(),
      clinicName: s.clinicName,
      languages: s.languages,
      idleTimeoutSeconds: s.idleTimeoutSeconds,
      demoPanel: s.demoPanel && reader.kind === 'simulator',
      readerAdapter: reader.kind,
    };
  };

  const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
  const own = (caller: Caller, kioskId: string) => caller.role !== 'kiosk' || caller.kioskId === kioskId;

  async function dispatch<N extends RequestName>(caller: Caller, name: N, input: RequestInput<N>): Promise<ApiResult<unknown>> {
    switch (name) {
      case 'status.get':
        return ok(status());
      case 'session.start': {
        const i = input as RequestInput<'session.start'>;
        if (!own(caller, i.kioskId)) return { ok: false, error: { code: 'forbidden', message: 'a kiosk starts sessions only for itself' } };
        const r = sessions.start(i.kioskId);
        return r.ok ? ok(r.session) : { ok: false, error: r.error };
      }
      case 'session.get': {
        const i = input as RequestInput<'session.get'>;
        const s = sessions.get(i.sessionId);
        if (!s || !own(caller, s.kioskId)) return { ok: false, error: { code: 'not-found', message: 'no such session' } };
        return ok(s);
      }
      case 'session.send': {
        const i = input as RequestInput<'session.send'>;
        const s = sessions.get(i.sessionId);
        if (!s || !own(caller, s.kioskId)) return { ok: false, error: { code: 'not-found', message: 'no such session' } };
        const r = sessions.apply(i.sessionId, i.event, { actor: `kiosk:${caller.kioskId}`, expectedVersion: i.expectedVersion });
        return r.ok ? ok(r.session) : { ok: false, error: r.error };
      }
      case 'staff.list': {
        const i = input as RequestInput<'staff.list'>;
        return ok(sessions.list(i.date ?? clock.today()));
      }
      case 'staff.act': {
        const i = input as RequestInput<'staff.act'>;
        const r = sessions.apply(i.sessionId, i.event, { actor: `staff:${i.event.staff}` });
        return r.ok ? ok(r.session) : { ok: false, error: r.error };
      }
      case 'admin.setOnlineMode': {
        const i = input as RequestInput<'admin.setOnlineMode'>;
        const at = clock.nowIso();
        const u = settings.update({ onlineMode: i.mode }, at);
        if (!u.ok) return { ok: false, error: { code: 'invalid-payload', message: u.message } };
        store.audit({ at, actor: `admin:${i.staff}`, action: 'online-mode', detail: `${i.mode}: ${i.reason}` });
        return ok(monitor.setMode(i.mode));
      }
      case 'demo.personas':
        if (!status().demoPanel || !reader.personas) return { ok: false, error: { code: 'forbidden', message: 'the demo panel is disabled' } };
        return ok(reader.personas());
      case 'demo.presentCard': {
        const i = input as RequestInput<'demo.presentCard'>;
        if (!status().demoPanel || !reader.presentCard) return { ok: false, error: { code: 'forbidden', message: 'the demo panel is disabled' } };
        const r = reader.presentCard(i.persona);
        return r.ok ? ok({ presented: i.persona }) : { ok: false, error: { code: 'conflict', message: r.message } };
      }
      case 'staff.unmatchedReads': {
        const i = input as RequestInput<'staff.unmatchedReads'>;
        return ok(reader.unmatchedReads ? reader.unmatchedReads({ all: i.all ?? false }) : []);
      }
      case 'staff.assignRead': {
        const i = input as RequestInput<'staff.assignRead'>;
        if (!reader.assignRead) return { ok: false, error: { code: 'not-found', message: 'this reader has no unmatched reads' } };
        const s = sessions.get(i.sessionId);
        if (!s) return { ok: false, error: { code: 'not-found', message: 'no such session' } };
        const r = reader.assignRead(i.readId, i.sessionId, i.staff);
        if (!r.ok) return { ok: false, error: { code: r.code, message: r.message } };
        store.audit({ at: clock.nowIso(), actor: `staff:${i.staff}`, action: 'reader.assign-read', subject: i.sessionId, detail: `${i.readId}: ${i.reason}` });
        return ok(sessions.get(i.sessionId));
      }
      case 'staff.dismissRead': {
        const i = input as RequestInput<'staff.dismissRead'>;
        const r = reader.dismissRead?.(i.readId, i.staff);
        if (!r) return { ok: false, error: { code: 'conflict', message: 'no such open card read' } };
        store.audit({ at: clock.nowIso(), actor: `staff:${i.staff}`, action: 'reader.dismiss-read', subject: i.readId, detail: i.reason });
        return ok(r);
      }
      case 'staff.reverifications':
        return ok(store.reverifications());
      case 'admin.getSettings':
        return ok(adminView());
      case 'admin.updateSettings': {
        const i = input as RequestInput<'admin.updateSettings'>;
        const at = clock.nowIso();
        const before = adminView();
        const u = settings.update(i.patch, at);
        if (!u.ok) return { ok: false, error: { code: 'invalid-payload', message: u.message } };
        const after = adminView();
        const changed = (Object.keys(after) as (keyof AdminSettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        if (changed.length) {
          // A change that loosens nothing needs only a reason; the policy schema itself can only tighten.
          store.audit({ at, actor: `admin:${i.staff}`, action: 'settings', detail: `${changed.join(', ')}: ${i.reason}` });
          for (const l of settingsListeners) l(status());
        }
        return ok(after);
      }
    }
    return { ok: false, error: { code: 'unknown-request', message: String(name) } };
  }

  const settingsListeners = new Set<(s: KioskStatus) => void>();
  const adminView = (): AdminSettings => {
    const s = settings.get();
    return {
      clinicName: s.clinicName,
      idleTimeoutSeconds: s.idleTimeoutSeconds,
      demoPanel: s.demoPanel,
      smartphoneReader: s.smartphoneReader,
      retentionDays: s.retentionDays,
      readerQueryTimeoutMs: s.readerQueryTimeoutMs,
      readerCardWaitSeconds: s.readerCardWaitSeconds,
      policy: s.policy,
      languages: s.languages,
    };
  };

  return {
    internals: { store, sessions, monitor, clock, settings, reader, log, reverify, ...(simulator ? { simulator } : {}) },
    async handle(caller, name, input) {
      const parsed = parseRequest(caller.role, name, input);
      if (!parsed.ok) return parsed;
      try {
        return await dispatch(caller, parsed.name, parsed.input);
      } catch (e) {
        log.error('request failed', { name: parsed.name, error: e instanceof Error ? e.message : String(e) });
        return { ok: false, error: { code: 'internal', message: 'the kiosk could not complete this request' } };
      }
    },
    subscribe(caller, push) {
      const offSession = sessions.onUpdate((s) => {
        if (own(caller, s.kioskId)) push('session.updated', s);
      });
      const offStatus = monitor.onChange((st) => push('status.changed', st));
      const staff = caller.role === 'staff' || caller.role === 'admin';
      const offUnmatched = staff && reader.onUnmatched ? reader.onUnmatched((r) => push('reader.unmatched', r)) : () => {};
      const offReverify = staff ? reverify.onUpdate((e) => push('reverify.updated', e)) : () => {};
      const onSettings = (st: KioskStatus) => push('settings.changed', st);
      settingsListeners.add(onSettings);
      return () => {
        settingsListeners.delete(onSettings);
        offSession();
        offStatus();
        offUnmatched();
        offReverify();
      };
    },
    async close() {
      clearInterval(sweeper);
      await reverify.close();
      monitor.close();
      await reader.close();
      await simulator?.stop();
      store.close();
    },
  };
}

function readerConfig(s: Settings): Partial<OnshiFolderConfig> {
  return {
    queryTimeoutMs: s.readerQueryTimeoutMs,
    cardWaitMs: s.readerCardWaitSeconds * 1000,
    pollMs: s.readerPollMs,
    idlePollMs: s.readerIdlePollMs,
    stabilityMs: s.readerStabilityMs,
    clockSkewMs: s.readerClockSkewMs,
    watch: s.readerWatchHint,
  };
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

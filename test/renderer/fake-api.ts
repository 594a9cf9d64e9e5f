/**
 * A typed fake of the renderer's API for the jsdom tests. By default it runs a tiny in-memory core: the
 * real session state machine (shared/flow) and the real eligibility engine decide, so screens are tested
 * against the snapshots the core would push. Tests can override any request, push events, and drop or
 * restore the connection.
 */
import type {
  AdminSettings,
  AuditCheck,
  BackupSummary,
  ApiError,
  ApiEventName,
  ApiEvents,
  ApiResult,
  InsurerShortcut,
  KioskName,
  KioskStatus,
  OnlineStatus,
  RequestInput,
  RequestName,
  RequestOutput,
  ReverificationEntry,
  Role,
  UnmatchedRead,
} from '../../shared/api/index';
import { PRESENTED_DOCUMENTS } from '../../shared/eligibility/documents';
import { decideEligibility } from '../../shared/eligibility/index';
import { neededInputs } from '../../shared/eligibility/inputs';
import type { CardReadOutcome, CheckInSession, SessionEvent } from '../../shared/flow/session';
import { newSession, transition } from '../../shared/flow/session';
import type { ConnectionState, RendererApi } from '../../renderer/src/api/types';
import type {
  ConnectionIdentity,
  IdentityRequestInput,
  IdentityRequestName,
  IdentityRequestOutputs,
  IdentityResult,
} from '../../shared/api/auth';

/** The person the fake signs staff and admin windows in as, unless a test says otherwise. */
export const SIGNED_IN_NAME = '受付 花子';
type IdentityHandlers = {
  [N in IdentityRequestName]?: (input: IdentityRequestInput<N>) => IdentityResult<IdentityRequestOutputs[N]>;
};

export const NOW = '2026-11-25T09:30:00+09:00';
export const TODAY = '2026-11-25';

export function makeOnline(patch: Partial<OnlineStatus> = {}): OnlineStatus {
  return { state: 'up', mode: 'auto', online: true, since: '2026-11-25T08:00:00+09:00', ...patch };
}

export function makeStatus(patch: Partial<KioskStatus> = {}): KioskStatus {
  return {
    now: NOW,
    today: TODAY,
    online: makeOnline(),
    clinicName: 'さくら内科クリニック',
    languages: ['ja', 'en'],
    patientCardReader: 'off',
    callRooms: [{ id: '1', label: '診察室' }],
    displaySpeechLanguages: ['ja'],
    idleTimeoutSeconds: 90,
    demoPanel: false,
    readerAdapter: 'simulator',
    ...patch,
  };
}

export function makeRead(patch: Partial<UnmatchedRead> = {}): UnmatchedRead {
  return {
    id: 'r-1',
    fileName: '20261125093100_face.xml',
    seenAt: '2026-11-25T00:31:05Z',
    terminalTime: '2026-11-25T09:31:00',
    reason: 'ambiguous',
    outcome: { ok: true, validity: 'valid', identity: { nameKana: 'ヤマダ タロウ', birthDate: '1950-04-01' } },
    candidates: [],
    status: 'open',
    ...patch,
  };
}

export function makeSettings(patch: Partial<AdminSettings> = {}): AdminSettings {
  return {
    clinicName: 'さくら内科クリニック',
    idleTimeoutSeconds: 90,
    demoPanel: false,
    smartphoneReader: false,
    voiceGuidance: false,
    insurerShortcutsMinVisits: 3,
    retentionDays: 365,
    backupDir: '',
    backupIntervalMinutes: 60,
    backupKeep: 48,
    readerQueryTimeoutMs: 30_000,
    readerCardWaitSeconds: 120,
    onshiCp932Fallback: true,
    policy: {},
    patientCardReader: { mode: 'off' },
    patientCardPattern: { charset: 'digits', minLength: 4, maxLength: 10, checkDigit: 'none' },
    printer: '',
    callRooms: [{ id: '1', label: '診察室' }],
    displaySpeechLanguages: ['ja'],
    languages: ['ja', 'en'],
    ...patch,
  };
}

export function makeSession(patch: Partial<CheckInSession> = {}): CheckInSession {
  return { ...newSession('s-1', 'kiosk-1', NOW, TODAY), ...patch };
}

type Handler<N extends RequestName> = (
  input: RequestInput<N>,
) => ApiResult<RequestOutput<N>> | Promise<ApiResult<RequestOutput<N>>>;
export type Handlers = { [N in RequestName]?: Handler<N> };

export interface Call {
  name: RequestName;
  input: unknown;
}

const fail = (code: ApiError['code'], message: string = code): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});

export class FakeApi implements RendererApi {
  readonly role: Role;
  readonly kioskId: string;
  readonly transport = 'websocket' as const;
  readonly calls: Call[] = [];
  status: KioskStatus;
  readonly sessions = new Map<string, CheckInSession>();
  readonly reads = new Map<string, UnmatchedRead>();
  readonly reverifications = new Map<string, ReverificationEntry>();
  settings: AdminSettings;
  /** What session.insurerShortcuts answers (the core learns them from verified check-ins). */
  insurerShortcuts: InsurerShortcut[] = [];
  /** What staff.kioskNames answers (enrolled tablets and their names). */
  kioskNames: KioskName[] = [];
  handlers: Handlers = {};
  /** What admin.verifyAudit / admin.backupNow answer (tests set them). */
  auditCheck: AuditCheck = { intact: true, entries: 12, head: 'ab'.repeat(32) };
  backupResult: ApiResult<BackupSummary> = {
    ok: true,
    value: {
      file: '/backups/kiosk-20261125T000000000Z.sqlite3',
      createdAt: NOW,
      bytes: 65536,
      sessions: 3,
      transitions: 9,
      audit: 12,
    },
  };
  private state: ConnectionState = 'open';
  private nextSession = 1;
  private nextTicket = 1;
  private readonly events = new Map<ApiEventName, Set<(payload: never) => void>>();
  private readonly connectionHandlers = new Set<(s: ConnectionState) => void>();
  private who: ConnectionIdentity | null;
  private readonly identityHandlers = new Set<(identity: ConnectionIdentity) => void>();
  identityHandlersByName: IdentityHandlers = {};
  readonly identityCalls: { name: IdentityRequestName; input: unknown }[] = [];

  constructor(
    options: {
      role?: Role;
      kioskId?: string;
      status?: Partial<KioskStatus>;
      sessions?: CheckInSession[];
      reads?: UnmatchedRead[];
      reverifications?: ReverificationEntry[];
      settings?: Partial<AdminSettings>;
      /** Who the core says this window is; default: signed in for staff/admin, the local kiosk otherwise. */
      identity?: ConnectionIdentity | null;
    } = {},
  ) {
    this.role = options.role ?? 'kiosk';
    this.who =
      options.identity !== undefined
        ? options.identity
        : this.role === 'staff' || this.role === 'admin'
          ? { kind: 'staff', accountId: '00000000-0000-4000-8000-000000000001', name: SIGNED_IN_NAME, role: this.role }
          : this.role === 'display'
            ? { kind: 'device', deviceId: 'display-1', deviceKind: 'display', label: '待合室' }
            : { kind: 'local-kiosk', kioskId: options.kioskId ?? 'kiosk-1' };
    this.kioskId = options.kioskId ?? 'kiosk-1';
    this.status = makeStatus(options.status);
    for (const s of options.sessions ?? []) this.sessions.set(s.id, s);
    for (const r of options.reads ?? []) this.reads.set(r.id, r);
    for (const e of options.reverifications ?? []) this.reverifications.set(e.sessionId, e);
    this.settings = makeSettings({
      clinicName: this.status.clinicName,
      idleTimeoutSeconds: this.status.idleTimeoutSeconds,
      demoPanel: this.status.demoPanel,
      ...options.settings,
    });
  }

  /** A card read the reader could not attach: recorded and pushed to staff, as the core does. */
  pushRead(read: UnmatchedRead): void {
    this.reads.set(read.id, read);
    this.emit('reader.unmatched', read);
  }

  pushReverification(entry: ReverificationEntry): void {
    this.reverifications.set(entry.sessionId, entry);
    this.emit('reverify.updated', entry);
  }

  /** Requests made with this name, in order. */
  inputs<N extends RequestName>(name: N): RequestInput<N>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as RequestInput<N>);
  }

  /** The events sent to sessions (`session.send`), in order; draft saves only when asked for. */
  sentEvents(options: { drafts?: boolean } = {}): string[] {
    return this.inputs('session.send')
      .map((i) => i.event.type)
      .filter((type) => options.drafts || type !== 'save-draft');
  }

  /** The events sent, without the draft saves (which keep typed input on the session). */
  sentInputs(): RequestInput<'session.send'>[] {
    return this.inputs('session.send').filter((i) => i.event.type !== 'save-draft');
  }

  async request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<ApiResult<RequestOutput<N>>> {
    this.calls.push({ name, input });
    await Promise.resolve();
    const custom = this.handlers[name] as Handler<N> | undefined;
    if (custom) return custom(input);
    return this.core(name, input) as ApiResult<RequestOutput<N>>;
  }

  on<E extends ApiEventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void {
    const set = this.events.get(event) ?? new Set();
    this.events.set(event, set);
    set.add(handler as (payload: never) => void);
    return () => set.delete(handler as (payload: never) => void);
  }

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const h of [...(this.events.get(event) ?? [])]) (h as (p: ApiEvents[E]) => void)(payload);
  }

  listeners(event: ApiEventName): number {
    return this.events.get(event)?.size ?? 0;
  }

  connection(): ConnectionState {
    return this.state;
  }

  onConnection(handler: (s: ConnectionState) => void): () => void {
    this.connectionHandlers.add(handler);
    return () => this.connectionHandlers.delete(handler);
  }

  setConnection(state: ConnectionState): void {
    this.state = state;
    for (const h of [...this.connectionHandlers]) h(state);
  }

  close(): void {}

  identity(): ConnectionIdentity | null {
    return this.who;
  }

  onIdentity(handler: (identity: ConnectionIdentity) => void): () => void {
    this.identityHandlers.add(handler);
    return () => this.identityHandlers.delete(handler);
  }

  /** The core changed who this window is (signed in, out, idle). */
  setIdentity(identity: ConnectionIdentity): void {
    this.who = identity;
    for (const h of [...this.identityHandlers]) h(identity);
  }

  async identityRequest<N extends IdentityRequestName>(
    name: N,
    input: IdentityRequestInput<N>,
  ): Promise<IdentityResult<IdentityRequestOutputs[N]>> {
    this.identityCalls.push({ name, input });
    await Promise.resolve();
    const custom = this.identityHandlersByName[name] as
      ((i: IdentityRequestInput<N>) => IdentityResult<IdentityRequestOutputs[N]>) | undefined;
    if (custom) return custom(input);
    if (name === 'auth.signOut') {
      this.setIdentity(this.role === 'kiosk' ? { kind: 'local-kiosk', kioskId: this.kioskId } : { kind: 'anonymous' });
      return { ok: true, value: { identity: this.who!, setupNeeded: false } as IdentityRequestOutputs[N] };
    }
    if (name === 'auth.whoami')
      return { ok: true, value: { identity: this.who!, setupNeeded: false } as IdentityRequestOutputs[N] };
    if (name === 'accounts.list' || name === 'devices.list')
      return { ok: true, value: [] as unknown as IdentityRequestOutputs[N] };
    if (name === 'host.exposure') return { ok: true, value: {} as IdentityRequestOutputs[N] };
    return { ok: false, error: { code: 'forbidden', message: `fake: no handler for ${name}` } };
  }

  /** Apply an event as the core would (readers, staff, the flow) and push the snapshot. */
  apply(sessionId: string, event: SessionEvent): ApiResult<CheckInSession> {
    const s = this.sessions.get(sessionId);
    if (!s) return fail('not-found');
    const r = transition(s, event, {
      now: this.status.now,
      online: this.status.online.online,
      decide: decideEligibility,
      nextTicketNumber: this.nextTicket,
    });
    if (!r.ok) return fail('invalid-event', r.error.message);
    if (r.session.ticketNumber !== undefined && s.ticketNumber === undefined) this.nextTicket += 1;
    this.sessions.set(sessionId, r.session);
    this.emit('session.updated', r.session);
    return { ok: true, value: r.session };
  }

  /** A card on the reader for the kiosk's waiting session. */
  presentCard(outcome: CardReadOutcome): ApiResult<CheckInSession> {
    const waiting = [...this.sessions.values()].find((s) => s.state === 'read-card');
    if (!waiting) return fail('not-found');
    return this.apply(waiting.id, { type: 'card-read', outcome });
  }

  private core(name: RequestName, input: unknown): ApiResult<unknown> {
    switch (name) {
      case 'status.get':
        return { ok: true, value: this.status };
      case 'session.start': {
        const s = newSession(
          `s-${this.nextSession++}`,
          (input as { kioskId: string }).kioskId,
          this.status.now,
          this.status.today,
        );
        this.sessions.set(s.id, s);
        return { ok: true, value: s };
      }
      case 'session.neededInputs': {
        // As the core answers it (without a clinic policy: the national timeline).
        const { today, online } = this.status;
        return {
          ok: true,
          value: PRESENTED_DOCUMENTS.map((document) => ({ document, ...neededInputs(document, today, online.online) })),
        };
      }
      case 'session.insurerShortcuts':
        return { ok: true, value: this.insurerShortcuts };
      case 'session.get': {
        const s = this.sessions.get((input as { sessionId: string }).sessionId);
        return s ? { ok: true, value: s } : fail('not-found');
      }
      case 'session.send': {
        const i = input as RequestInput<'session.send'>;
        const s = this.sessions.get(i.sessionId);
        if (!s) return fail('not-found');
        if (i.expectedVersion !== undefined && i.expectedVersion !== s.version) return fail('conflict');
        return this.apply(i.sessionId, i.event);
      }
      case 'staff.list':
        return { ok: true, value: [...this.sessions.values()] };
      case 'staff.act': {
        const i = input as RequestInput<'staff.act'>;
        return this.apply(i.sessionId, i.event);
      }
      case 'admin.setOnlineMode': {
        const i = input as RequestInput<'admin.setOnlineMode'>;
        const online = makeOnline({
          mode: i.mode,
          online: i.mode !== 'forced-offline',
          state: i.mode === 'forced-offline' ? 'down' : 'up',
        });
        this.status = { ...this.status, online };
        this.emit('status.changed', online);
        return { ok: true, value: online };
      }
      case 'demo.personas':
        return {
          ok: true,
          value: [
            { id: 'yamada', label: '山田 太郎（有効）' },
            { id: 'suzuki', label: '鈴木 花子（無効）' },
          ],
        };
      case 'demo.presentCard': {
        const persona = (input as { persona: string }).persona;
        const r = this.presentCard({
          ok: true,
          validity: 'valid',
          identity: { nameKana: 'ヤマダ タロウ', birthDate: '1950-04-01' },
        });
        return r.ok ? { ok: true, value: { presented: persona } } : r;
      }
      case 'staff.kioskNames':
        return { ok: true, value: this.kioskNames };
      case 'staff.unmatchedReads': {
        const all = (input as RequestInput<'staff.unmatchedReads'>).all === true;
        return { ok: true, value: [...this.reads.values()].filter((r) => all || r.status === 'open') };
      }
      case 'staff.assignRead': {
        const i = input as RequestInput<'staff.assignRead'>;
        const read = this.reads.get(i.readId);
        if (!read || read.status !== 'open') return fail('not-found', 'no such open read');
        const s = this.sessions.get(i.sessionId);
        if (!s || s.state !== 'read-card') return fail('conflict', 'the session does not wait for a card');
        const r = this.apply(i.sessionId, { type: 'card-read', outcome: read.outcome ?? { ok: false } });
        if (!r.ok) return r;
        this.pushRead({ ...read, status: 'assigned', sessionId: i.sessionId, resolvedAt: NOW, resolvedBy: i.staff });
        return r;
      }
      case 'staff.dismissRead': {
        const i = input as RequestInput<'staff.dismissRead'>;
        const read = this.reads.get(i.readId);
        if (!read || read.status !== 'open') return fail('not-found', 'no such open read');
        const done: UnmatchedRead = { ...read, status: 'dismissed', resolvedAt: NOW, resolvedBy: i.staff };
        this.pushRead(done);
        return { ok: true, value: done };
      }
      case 'staff.reverifications':
        return { ok: true, value: [...this.reverifications.values()] };
      case 'admin.getSettings':
        return { ok: true, value: this.settings };
      case 'admin.updateSettings': {
        const i = input as RequestInput<'admin.updateSettings'>;
        const next: AdminSettings = { ...this.settings, ...i.patch } as AdminSettings;
        if (next.idleTimeoutSeconds < 30 || next.idleTimeoutSeconds > 600)
          return {
            ok: false,
            error: {
              code: 'invalid-payload',
              message: "invalid payload for 'admin.updateSettings'",
              issues: [{ path: 'patch.idleTimeoutSeconds', message: 'Too small: expected number to be >=30' }],
            },
          };
        this.settings = next;
        this.status = {
          ...this.status,
          clinicName: next.clinicName,
          idleTimeoutSeconds: next.idleTimeoutSeconds,
          demoPanel: next.demoPanel,
          languages: next.languages,
        };
        this.emit('settings.changed', this.status);
        return { ok: true, value: next };
      }
      case 'admin.verifyAudit':
        return { ok: true, value: this.auditCheck };
      case 'admin.backupNow':
        return this.backupResult;
      default:
        return fail('unknown-request');
    }
  }
}

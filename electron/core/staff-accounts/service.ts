/**
 * Staff accounts (receptionists and clinic admins): slow salted PIN/password hashes, lockout with growing
 * back-off per account (in SQLite) and per client (in memory), server-side sign-in sessions that expire, go
 * idle and die on sign-out or on any change to the account, and the first-run setup code that lets the
 * machine's own console create the first admin. Narrow dependencies: a better-sqlite3 Database, the Clock,
 * the Logger and an audit sink.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import {
  checkSecret,
  codeKey,
  decoyHash,
  DEFAULT_COST,
  hashSecret,
  randomCode,
  randomToken,
  sha256,
  verifySecret,
  type ScryptCost,
} from './secrets';
import { createThrottle, DEFAULT_BACKOFF, lockMsAfter, type BackoffPolicy } from './throttle';
import {
  actorOf,
  fail,
  ok,
  type AuditSink,
  type AuthResult,
  type StaffAccount,
  type StaffIdentity,
  type StaffRole,
  type StaffSignIn,
} from './types';

export interface StaffAccountsOptions {
  db: Database.Database;
  clock: Clock;
  log?: Logger;
  audit?: AuditSink;
  cost?: ScryptCost;
  backoff?: BackoffPolicy;
  /** A sign-in lasts at most this long (default 12 h: one clinic day). */
  sessionMs?: number;
  /** Signed out after this long without a request (default 15 min). */
  idleMs?: number;
  /** The first-run setup code is valid this long (default 24 h). */
  setupCodeMs?: number;
}

export interface StaffAccounts {
  /** True while no enabled admin exists: the app offers first-run setup. */
  setupNeeded(): boolean;
  /** A fresh one-time setup code (replacing any earlier one), or undefined when setup is done. Print it only on the machine's console. */
  issueSetupCode(): string | undefined;
  createFirstAdmin(input: {
    code: string;
    name: string;
    secret: string;
    client: string;
  }): Promise<AuthResult<StaffSignIn>>;
  signIn(input: { name: string; secret: string; client: string }): Promise<AuthResult<StaffSignIn>>;
  /** The person behind a session token, and it counts as activity; undefined when expired, idle, revoked or unknown. */
  resolve(token: string): StaffIdentity | undefined;
  /** Like resolve, without counting as activity (for pushed events). */
  peek(token: string): StaffIdentity | undefined;
  signOut(token: string): void;
  /** When a live session ends at the latest, and after how much idleness. */
  sessionInfo(token: string): { expiresAt: string; idleSeconds: number } | undefined;
  list(): StaffAccount[];
  create(
    input: { name: string; role: StaffRole; secret: string },
    by: StaffIdentity | 'cli',
  ): Promise<AuthResult<StaffAccount>>;
  setDisabled(id: string, disabled: boolean, by: StaffIdentity | 'cli'): AuthResult<StaffAccount>;
  setRole(id: string, role: StaffRole, by: StaffIdentity | 'cli'): AuthResult<StaffAccount>;
  resetSecret(id: string, secret: string, by: StaffIdentity | 'cli'): Promise<AuthResult<StaffAccount>>;
  findByName(name: string): StaffAccount | undefined;
  /** Drop expired sessions and setup codes (called now and then). */
  sweep(): void;
}

interface AccountRow {
  id: string;
  name: string;
  role: StaffRole;
  secret_hash: string;
  disabled: number;
  generation: number;
  failed_count: number;
  locked_until_ms: number;
  created_at: string;
  updated_at: string;
}

const NAME = /^[^\p{Cc}\p{Cf}]{1,60}$/u;
export const cleanName = (name: string) => name.normalize('NFKC').replace(/\s+/g, ' ').trim();

const SECRET_MESSAGES = {
  'too-short': 'a PIN needs at least 6 digits, a password at least 8 characters',
  'too-long': 'a PIN has at most 12 digits, a password at most 128 characters',
  'too-simple': 'choose a PIN that is not a run or a repeat of one digit',
} as const;

export function createStaffAccounts(options: StaffAccountsOptions): StaffAccounts {
  const { db, clock } = options;
  const cost = options.cost ?? DEFAULT_COST;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const sessionMs = options.sessionMs ?? 12 * 3600_000;
  const idleMs = options.idleMs ?? 15 * 60_000;
  const setupCodeMs = options.setupCodeMs ?? 24 * 3600_000;
  const audit = options.audit ?? (() => {});
  const clients = createThrottle(clock, backoff);
  const nowMs = () => clock.now().getTime();

  const q = {
    byName: db.prepare(`SELECT * FROM staff_accounts WHERE name = ?`),
    byId: db.prepare(`SELECT * FROM staff_accounts WHERE id = ?`),
    all: db.prepare(`SELECT * FROM staff_accounts ORDER BY role DESC, name`),
    enabledAdmins: db.prepare(`SELECT COUNT(*) AS n FROM staff_accounts WHERE role = 'admin' AND disabled = 0`),
    insert: db.prepare(
      `INSERT INTO staff_accounts (id, name, role, secret_hash, created_at, updated_at) VALUES (@id, @name, @role, @secret_hash, @at, @at)`,
    ),
    failed: db.prepare(`UPDATE staff_accounts SET failed_count = failed_count + 1 WHERE id = ? RETURNING failed_count`),
    lock: db.prepare(`UPDATE staff_accounts SET locked_until_ms = ? WHERE id = ?`),
    unlock: db.prepare(`UPDATE staff_accounts SET failed_count = 0, locked_until_ms = 0 WHERE id = ?`),
    change: db.prepare(
      `UPDATE staff_accounts SET disabled = @disabled, role = @role, secret_hash = @secret_hash, generation = generation + 1,
         failed_count = 0, locked_until_ms = 0, updated_at = @at WHERE id = @id`,
    ),
    session: db.prepare(
      `SELECT s.generation AS s_gen, s.created_ms, s.last_seen_ms, s.expires_ms, a.* FROM staff_sessions s
         JOIN staff_accounts a ON a.id = s.account_id WHERE s.token_hash = ?`,
    ),
    addSession: db.prepare(
      `INSERT INTO staff_sessions (token_hash, account_id, generation, created_ms, last_seen_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    sessionTimes: db.prepare(`SELECT expires_ms FROM staff_sessions WHERE token_hash = ?`),
    touch: db.prepare(`UPDATE staff_sessions SET last_seen_ms = ? WHERE token_hash = ?`),
    dropSession: db.prepare(`DELETE FROM staff_sessions WHERE token_hash = ?`),
    dropSessionsOf: db.prepare(`DELETE FROM staff_sessions WHERE account_id = ?`),
    sweepSessions: db.prepare(`DELETE FROM staff_sessions WHERE expires_ms <= ? OR last_seen_ms <= ?`),
    setup: db.prepare(`SELECT code_hash, expires_ms FROM staff_setup_code WHERE id = 1`),
    setSetup: db.prepare(
      `INSERT INTO staff_setup_code (id, code_hash, expires_ms) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET code_hash = excluded.code_hash, expires_ms = excluded.expires_ms`,
    ),
    dropSetup: db.prepare(`DELETE FROM staff_setup_code`),
  };

  const view = (r: AccountRow): StaffAccount => ({
    id: r.id,
    name: r.name,
    role: r.role,
    disabled: r.disabled === 1,
    ...(r.locked_until_ms > nowMs() ? { lockedUntil: new Date(r.locked_until_ms).toISOString() } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const identity = (r: AccountRow): StaffIdentity => ({ accountId: r.id, name: r.name, role: r.role });
  const byId = (id: string) => q.byId.get(id) as AccountRow | undefined;
  const setupNeeded = () => (q.enabledAdmins.get() as { n: number }).n === 0;

  // At most two hashes at a time (each takes 32 MiB and a core), and a short queue behind them.
  let running = 0;
  const waiting: (() => void)[] = [];
  async function withHashSlot<T>(work: () => Promise<T>): Promise<T | 'busy'> {
    if (running >= 2) {
      if (waiting.length >= 16) return 'busy';
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  }
  let decoy: Promise<string> | undefined;

  function openSession(row: AccountRow): StaffSignIn {
    const token = randomToken();
    const now = nowMs();
    q.addSession.run(sha256(token), row.id, row.generation, now, now, now + sessionMs);
    return {
      token,
      account: identity(row),
      expiresAt: new Date(now + sessionMs).toISOString(),
      idleSeconds: Math.round(idleMs / 1000),
    };
  }

  function live(token: string, touch: boolean): StaffIdentity | undefined {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return undefined;
    const key = sha256(token);
    const row = q.session.get(key) as
      (AccountRow & { s_gen: number; last_seen_ms: number; expires_ms: number }) | undefined;
    if (!row) return undefined;
    const now = nowMs();
    if (
      row.disabled === 1 ||
      row.s_gen !== row.generation ||
      now >= row.expires_ms ||
      now - row.last_seen_ms >= idleMs
    ) {
      q.dropSession.run(key);
      return undefined;
    }
    if (touch && now - row.last_seen_ms > 5_000) q.touch.run(now, key);
    return identity(row);
  }

  function locked(clientKey: string, row?: AccountRow): number {
    const accountWait = row ? Math.max(0, row.locked_until_ms - nowMs()) : 0;
    return Math.max(accountWait, clients.waitMs(clientKey));
  }
  const lockedError = (ms: number) =>
    fail<never>('locked', 'too many wrong attempts: wait before trying again', Math.ceil(ms / 1000));

  function validName(name: string): string | undefined {
    const n = typeof name === 'string' ? cleanName(name) : '';
    return NAME.test(n) ? n : undefined;
  }

  function change(
    id: string,
    patch: Partial<Pick<AccountRow, 'disabled' | 'role' | 'secret_hash'>>,
    by: StaffIdentity | 'cli',
    action: string,
    detail?: string,
  ): AuthResult<StaffAccount> {
    return db.transaction((): AuthResult<StaffAccount> => {
      const row = byId(id);
      if (!row) return fail('not-found', 'no such account');
      const next = { ...row, ...patch };
      const wasAdmin = row.role === 'admin' && row.disabled === 0;
      const staysAdmin = next.role === 'admin' && next.disabled === 0;
      if (wasAdmin && !staysAdmin && (q.enabledAdmins.get() as { n: number }).n <= 1)
        return fail('last-admin', 'the last enabled admin cannot be disabled or made staff');
      const at = clock.nowIso();
      q.change.run({ id, disabled: next.disabled, role: next.role, secret_hash: next.secret_hash, at });
      q.dropSessionsOf.run(id); // any change to an account ends its sign-ins
      audit({
        at,
        actor: actorOf(by),
        action,
        subject: `account:${row.name}#${row.id}`,
        ...(detail ? { detail } : {}),
      });
      return ok(view(byId(id)!));
    })();
  }

  async function insert(
    input: { name: string; role: StaffRole; secret: string },
    by: StaffIdentity | 'cli' | 'setup',
  ): Promise<AuthResult<AccountRow>> {
    const name = validName(input.name);
    if (!name) return fail('invalid-name', 'a name is 1–60 characters');
    if (input.role !== 'staff' && input.role !== 'admin') return fail('invalid-name', 'role must be staff or admin');
    const problem = checkSecret(typeof input.secret === 'string' ? input.secret : '');
    if (problem) return fail('invalid-secret', SECRET_MESSAGES[problem]);
    if (q.byName.get(name)) return fail('conflict', 'an account with this name exists');
    const hash = await withHashSlot(() => hashSecret(input.secret, cost));
    if (hash === 'busy') return fail('busy', 'the kiosk is busy: try again');
    const id = crypto.randomUUID();
    try {
      q.insert.run({ id, name, role: input.role, secret_hash: hash, at: clock.nowIso() });
    } catch {
      return fail('conflict', 'an account with this name exists');
    }
    audit({
      at: clock.nowIso(),
      actor: actorOf(by),
      action: 'account.create',
      subject: `account:${name}#${id}`,
      detail: input.role,
    });
    return ok(byId(id)!);
  }

  return {
    setupNeeded,
    issueSetupCode() {
      if (!setupNeeded()) {
        q.dropSetup.run();
        return undefined;
      }
      const code = randomCode(12);
      q.setSetup.run(codeKey(code), nowMs() + setupCodeMs);
      options.log?.info('first-run setup code issued (shown on the console only)');
      return code;
    },
    async createFirstAdmin(input) {
      const wait = locked(input.client);
      if (wait > 0) return lockedError(wait);
      const stored = q.setup.get() as { code_hash: string; expires_ms: number } | undefined;
      const given = typeof input.code === 'string' && input.code.length <= 40 ? codeKey(input.code) : '';
      const matches =
        !!stored &&
        stored.expires_ms > nowMs() &&
        given.length === stored.code_hash.length &&
        crypto.timingSafeEqual(Buffer.from(given), Buffer.from(stored.code_hash));
      if (!setupNeeded() || !matches) {
        clients.fail(input.client);
        return fail('invalid-code', 'this setup code is not valid (it is printed on the kiosk machine’s console)');
      }
      const created = await insert({ name: input.name, role: 'admin', secret: input.secret }, 'setup');
      if (!created.ok) return created;
      q.dropSetup.run(); // one-time
      clients.succeed(input.client);
      return ok(openSession(created.value));
    },
    async signIn(input) {
      const name = validName(input.name);
      const row = name ? (q.byName.get(name) as AccountRow | undefined) : undefined;
      const wait = locked(input.client, row);
      if (wait > 0) {
        clients.fail(input.client);
        return lockedError(wait);
      }
      const secret = typeof input.secret === 'string' ? input.secret.slice(0, 200) : '';
      const verified = await withHashSlot(async () => {
        if (row && row.disabled === 0) return verifySecret(secret, row.secret_hash);
        decoy ??= decoyHash(cost);
        await verifySecret(secret, await decoy); // same cost as a real check: names cannot be probed by timing
        return false;
      });
      if (verified === 'busy') return fail('busy', 'the kiosk is busy: try again');
      if (!verified || !row || row.disabled === 1) {
        clients.fail(input.client);
        let retry: number | undefined;
        if (row) {
          const { failed_count } = q.failed.get(row.id) as { failed_count: number };
          const lockMs = lockMsAfter(failed_count, backoff);
          if (lockMs > 0) {
            q.lock.run(nowMs() + lockMs, row.id);
            retry = Math.ceil(lockMs / 1000);
          }
          audit({
            at: clock.nowIso(),
            actor: `client:${input.client.slice(0, 64)}`,
            action: 'auth.sign-in-failed',
            subject: `account:${row.name}#${row.id}`,
            detail: `failures ${failed_count}`,
          });
        }
        const clientWait = clients.waitMs(input.client);
        if (clientWait > 0) retry = Math.max(retry ?? 0, Math.ceil(clientWait / 1000));
        return fail('invalid-credentials', 'the name or PIN is not right', retry);
      }
      q.unlock.run(row.id);
      clients.succeed(input.client);
      const session = openSession(row);
      audit({ at: clock.nowIso(), actor: actorOf(identity(row)), action: 'auth.sign-in' });
      return ok(session);
    },
    resolve: (token) => live(token, true),
    peek: (token) => live(token, false),
    sessionInfo(token) {
      if (!live(token, false)) return undefined;
      const row = q.sessionTimes.get(sha256(token)) as { expires_ms: number } | undefined;
      return row
        ? { expiresAt: new Date(row.expires_ms).toISOString(), idleSeconds: Math.round(idleMs / 1000) }
        : undefined;
    },
    signOut(token) {
      if (typeof token !== 'string') return;
      const who = live(token, false);
      q.dropSession.run(sha256(token));
      if (who) audit({ at: clock.nowIso(), actor: actorOf(who), action: 'auth.sign-out' });
    },
    list: () => (q.all.all() as AccountRow[]).map(view),
    findByName(name) {
      const n = validName(name);
      const row = n ? (q.byName.get(n) as AccountRow | undefined) : undefined;
      return row ? view(row) : undefined;
    },
    async create(input, by) {
      const r = await insert(input, by);
      return r.ok ? ok(view(r.value)) : r;
    },
    setDisabled: (id, disabled, by) =>
      change(id, { disabled: disabled ? 1 : 0 }, by, disabled ? 'account.disable' : 'account.enable'),
    setRole: (id, role, by) =>
      role === 'staff' || role === 'admin'
        ? change(id, { role }, by, 'account.role', role)
        : fail('invalid-name', 'role must be staff or admin'),
    async resetSecret(id, secret, by) {
      const problem = checkSecret(typeof secret === 'string' ? secret : '');
      if (problem) return fail('invalid-secret', SECRET_MESSAGES[problem]);
      if (!byId(id)) return fail('not-found', 'no such account');
      const hash = await withHashSlot(() => hashSecret(secret, cost));
      if (hash === 'busy') return fail('busy', 'the kiosk is busy: try again');
      return change(id, { secret_hash: hash }, by, 'account.reset');
    },
    sweep() {
      const now = nowMs();
      q.sweepSessions.run(now, now - idleMs);
      const s = q.setup.get() as { expires_ms: number } | undefined;
      if (s && s.expires_ms <= now) q.dropSetup.run();
    },
  };
}

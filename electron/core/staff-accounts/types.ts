/** The staff-accounts feature's values: who is signed in, what went wrong. */
export type StaffRole = 'staff' | 'admin';
export const STAFF_ROLES: readonly StaffRole[] = ['staff', 'admin'];

export interface StaffAccount {
  id: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  /** Locked after repeated wrong PINs until this time (ISO), if it is in the future. */
  lockedUntil?: string;
  createdAt: string;
  updatedAt: string;
}

/** A signed-in person, as the core knows them (never as a client says). */
export interface StaffIdentity {
  accountId: string;
  name: string;
  role: StaffRole;
}

export interface StaffSignIn {
  /** The session token: the client keeps it and presents it again; the core keeps only its hash. */
  token: string;
  account: StaffIdentity;
  expiresAt: string;
  idleSeconds: number;
}

export type AuthErrorCode =
  | 'invalid-credentials'
  | 'locked'
  | 'invalid-secret'
  | 'invalid-name'
  | 'invalid-code'
  | 'conflict'
  | 'not-found'
  | 'last-admin'
  | 'busy';

export interface AuthError {
  code: AuthErrorCode;
  message: string;
  /** For 'locked': when the next attempt may be made. */
  retryAfterSeconds?: number;
}

export type AuthResult<T> = { ok: true; value: T } | { ok: false; error: AuthError };

/** What the feature writes to the audit log (the core's store does the writing). */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  subject?: string;
  detail?: string;
}
export type AuditSink = (entry: AuditRecord) => void;

export const fail = <T = never>(code: AuthErrorCode, message: string, retryAfterSeconds?: number): AuthResult<T> => ({
  ok: false,
  error: retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds },
});
export const ok = <T>(value: T): AuthResult<T> => ({ ok: true, value });

/** How an actor appears in the audit log: role and account name, both from the core's records. */
export const actorOf = (who: StaffIdentity | 'cli' | 'setup') =>
  typeof who === 'string' ? who : `${who.role}:${who.name}#${who.accountId}`;

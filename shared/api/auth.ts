/**
 * Identity requests: first-run setup, staff sign-in, device pairing, and the admin's account and device
 * management. They travel on the same transports as the kiosk API (WebSocket, Electron IPC). Who a
 * connection is comes from the core's answer to these requests — never from a URL parameter or a name the
 * client types.
 */
import { z } from '../zod';
import type { ApiErrorCode } from './index';

export const staffRoleSchema = z.enum(['staff', 'admin']);
export type StaffRole = z.infer<typeof staffRoleSchema>;
export const deviceKindSchema = z.enum(['kiosk', 'display']);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

const name = z.string().min(1).max(60);
const secret = z.string().min(1).max(128);
const code = z.string().min(1).max(40);
const token = z.string().min(20).max(100);
const accountId = z.string().uuid();
const deviceId = z.string().regex(/^dev-[A-Za-z0-9_-]{16,40}$/);

/** Who the core says a connection is. */
export type ConnectionIdentity =
  | { kind: 'anonymous' }
  | { kind: 'local-kiosk'; kioskId: string }
  | { kind: 'device'; deviceId: string; deviceKind: DeviceKind; label: string }
  | { kind: 'staff'; accountId: string; name: string; role: StaffRole };

export interface WhoAmI {
  identity: ConnectionIdentity;
  /** No admin exists yet: the app offers first-run setup (the code is on the machine's own console). */
  setupNeeded: boolean;
  /** Only to Electron's own admin window on the kiosk machine, while setup is needed. Never on a kiosk screen or the network. */
  setupCode?: string;
}

export interface SignInResult {
  /** Keep it for this tab only (sessionStorage) and present it with `auth.resume` after a reconnect. */
  token: string;
  identity: Extract<ConnectionIdentity, { kind: 'staff' }>;
  expiresAt: string;
  idleSeconds: number;
}

export interface DeviceCredentialResult {
  deviceId: string;
  /** Keep it on the device (localStorage) and present it with `device.authenticate` on every connection. */
  secret: string;
  kind: DeviceKind;
  label: string;
}

export interface StaffAccountView {
  id: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  lockedUntil?: string;
  createdAt: string;
  updatedAt: string;
}

export interface EnrolledDeviceView {
  id: string;
  kind: DeviceKind;
  label: string;
  createdAt: string;
  createdBy: string;
  lastSeenAt?: string;
  revokedAt?: string;
}

export interface HostExposureView {
  /** Where the host listens for the clinic LAN right now, if it does. */
  lanUrl?: string;
  /** SHA-256 fingerprint of the TLS certificate, for the receptionist PC to compare. */
  tlsFingerprint?: string;
  /** The saved admin setting (applies at the next start); absent = loopback only. */
  setting?: { bind: string; port: number; names: string[] };
  /** The environment (KIOSK_BIND) decides, so the saved setting is not what runs. */
  fromEnvironment?: boolean;
}

/** Requests anyone may make (they are how a connection proves who it is). */
export const identityRequests = {
  'auth.whoami': { input: z.object({}).strict() },
  /** First run only: the setup code (from the machine's console) makes the first admin and signs them in. */
  'auth.setup': { input: z.object({ code, name, secret }).strict() },
  'auth.signIn': { input: z.object({ name, secret }).strict() },
  'auth.resume': { input: z.object({ token }).strict() },
  'auth.signOut': { input: z.object({}).strict() },
  'device.redeem': { input: z.object({ code }).strict() },
  'device.authenticate': { input: z.object({ deviceId, secret: token }).strict() },
} as const;

/** Requests for a signed-in admin. */
export const adminIdentityRequests = {
  'accounts.list': { input: z.object({}).strict() },
  'accounts.create': { input: z.object({ name, role: staffRoleSchema, secret }).strict() },
  'accounts.setDisabled': { input: z.object({ id: accountId, disabled: z.boolean() }).strict() },
  'accounts.setRole': { input: z.object({ id: accountId, role: staffRoleSchema }).strict() },
  'accounts.resetSecret': { input: z.object({ id: accountId, secret }).strict() },
  'devices.list': { input: z.object({}).strict() },
  'devices.createPairingCode': {
    input: z.object({ kind: deviceKindSchema, label: z.string().min(1).max(40) }).strict(),
  },
  'devices.revoke': { input: z.object({ id: deviceId }).strict() },
  'host.exposure': { input: z.object({}).strict() },
  /** Expose the host on the clinic LAN (TLS, sign-in required) or back to loopback only (null). Applies at the next start. */
  'host.setExposure': {
    input: z
      .object({
        bind: z.string().max(64).nullable(),
        port: z.number().int().min(1024).max(65535).optional(),
        names: z.array(z.string().max(253)).max(8).optional(),
      })
      .strict(),
  },
} as const;

export type IdentityRequestName = keyof typeof identityRequests | keyof typeof adminIdentityRequests;
type Specs = typeof identityRequests & typeof adminIdentityRequests;
export type IdentityRequestInput<N extends IdentityRequestName> = z.infer<Specs[N]['input']>;

export interface IdentityRequestOutputs {
  'auth.whoami': WhoAmI;
  'auth.setup': SignInResult;
  'auth.signIn': SignInResult;
  'auth.resume': SignInResult;
  'auth.signOut': WhoAmI;
  'device.redeem': DeviceCredentialResult;
  'device.authenticate': WhoAmI;
  'accounts.list': StaffAccountView[];
  'accounts.create': StaffAccountView;
  'accounts.setDisabled': StaffAccountView;
  'accounts.setRole': StaffAccountView;
  'accounts.resetSecret': StaffAccountView;
  'devices.list': EnrolledDeviceView[];
  'devices.createPairingCode': { code: string; kind: DeviceKind; label: string; expiresAt: string };
  'devices.revoke': EnrolledDeviceView;
  'host.exposure': HostExposureView;
  'host.setExposure': HostExposureView & { restartNeeded: true };
}

export const IDENTITY_REQUEST_NAMES = [
  ...Object.keys(identityRequests),
  ...Object.keys(adminIdentityRequests),
] as IdentityRequestName[];

export function isIdentityRequest(name: unknown): name is IdentityRequestName {
  return (
    typeof name === 'string' && (Object.hasOwn(identityRequests, name) || Object.hasOwn(adminIdentityRequests, name))
  );
}

/** Pushed when the core changes who a connection is (signed out when idle, account changed, device revoked). */
export const IDENTITY_EVENT = 'auth.changed';

/** Error codes identity requests and the gate answer with, besides the API's own. */
export const IDENTITY_ERROR_CODES = [
  'invalid-credentials',
  'locked',
  'invalid-secret',
  'invalid-name',
  'invalid-code',
  'last-admin',
  'busy',
  'rate-limited',
  'sign-in-required',
] as const;
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];
export interface IdentityError {
  code: IdentityErrorCode | ApiErrorCode;
  message: string;
  /** For 'locked' and 'rate-limited': seconds until the next attempt may be made. */
  retryAfterSeconds?: number;
  issues?: { path: string; message: string }[];
}
export type IdentityResult<T> = { ok: true; value: T } | { ok: false; error: IdentityError };

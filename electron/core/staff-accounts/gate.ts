/**
 * The identity gate: every connection (a WebSocket from the browser host, an Electron window over IPC)
 * gets a connection object from here, and the core — not the client — decides who it is:
 *  - a local kiosk (the kiosk screen this machine shows: Electron's kiosk window, or a loopback browser) —
 *    no sign-in, acts only on its own sessions;
 *  - an enrolled device (a LAN kiosk or the waiting-room display) — after `device.authenticate`;
 *  - a signed-in staff member or admin — after `auth.signIn` / `auth.resume`, rechecked on every request
 *    and every pushed event, so idle sign-out, sign-out and account changes take effect at once;
 *  - anonymous (a LAN client that has not proved anything): identity requests only.
 * Names in the audit come from the signed-in account: whatever name a client typed is replaced.
 */
import {
  adminIdentityRequests,
  identityRequests,
  IDENTITY_EVENT,
  isIdentityRequest,
  type ConnectionIdentity,
  type HostExposureView,
  type IdentityRequestName,
  type IdentityResult,
  type WhoAmI,
} from '../../../shared/api/auth';
import type { ApiEventName, ApiResult } from '../../../shared/api/index';
import type { Caller } from '../feature';
import type { Devices } from './devices';
import type { ExposureSetting } from './exposure';
import type { StaffAccounts } from './service';
import type { AuthResult, StaffIdentity } from './types';

/** What the gate needs of the core: its request handler and its event subscriptions, by caller. */
export interface GatedCore {
  handle(caller: Caller, name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(caller: Caller, push: (event: ApiEventName, payload: unknown) => void): () => void;
}

export interface OpenOptions {
  /** What the connection is before it proves anything: the local kiosk screen, or nobody. */
  base: { kind: 'local-kiosk'; kioskId: string } | { kind: 'anonymous' };
  /** Who is asking, for throttling guesses: the remote address, or 'electron:<window>'. */
  client: string;
  /** Electron's own admin window on this machine: may see the first-run setup code. */
  console?: boolean;
  push: (event: ApiEventName | typeof IDENTITY_EVENT, payload: unknown) => void;
  /** Who the connection is now, after it changed (also pushed as the IDENTITY_EVENT event). */
  onIdentity?: (who: WhoAmI) => void;
}

export interface GateConnection {
  handle(name: unknown, input: unknown): Promise<IdentityResult<unknown>>;
  identity(): ConnectionIdentity;
  /** Re-check the identity now (idle sign-out, revocation) and tell the client if it changed. */
  recheck(): void;
  close(): void;
}

export interface Gate {
  open(options: OpenOptions): GateConnection;
  /** Re-check every open connection (call every few seconds so idle sign-outs reach the screen). */
  recheckAll(): void;
}

export interface GateOptions {
  core: GatedCore;
  accounts: StaffAccounts;
  devices: Devices;
  /** The setup code printed at start-up, for Electron's admin window. */
  setupCode?: () => string | undefined;
  /** The LAN address and TLS fingerprint in use, for the admin screen. */
  exposure?: () => Omit<HostExposureView, 'setting'>;
  /** The saved LAN exposure setting. */
  exposureSetting?: ExposureSetting;
}

/** Requests of the kiosk API that carry a typed staff name: the signed-in account's name replaces it. */
const STAFF_NAME_AT: Record<string, 'top' | 'event'> = {
  'staff.act': 'event',
  'staff.assignRead': 'top',
  'staff.dismissRead': 'top',
  'admin.setOnlineMode': 'top',
  'admin.updateSettings': 'top',
};
/** What an enrolled waiting-room display may ask. */
const DISPLAY_REQUESTS = new Set(['status.get']);

const ALL_IDENTITY_REQUESTS = { ...identityRequests, ...adminIdentityRequests };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The input with every identity field set by the core: the kiosk id and the acting staff member's name. */
export function bindIdentity(name: string, input: unknown, who: { kioskId?: string; staffName?: string }): unknown {
  if (!isRecord(input)) return input;
  const copy: Record<string, unknown> = { ...input };
  if (name === 'session.start' && who.kioskId) copy.kioskId = who.kioskId;
  const at = STAFF_NAME_AT[name];
  if (at && who.staffName) {
    if (at === 'top') copy.staff = who.staffName;
    else if (isRecord(copy.event)) copy.event = { ...copy.event, staff: who.staffName };
  }
  return copy;
}

const refuse = (
  code: 'forbidden' | 'sign-in-required' | 'invalid-payload',
  message: string,
): IdentityResult<never> => ({
  ok: false,
  error: { code, message },
});
const fromAuth = <T>(r: AuthResult<T>): IdentityResult<T> => (r.ok ? r : { ok: false, error: r.error });

export function createGate(options: GateOptions): Gate {
  const { core, accounts, devices } = options;
  const open = new Set<GateConnection>();
  const exposureView = (): HostExposureView => {
    const setting = options.exposureSetting?.get();
    return { ...(options.exposure?.() ?? {}), ...(setting ? { setting } : {}) };
  };

  return {
    recheckAll() {
      for (const c of open) c.recheck();
    },
    open(o) {
      let token: string | undefined;
      let staff: StaffIdentity | undefined;
      let device: { deviceId: string; deviceKind: 'kiosk' | 'display'; label: string } | undefined;
      let unsubscribe: () => void = () => {};
      let closed = false;

      const identity = (): ConnectionIdentity => {
        if (staff) return { kind: 'staff', ...staff };
        if (device) return { kind: 'device', ...device };
        return o.base.kind === 'local-kiosk' ? { kind: 'local-kiosk', kioskId: o.base.kioskId } : { kind: 'anonymous' };
      };
      const callerOf = (id: ConnectionIdentity): Caller | undefined => {
        switch (id.kind) {
          case 'staff':
            return { role: id.role, kioskId: 'staff-desk', actor: { accountId: id.accountId, name: id.name } };
          case 'local-kiosk':
            return { role: 'kiosk', kioskId: id.kioskId };
          case 'device':
            // An enrolled waiting-room display is the 'display' role: the call board only, never sessions.
            return { role: id.deviceKind === 'display' ? 'display' : 'kiosk', kioskId: id.deviceId };
          case 'anonymous':
            return undefined;
        }
      };
      const whoami = (): WhoAmI => ({ identity: identity(), setupNeeded: accounts.setupNeeded() });

      /** Subscribe to the core's events as the current identity; pushes are re-checked before they go out. */
      const resubscribe = () => {
        unsubscribe();
        unsubscribe = () => {};
        if (closed) return;
        const caller = callerOf(identity());
        if (!caller) return;
        unsubscribe = core.subscribe(caller, (event, payload) => {
          if (!stillValid(false)) return;
          o.push(event, payload);
        });
      };
      const changed = () => {
        resubscribe();
        const who = whoami();
        o.onIdentity?.(who);
        o.push(IDENTITY_EVENT, who);
      };
      /** False (and the connection falls back to its base identity) when the sign-in or device is gone. */
      const stillValid = (touch: boolean): boolean => {
        if (token) {
          const now = touch ? accounts.resolve(token) : accounts.peek(token);
          if (!now || now.role !== staff?.role) {
            token = undefined;
            staff = undefined;
            changed();
            return false;
          }
        } else if (device && !devices.isActive(device.deviceId)) {
          device = undefined;
          changed();
          return false;
        }
        return true;
      };

      const signedIn = (
        r: AuthResult<{ token: string; account: StaffIdentity; expiresAt: string; idleSeconds: number }>,
      ) => {
        if (!r.ok) return fromAuth(r);
        token = r.value.token;
        staff = r.value.account;
        device = undefined;
        changed();
        return {
          ok: true as const,
          value: {
            token: r.value.token,
            identity: { kind: 'staff' as const, ...r.value.account },
            expiresAt: r.value.expiresAt,
            idleSeconds: r.value.idleSeconds,
          },
        };
      };

      async function identityRequest(name: IdentityRequestName, raw: unknown): Promise<IdentityResult<unknown>> {
        const admin = Object.hasOwn(adminIdentityRequests, name);
        if (admin && staff?.role !== 'admin')
          return refuse(staff ? 'forbidden' : 'sign-in-required', `'${name}' needs a signed-in admin`);
        const parsed = ALL_IDENTITY_REQUESTS[name].input.safeParse(raw ?? {});
        if (!parsed.success) return refuse('invalid-payload', `invalid payload for '${name}'`);
        const input: Record<string, unknown> = parsed.data;
        const str = (k: string) => String(input[k]);
        switch (name) {
          case 'auth.whoami': {
            const me = whoami();
            const code = o.console && me.setupNeeded ? options.setupCode?.() : undefined;
            return { ok: true, value: code ? { ...me, setupCode: code } : me };
          }
          case 'auth.setup':
            return signedIn(
              await accounts.createFirstAdmin({
                code: str('code'),
                name: str('name'),
                secret: str('secret'),
                client: o.client,
              }),
            );
          case 'auth.signIn':
            return signedIn(await accounts.signIn({ name: str('name'), secret: str('secret'), client: o.client }));
          case 'auth.resume': {
            const who = accounts.resolve(str('token'));
            const info = who && accounts.sessionInfo(str('token'));
            if (!who || !info)
              return {
                ok: false,
                error: { code: 'sign-in-required', message: 'this sign-in has ended: sign in again' },
              };
            return signedIn({ ok: true, value: { token: str('token'), account: who, ...info } });
          }
          case 'auth.signOut':
            if (token) accounts.signOut(token);
            token = undefined;
            staff = undefined;
            changed();
            return { ok: true, value: whoami() };
          case 'device.redeem':
            return fromAuth(devices.redeem({ code: str('code'), client: o.client }));
          case 'device.authenticate': {
            const d = devices.authenticate({ deviceId: str('deviceId'), secret: str('secret') });
            if (!d)
              return {
                ok: false,
                error: {
                  code: 'invalid-credentials',
                  message: 'this device is not enrolled (or was revoked): pair it again',
                },
              };
            token = undefined;
            staff = undefined;
            device = { deviceId: d.deviceId, deviceKind: d.kind, label: d.label };
            changed();
            return { ok: true, value: whoami() };
          }
        }
        const by = staff!;
        switch (name) {
          case 'accounts.list':
            return { ok: true, value: accounts.list() };
          case 'accounts.create':
            return fromAuth(
              await accounts.create(
                { name: str('name'), role: input.role === 'admin' ? 'admin' : 'staff', secret: str('secret') },
                by,
              ),
            );
          case 'accounts.setDisabled':
            return fromAuth(accounts.setDisabled(str('id'), input.disabled === true, by));
          case 'accounts.setRole':
            return fromAuth(accounts.setRole(str('id'), input.role === 'admin' ? 'admin' : 'staff', by));
          case 'accounts.resetSecret':
            return fromAuth(await accounts.resetSecret(str('id'), str('secret'), by));
          case 'devices.list':
            return { ok: true, value: devices.list() };
          case 'devices.createPairingCode':
            return fromAuth(
              devices.createPairingCode(
                { kind: input.kind === 'display' ? 'display' : 'kiosk', label: str('label') },
                by,
              ),
            );
          case 'devices.revoke':
            return fromAuth(devices.revoke(str('id'), by));
          case 'host.exposure':
            return { ok: true, value: exposureView() };
          case 'host.setExposure': {
            if (!options.exposureSetting) return refuse('forbidden', 'this host cannot be exposed on the LAN');
            const bind = typeof input.bind === 'string' ? input.bind : null;
            const names = Array.isArray(input.names) ? input.names.map(String) : undefined;
            const port = typeof input.port === 'number' ? input.port : undefined;
            const r = options.exposureSetting.set(
              bind === null ? null : { bind, ...(port ? { port } : {}), ...(names ? { names } : {}) },
              by,
            );
            if (!r.ok) return fromAuth(r);
            return { ok: true, value: { ...exposureView(), restartNeeded: true } };
          }
        }
        return refuse('forbidden', 'unknown identity request');
      }

      const connection: GateConnection = {
        identity,
        recheck: () => void stillValid(false),
        close() {
          closed = true;
          unsubscribe();
          open.delete(connection);
        },
        async handle(name, input) {
          if (closed) return refuse('forbidden', 'connection closed');
          if (isIdentityRequest(name)) {
            if (!stillValid(true) && Object.hasOwn(adminIdentityRequests, name))
              return refuse('sign-in-required', 'this sign-in has ended: sign in again');
            return identityRequest(name, input);
          }
          if (!stillValid(true) && !callerOf(identity())) return refuse('sign-in-required', 'sign in first');
          const id = identity();
          const caller = callerOf(id);
          if (!caller) return refuse('sign-in-required', 'sign in (staff) or pair this device (kiosk) first');
          if (
            id.kind === 'device' &&
            id.deviceKind === 'display' &&
            !(typeof name === 'string' && DISPLAY_REQUESTS.has(name))
          )
            return refuse('forbidden', 'a waiting-room display may not make this request');
          const bound = bindIdentity(typeof name === 'string' ? name : '', input, {
            kioskId: caller.role === 'kiosk' ? caller.kioskId : undefined,
            staffName: id.kind === 'staff' ? id.name : undefined,
          });
          return core.handle(caller, name, bound);
        },
      };
      open.add(connection);
      resubscribe();
      return connection;
    },
  };
}

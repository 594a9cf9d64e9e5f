/**
 * Enrolled devices: a kiosk tablet on the clinic LAN or the waiting-room display. An admin makes a pairing
 * code (short-lived, one use); the device redeems it once and receives a device credential (an id and a
 * random 256-bit secret that only its hash is kept of). From then on the device authenticates with the
 * credential and the core — not the device — says which kiosk it is: its kiosk id is its device id.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { codeKey, randomCode, randomToken, sha256 } from './secrets';
import { createThrottle, DEFAULT_BACKOFF, type BackoffPolicy } from './throttle';
import { actorOf, fail, ok, type AuditSink, type AuthResult, type StaffIdentity } from './types';

export type DeviceKind = 'kiosk' | 'display';
export const DEVICE_KINDS: readonly DeviceKind[] = ['kiosk', 'display'];

export interface EnrolledDevice {
  id: string;
  kind: DeviceKind;
  label: string;
  createdAt: string;
  createdBy: string;
  lastSeenAt?: string;
  revokedAt?: string;
}

export interface DeviceCredential {
  deviceId: string;
  secret: string;
  kind: DeviceKind;
  label: string;
}

export interface DeviceIdentity {
  deviceId: string;
  kind: DeviceKind;
  label: string;
}

export interface Devices {
  createPairingCode(
    input: { kind: DeviceKind; label: string },
    by: StaffIdentity,
  ): AuthResult<{ code: string; kind: DeviceKind; label: string; expiresAt: string }>;
  redeem(input: { code: string; client: string }): AuthResult<DeviceCredential>;
  /** The device behind a credential, or undefined (unknown, wrong secret, revoked). */
  authenticate(input: { deviceId: string; secret: string }): DeviceIdentity | undefined;
  /** Still enrolled (for connections that authenticated earlier). */
  isActive(deviceId: string): boolean;
  list(): EnrolledDevice[];
  revoke(id: string, by: StaffIdentity): AuthResult<EnrolledDevice>;
}

export interface DevicesOptions {
  db: Database.Database;
  clock: Clock;
  audit?: AuditSink;
  backoff?: BackoffPolicy;
  /** A pairing code is valid this long (default 10 minutes). */
  pairingMs?: number;
}

interface DeviceRow {
  id: string;
  kind: DeviceKind;
  label: string;
  secret_hash: string;
  created_by: string;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}

const LABEL = /^[^\p{Cc}\p{Cf}]{1,40}$/u;
const DEVICE_ID = /^dev-[A-Za-z0-9_-]{16,40}$/;

export function createDevices(options: DevicesOptions): Devices {
  const { db, clock } = options;
  const audit = options.audit ?? (() => {});
  const pairingMs = options.pairingMs ?? 10 * 60_000;
  const clients = createThrottle(clock, options.backoff ?? DEFAULT_BACKOFF);
  const nowMs = () => clock.now().getTime();

  const q = {
    addCode: db.prepare(
      `INSERT INTO device_pairing_codes (code_hash, kind, label, created_by, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    takeCode: db.prepare(
      `DELETE FROM device_pairing_codes WHERE code_hash = ? RETURNING kind, label, created_by, expires_ms`,
    ),
    sweepCodes: db.prepare(`DELETE FROM device_pairing_codes WHERE expires_ms <= ?`),
    addDevice: db.prepare(
      `INSERT INTO enrolled_devices (id, kind, label, secret_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    byId: db.prepare(`SELECT * FROM enrolled_devices WHERE id = ?`),
    all: db.prepare(`SELECT * FROM enrolled_devices ORDER BY created_at DESC`),
    seen: db.prepare(`UPDATE enrolled_devices SET last_seen_at = ? WHERE id = ?`),
    revoke: db.prepare(
      `UPDATE enrolled_devices SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL`,
    ),
  };
  const view = (r: DeviceRow): EnrolledDevice => ({
    id: r.id,
    kind: r.kind,
    label: r.label,
    createdAt: r.created_at,
    createdBy: r.created_by,
    ...(r.last_seen_at ? { lastSeenAt: r.last_seen_at } : {}),
    ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
  });

  return {
    createPairingCode(input, by) {
      const label = typeof input.label === 'string' ? input.label.normalize('NFKC').trim() : '';
      if (!LABEL.test(label)) return fail('invalid-name', 'a device label is 1–40 characters');
      if (input.kind !== 'kiosk' && input.kind !== 'display')
        return fail('invalid-name', 'a device is a kiosk or a display');
      q.sweepCodes.run(nowMs());
      const code = randomCode(8);
      const expires = nowMs() + pairingMs;
      q.addCode.run(codeKey(code), input.kind, label, actorOf(by), nowMs(), expires);
      audit({
        at: clock.nowIso(),
        actor: actorOf(by),
        action: 'device.pairing-code',
        detail: `${input.kind}: ${label}`,
      });
      return ok({ code, kind: input.kind, label, expiresAt: new Date(expires).toISOString() });
    },
    redeem(input) {
      const wait = clients.waitMs(input.client);
      if (wait > 0) return fail('locked', 'too many wrong codes: wait before trying again', Math.ceil(wait / 1000));
      const code = typeof input.code === 'string' && input.code.length <= 40 ? input.code : '';
      const row = code
        ? (q.takeCode.get(codeKey(code)) as
            { kind: DeviceKind; label: string; created_by: string; expires_ms: number } | undefined)
        : undefined;
      if (!row || row.expires_ms <= nowMs()) {
        clients.fail(input.client);
        return fail('invalid-code', 'this pairing code is not valid or has expired');
      }
      clients.succeed(input.client);
      const deviceId = `dev-${crypto.randomBytes(12).toString('base64url')}`;
      const secret = randomToken();
      const at = clock.nowIso();
      q.addDevice.run(deviceId, row.kind, row.label, sha256(secret), row.created_by, at);
      audit({
        at,
        actor: `device:${deviceId}`,
        action: 'device.enrolled',
        subject: `device:${deviceId}`,
        detail: `${row.kind}: ${row.label} (code by ${row.created_by})`,
      });
      return ok({ deviceId, secret, kind: row.kind, label: row.label });
    },
    authenticate(input) {
      if (
        typeof input.deviceId !== 'string' ||
        !DEVICE_ID.test(input.deviceId) ||
        typeof input.secret !== 'string' ||
        input.secret.length > 100
      )
        return undefined;
      const row = q.byId.get(input.deviceId) as DeviceRow | undefined;
      if (!row || row.revoked_at) return undefined;
      const given = Buffer.from(sha256(input.secret));
      const stored = Buffer.from(row.secret_hash);
      if (given.length !== stored.length || !crypto.timingSafeEqual(given, stored)) return undefined;
      q.seen.run(clock.nowIso(), row.id);
      return { deviceId: row.id, kind: row.kind, label: row.label };
    },
    isActive(deviceId) {
      const row = q.byId.get(deviceId) as DeviceRow | undefined;
      return !!row && !row.revoked_at;
    },
    list: () => (q.all.all() as DeviceRow[]).map(view),
    revoke(id, by) {
      const row = q.byId.get(id) as DeviceRow | undefined;
      if (!row) return fail('not-found', 'no such device');
      const at = clock.nowIso();
      q.revoke.run(at, actorOf(by), id);
      audit({ at, actor: actorOf(by), action: 'device.revoke', subject: `device:${id}`, detail: row.label });
      return ok(view(q.byId.get(id) as DeviceRow));
    },
  };
}

/**
 * The admin setting that exposes the browser host on the clinic LAN: which address to listen on (one
 * interface's address, or 0.0.0.0 for all), the port, and extra host names the receptionist PCs use.
 * Off means loopback only. `KIOSK_BIND` / `KIOSK_LAN_PORT` in the environment take precedence. The host
 * reads it at start-up: a change takes effect when the host restarts (the admin screen says so).
 */
import net from 'node:net';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { actorOf, fail, ok, type AuditSink, type AuthResult, type StaffIdentity } from './types';

export interface Exposure {
  bind: string;
  port: number;
  names: string[];
}
export const DEFAULT_LAN_PORT = 5443;
const NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A bind address must be an IP literal that is not loopback (loopback is always served anyway). */
export function checkExposure(e: { bind: unknown; port?: unknown; names?: unknown }): Exposure | string {
  const bind = typeof e.bind === 'string' ? e.bind.trim() : '';
  if (!net.isIP(bind))
    return 'the bind address must be an IP address (e.g. 192.168.1.20, or 0.0.0.0 for every interface)';
  if (bind.startsWith('127.') || bind === '::1') return 'loopback is always served: choose the LAN address';
  const port = e.port === undefined ? DEFAULT_LAN_PORT : Number(e.port);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) return 'the port must be 1024–65535';
  const names = Array.isArray(e.names) ? e.names.map((n) => String(n).trim().toLowerCase()).filter(Boolean) : [];
  if (names.length > 8 || names.some((n) => !NAME.test(n) && !net.isIP(n))) return 'up to 8 host names or addresses';
  return { bind, port, names };
}

export function createExposureSetting(options: { db: Database.Database; clock: Clock; audit?: AuditSink }) {
  const { db, clock } = options;
  const get = db.prepare(`SELECT bind, port, names FROM host_exposure WHERE id = 1`);
  const set = db.prepare(
    `INSERT INTO host_exposure (id, bind, port, names, updated_at, updated_by) VALUES (1, @bind, @port, @names, @at, @by)
       ON CONFLICT(id) DO UPDATE SET bind = excluded.bind, port = excluded.port, names = excluded.names, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const del = db.prepare(`DELETE FROM host_exposure`);
  return {
    get(): Exposure | undefined {
      const row = get.get() as { bind: string; port: number; names: string } | undefined;
      if (!row) return undefined;
      const parsed = checkExposure({ bind: row.bind, port: row.port, names: JSON.parse(row.names) as unknown });
      return typeof parsed === 'string' ? undefined : parsed;
    },
    set(
      input: { bind: string; port?: number; names?: string[] } | null,
      by: StaffIdentity | 'cli',
    ): AuthResult<Exposure | null> {
      const at = clock.nowIso();
      if (input === null) {
        del.run();
        options.audit?.({ at, actor: actorOf(by), action: 'host.exposure', detail: 'loopback only' });
        return ok(null);
      }
      const e = checkExposure(input);
      if (typeof e === 'string') return fail('invalid-name', e);
      set.run({ bind: e.bind, port: e.port, names: JSON.stringify(e.names), at, by: actorOf(by) });
      options.audit?.({
        at,
        actor: actorOf(by),
        action: 'host.exposure',
        detail: `${e.bind}:${e.port} ${e.names.join(' ')}`.trim(),
      });
      return ok(e);
    },
  };
}
export type ExposureSetting = ReturnType<typeof createExposureSetting>;

/**
 * Settings: the clinic's settings persisted as one JSON document in the `settings` table, validated on
 * the way in and on the way out (a hand-edited or older row cannot break boot). Schema, limits and
 * defaults are in shared/settings.ts (one source); this feature stores them and owns the admin's
 * requests. Other features read `service.get()` and listen to `service.onChange`.
 */
import {
  ADMIN_SETTING_KEYS,
  adminSettingsSchema,
  adminView,
  DEFAULT_SETTINGS,
  settingsSchema,
  type Settings,
} from '../../../shared/settings';
import type { AuditLog } from '../audit/index';
import { createListeners, defineFeature } from '../feature';
import { actorName, fail, ok, type RequestTable } from '../requests';
import { guarded, type Db } from '../store/index';

export { DEFAULT_SETTINGS, settingsSchema, type Settings };

export const settingsMigrations = [
  {
    version: 1,
    name: 'settings',
    sql: `CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);`,
  },
] as const;

const KEY = 'settings';

export type SettingsUpdate =
  { ok: true; settings: Settings; changed: (keyof Settings)[] } | { ok: false; message: string };

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>, at: string): SettingsUpdate;
  /** After a change was saved, with the keys that changed. */
  onChange(listener: (change: { settings: Settings; changed: (keyof Settings)[] }) => void): () => void;
}

export function createSettings(db: Db, overrides: Partial<Settings> = {}): SettingsService {
  const read = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
  const write = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const listeners = createListeners<{ settings: Settings; changed: (keyof Settings)[] }>();
  const load = (): Settings => {
    const raw = guarded(() => read.get(KEY))()?.value;
    let stored: unknown;
    try {
      stored = raw ? JSON.parse(raw) : {};
    } catch {
      stored = {};
    }
    const base = typeof stored === 'object' && stored !== null ? stored : {};
    const merged = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...base, ...overrides });
    return merged.success ? merged.data : { ...DEFAULT_SETTINGS, ...overrides };
  };
  let current = load();
  return {
    get: () => current,
    update(patch, at) {
      const next = settingsSchema.safeParse({ ...current, ...patch });
      if (!next.success)
        return { ok: false, message: next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
      guarded(() => write.run(KEY, JSON.stringify(next.data), at))();
      const before = current;
      current = next.data;
      const changed = settingsSchema
        .keyof()
        .options.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(current[k]));
      if (changed.length) listeners.emit({ settings: current, changed });
      return { ok: true, settings: current, changed };
    },
    onChange: listeners.on,
  };
}

export interface SettingsDeps {
  audit: AuditLog;
  overrides?: Partial<Settings>;
}

export const settingsFeature = defineFeature({
  name: 'settings',
  migrations: settingsMigrations,
  create({ db, audit, overrides }: SettingsDeps & { db: Db }) {
    const service = createSettings(db, overrides);
    const handlers: Pick<RequestTable, 'admin.getSettings' | 'admin.updateSettings'> = {
      'admin.getSettings': () => ok(adminView(service.get())),
      'admin.updateSettings': (ctx, { patch, staff: typed, reason }) => {
        const { now } = ctx;
        const staff = actorName(ctx, typed);
        const checked = adminSettingsSchema.partial().safeParse(patch);
        if (!checked.success)
          return fail(
            'invalid-payload',
            checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          );
        const at = now;
        const u = service.update(checked.data, at);
        if (!u.ok) return fail('invalid-payload', u.message);
        const changed = ADMIN_SETTING_KEYS.filter((k) => u.changed.includes(k));
        // A change that loosens nothing needs only a reason; the policy schema itself can only tighten.
        if (changed.length)
          audit.write({ at, actor: `admin:${staff}`, action: 'settings', detail: `${changed.join(', ')}: ${reason}` });
        return ok(adminView(u.settings));
      },
    };
    return { service, handlers };
  },
});

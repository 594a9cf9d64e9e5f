/**
 * The one settings module. Defaults here; the admin's changes persist in the store's settings table as
 * one JSON document, validated on the way in and on the way out (a hand-edited or older row cannot break boot).
 */
import { z } from 'zod';
import { onlineModeSchema } from '../../shared/api/index';
import type { Store } from './store/index';

export const settingsSchema = z.object({
  clinicName: z.string().min(1).max(60),
  /** 医療機関コード, 10 digits, written into every number query. */
  institutionCode: z.string().regex(/^\d{10}$/),
  timeZone: z.string().min(1).max(64),
  idleTimeoutSeconds: z.number().int().min(30).max(600),
  onlineMode: onlineModeSchema,
  demoPanel: z.boolean(),
  languages: z.array(z.string()).min(1),
  /** Days to keep finished check-ins before they are purged (patient data: keep the minimum). */
  retentionDays: z.number().int().min(1).max(3650),
  /** Stricter-only clinic policy, passed to the eligibility engine. */
  policy: z.record(z.string(), z.unknown()),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  clinicName: 'さくら内科クリニック',
  institutionCode: '1312345678',
  timeZone: 'Asia/Tokyo',
  idleTimeoutSeconds: 90,
  onlineMode: 'auto',
  demoPanel: true,
  languages: ['ja', 'en'],
  retentionDays: 90,
  policy: {},
};

const KEY = 'settings';

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>, at: string): { ok: true; settings: Settings } | { ok: false; message: string };
}

export function createSettings(store: Store, overrides: Partial<Settings> = {}): SettingsService {
  const load = (): Settings => {
    const raw = store.getSetting(KEY);
    let stored: unknown = {};
    try {
      stored = raw ? JSON.parse(raw) : {};
    } catch {
      stored = {};
    }
    const merged = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(stored as object), ...overrides });
    return merged.success ? merged.data : { ...DEFAULT_SETTINGS, ...overrides };
  };
  let current = load();
  return {
    get: () => current,
    update(patch, at) {
      const next = settingsSchema.safeParse({ ...current, ...patch });
      if (!next.success) return { ok: false, message: next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
      store.setSetting(KEY, JSON.stringify(next.data), at);
      current = next.data;
      return { ok: true, settings: current };
    },
  };
}

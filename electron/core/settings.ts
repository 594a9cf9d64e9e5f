/**
 * The one settings module. Defaults here; the admin's changes persist in the store's settings table as
 * one JSON document, validated on the way in and on the way out (a hand-edited or older row cannot break boot).
 */
import { z } from 'zod';
import { clinicPolicySchema, languagesSchema, onlineModeSchema } from '../../shared/api/index';
import { LOCALES } from '../../shared/i18n/locales';
import type { ClinicPolicy } from '../../shared/eligibility/policy';
import type { Store } from './store/index';

export { clinicPolicySchema };

export const settingsSchema = z.object({
  clinicName: z.string().min(1).max(60),
  /** 医療機関コード, 10 digits, written into every number query. */
  institutionCode: z.string().regex(/^\d{10}$/),
  timeZone: z.string().min(1).max(64),
  idleTimeoutSeconds: z.number().int().min(30).max(600),
  onlineMode: onlineModeSchema,
  demoPanel: z.boolean(),
  /** The languages offered at the kiosk (LOCALES codes, ja always included). */
  languages: languagesSchema,
  /** Days to keep finished check-ins before they are purged (patient data: keep the minimum). */
  retentionDays: z.number().int().min(1).max(3650),
  /** Stricter-only clinic policy (shared/eligibility ClinicPolicy), applied over the national timeline. */
  policy: clinicPolicySchema satisfies z.ZodType<ClinicPolicy>,
  /** The clinic has a card reader that also takes smartphones (スマホのマイナ保険証). */
  smartphoneReader: z.boolean(),
  // The onshi-folder adapter (資格確認端末's shared folder), the online monitor and the re-verification queue.
  /** A number query (個別照会) without an answer after this long is 'unavailable'. */
  readerQueryTimeoutMs: z.number().int().min(100).max(120_000),
  /** A card wait without a card read ends with card-failed 'timeout' after this long. */
  readerCardWaitSeconds: z.number().int().min(1).max(600),
  /** Poll interval of face/ and res/ while something waits; bounds the card-read latency. */
  readerPollMs: z.number().int().min(10).max(5000),
  /** Poll interval when nothing waits. */
  readerIdlePollMs: z.number().int().min(10).max(60_000),
  /** Gap between the two reads of the stability check (same size, mtime and hash). */
  readerStabilityMs: z.number().int().min(5).max(5000),
  /** Tolerance when comparing a file's mtime with the start of a wait (share clocks, coarse mtimes). */
  readerClockSkewMs: z.number().int().min(0).max(60_000),
  /** Use file-system notifications as a hint to poll at once (never relied on). */
  readerWatchHint: z.boolean(),
  /** The online monitor's health probe of the terminal folders. */
  monitorProbeMs: z.number().int().min(50).max(600_000),
  /** Failures in a row before the monitor says 'down'. */
  monitorFailuresForDown: z.number().int().min(1).max(20),
  /** How long one failure keeps the monitor 'degraded'. */
  monitorDegradedWindowMs: z.number().int().min(0).max(3_600_000),
  /** Re-verification runs while online, at this interval (and whenever the monitor comes back). */
  reverifyIntervalMs: z.number().int().min(0).max(3_600_000),
  /** Terminal simulator: a normal answer's delay, and the 'slow answer' persona's. */
  simulatorAnswerMs: z.number().int().min(0).max(60_000),
  simulatorSlowAnswerMs: z.number().int().min(0).max(120_000),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  clinicName: 'さくら内科クリニック',
  institutionCode: '1312345678',
  timeZone: 'Asia/Tokyo',
  idleTimeoutSeconds: 90,
  onlineMode: 'auto',
  demoPanel: true,
  languages: [...LOCALES],
  retentionDays: 90,
  policy: {},
  smartphoneReader: false,
  readerQueryTimeoutMs: 15_000,
  readerCardWaitSeconds: 60,
  readerPollMs: 50,
  readerIdlePollMs: 1000,
  readerStabilityMs: 40,
  readerClockSkewMs: 1000,
  readerWatchHint: true,
  monitorProbeMs: 10_000,
  monitorFailuresForDown: 2,
  monitorDegradedWindowMs: 60_000,
  reverifyIntervalMs: 60_000,
  simulatorAnswerMs: 300,
  simulatorSlowAnswerMs: 5000,
};

const KEY = 'settings';

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>, at: string): { ok: true; settings: Settings } | { ok: false; message: string };
}

export function createSettings(store: Store, overrides: Partial<Settings> = {}): SettingsService {
  const load = (): Settings => {
    const raw = store.getSetting(KEY);
    let stored: unknown;
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
